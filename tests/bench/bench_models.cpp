// Model work at 10,000 accounts, each figure beside Qt's own way of doing the same work:
//   load     AccountStore::load()                 vs reading the file and QJsonDocument::fromJson + walking
//   it filter   AccountFilterModel::setSearchText()  vs QSortFilterProxyModel::setFilterFixedString() over a
//                                                   QStandardItemModel holding the same text
//   sort     sorting the proxy by access expiry   vs a QSortFilterProxyModel sorting a QStandardItemModel
//                                                   on the same instants
//   add      AccountStore::add() on the file-backed store until the row is in the sorted proxy
//                                                 vs QSaveFile writing a file of the same size + appending
//                                                   a row to the QStandardItemModel behind a sorted proxy
//   remove   AccountStore::remove(), the same way vs the same write + removing the row
// Both sides use the same sorted, dynamic-sorting proxy set-up the window has (sorted by name).
// Prints medians and RESULT lines model_<figure>_{floor,tokendesk}_ms.
//
//   bench_models [--accounts N] [--runs R]
#include "AccountFilterModel.h"
#include "AccountModel.h"
#include "BenchAccounts.h"
#include "BenchProbe.h"
#include "CoreServices.h"
#include "accounts/AccountStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTemporaryDir>

#include <cstdio>
#include <functional>

namespace {

constexpr int kSearchRole = Qt::UserRole + 1;
constexpr int kSortRole = Qt::UserRole + 2;
const QString kSearchText = QStringLiteral("user12");

// What a view does after a change: asks for the rows and reads the first one. A proxy may defer its
// filtering or mapping until then, so each timed step ends with this on both sides.
void readFirstRow(const QAbstractItemModel &model) {
    if (model.rowCount() > 0)
        (void)model.index(0, 0).data();
}

// Median wall time of `runs` calls of `work`, in ms; `prepare` runs untimed before each.
double timeMs(int runs, const std::function<void()> &work, const std::function<void()> &prepare = {}) {
    QList<double> samples;
    for (int i = 0; i < runs; ++i) {
        if (prepare)
            prepare();
        QCoreApplication::processEvents(); // nothing left over from the previous run gets timed
        QElapsedTimer timer;
        timer.start();
        work();
        samples.append(double(timer.nsecsElapsed()) / 1e6);
    }
    return BenchProbe::median(samples);
}

QList<QStandardItem *> floorRow(const Account &a) {
    QList<QStandardItem *> row;
    const auto text = [](const QString &s) {
        auto *item = new QStandardItem(s);
        item->setData(s.toLower(), kSortRole);
        return item;
    };
    row << text(a.name) << text(a.providerId) << text(a.baseUrl.toDisplayString()) << text(a.username)
        << text(QStringLiteral("Valid"));
    for (const QDateTime &t : {a.token.accessExpiresAt, a.token.refreshExpiresAt}) {
        auto *item = new QStandardItem(t.toString());
        item->setData(t.toMSecsSinceEpoch(), kSortRole);
        row << item;
    }
    row.first()->setData(QStringList{a.name, a.providerId, a.username, a.baseUrl.toDisplayString()}
                             .join(QLatin1Char('\n'))
                             .toLower(),
                         kSearchRole);
    return row;
}

void report(const char *figure, double floorMs, double tokendeskMs) {
    std::printf("  %-8s %12.3f %14.3f %8.2f\n", figure, floorMs, tokendeskMs, tokendeskMs / floorMs);
    BenchProbe::result(QByteArray("model_") + figure + "_floor_ms", floorMs);
    BenchProbe::result(QByteArray("model_") + figure + "_tokendesk_ms", tokendeskMs);
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int count = BenchProbe::option(args, QStringLiteral("--accounts"), QStringLiteral("10000")).toInt();
    const int runs = qMax(1, BenchProbe::option(args, QStringLiteral("--runs"), QStringLiteral("7")).toInt());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("accounts.json"));
    if (!writeBenchAccounts(path, count))
        return 1;

    // TokenDesk: the core and the window's model chain.
    CoreOptions options;
    options.configDirectory = dir.path();
    options.keychainService = QStringLiteral("TokenDesk-bench");
    CoreServices core(options);
    AccountModel model(core.accounts(), core.tokens(), core.providers(), core.clock());
    AccountFilterModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(AccountModel::NameColumn, Qt::AscendingOrder);

    // The floor: the same rows in a QStandardItemModel behind a plain sorted proxy.
    QStandardItemModel floorModel(0, AccountModel::ColumnCount);
    for (const Account &a : core.accounts()->accounts())
        floorModel.appendRow(floorRow(a));
    QSortFilterProxyModel floorProxy;
    floorProxy.setSourceModel(&floorModel);
    floorProxy.setSortRole(kSortRole);
    floorProxy.setFilterRole(kSearchRole);
    floorProxy.setDynamicSortFilter(true);
    floorProxy.sort(AccountModel::NameColumn, Qt::AscendingOrder);

    std::printf("model work at %d accounts, median of %d runs each\n", count, runs);
    std::printf("  %-8s %12s %14s %8s\n", "figure", "floor ms", "TokenDesk ms", "ratio");

    const double loadFloor = timeMs(runs, [&] {
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll());
        qsizetype fields = 0;
        for (const QJsonValue &v : doc.object().value(QStringLiteral("accounts")).toArray())
            fields += v.toObject().size();
        if (fields == 0)
            std::fprintf(stderr, "no fields?\n");
    });
    const double loadTd = timeMs(runs, [&] {
        AccountStore store(path);
        store.load();
        if (store.count() != count)
            std::fprintf(stderr, "loaded %lld accounts\n", static_cast<long long>(store.count()));
    });
    report("load", loadFloor, loadTd);

    const double filterFloor = timeMs(
        runs, [&] { floorProxy.setFilterFixedString(kSearchText); readFirstRow(floorProxy); },
        [&] { floorProxy.setFilterFixedString(QString()); readFirstRow(floorProxy); });
    const double filterTd = timeMs(
        runs, [&] { proxy.setSearchText(kSearchText); readFirstRow(proxy); },
        [&] { proxy.setSearchText(QString()); readFirstRow(proxy); });
    floorProxy.setFilterFixedString(QString());
    proxy.setSearchText(QString());
    report("filter", filterFloor, filterTd);

    const int expiry = AccountModel::AccessExpiryColumn;
    const double sortFloor = timeMs(
        runs, [&] { floorProxy.sort(expiry, Qt::AscendingOrder); readFirstRow(floorProxy); },
        [&] { floorProxy.sort(AccountModel::NameColumn, Qt::AscendingOrder); readFirstRow(floorProxy); });
    const double sortTd = timeMs(
        runs, [&] { proxy.sort(expiry, Qt::AscendingOrder); readFirstRow(proxy); },
        [&] { proxy.sort(AccountModel::NameColumn, Qt::AscendingOrder); readFirstRow(proxy); });
    floorProxy.sort(AccountModel::NameColumn, Qt::AscendingOrder);
    proxy.sort(AccountModel::NameColumn, Qt::AscendingOrder);
    report("sort", sortFloor, sortTd);

    // Add and remove: one account, through the file, until the row is in (or out of) the sorted proxy.
    Account extra = core.accounts()->accounts().first();
    extra.name = QStringLiteral("bench-extra");
    const QString floorFile = dir.filePath(QStringLiteral("floor.json"));
    QFile source(path);
    source.open(QIODevice::ReadOnly);
    const QByteArray fileBytes = source.readAll();
    const auto floorWrite = [&] {
        QSaveFile out(floorFile);
        out.open(QIODevice::WriteOnly);
        out.write(fileBytes);
        out.commit();
    };
    const int rowsBefore = proxy.rowCount();
    QList<double> addFloor, removeFloor, addTd, removeTd;
    for (int i = 0; i < runs; ++i) {
        QCoreApplication::processEvents();
        QElapsedTimer timer;
        timer.start();
        floorWrite();
        floorModel.appendRow(floorRow(extra));
        readFirstRow(floorProxy);
        addFloor.append(double(timer.nsecsElapsed()) / 1e6);
        timer.start();
        floorWrite();
        floorModel.removeRow(floorModel.rowCount() - 1);
        readFirstRow(floorProxy);
        removeFloor.append(double(timer.nsecsElapsed()) / 1e6);

        extra.id = Account::newId();
        QCoreApplication::processEvents();
        timer.start();
        const bool added = core.accounts()->add(extra).ok && proxy.rowCount() == rowsBefore + 1;
        readFirstRow(proxy);
        addTd.append(double(timer.nsecsElapsed()) / 1e6);
        QCoreApplication::processEvents();
        timer.start();
        const bool removed = core.accounts()->remove(extra.id).ok && proxy.rowCount() == rowsBefore;
        readFirstRow(proxy);
        removeTd.append(double(timer.nsecsElapsed()) / 1e6);
        if (!added || !removed)
            std::fprintf(stderr, "bench_models: add or remove failed\n");
    }
    report("add", BenchProbe::median(addFloor), BenchProbe::median(addTd));
    report("remove", BenchProbe::median(removeFloor), BenchProbe::median(removeTd));
    return 0;
}
