// AccountModel's sort through AccountFilterModel over the real core, with QAbstractItemModelTester watching
// both for the whole of each test: by expiry instant, by name in each locale's collation, every column both
// ways, rows and the selection kept in order as accounts change. The rest of the model: tst_accountmodel.
#include "AccountModelTest.h"

#include <QCollator>
#include <QItemSelectionModel>
#include <QScopeGuard>

#include <algorithm>

class TestAccountModelSort : public AccountModelTest
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void sortByExpiryUsesTheInstant();
    void sortByNameIsLocaleAwareAndFollowsChanges();
    void sortByNameInEachLocale_data();
    void sortByNameInEachLocale();
    void everyColumnSortsBothWays();
    void rowsStayInOrderAsAccountsChange();
    void selectionFollowsTheRows();
};

void TestAccountModelSort::init()
{
    setUp();
}

void TestAccountModelSort::cleanup()
{
    tearDown();
}

void TestAccountModelSort::sortByExpiryUsesTheInstant()
{
    const QString late = m_f->addAccount(QStringLiteral("b2b-api"));
    const QString none = m_f->addAccount(QStringLiteral("quadrata"));
    const QString soon = m_f->addAccount(QStringLiteral("kyc-jwt"));
    QVERIFY(!m_f->login(late).error);
    QVERIFY(!m_f->login(soon).error);
    Account a = m_f->account(soon);
    a.token.accessExpiresAt = a.token.accessExpiresAt.addSecs(-100);
    QVERIFY(m_f->store->update(a).ok);
    m_proxy->sort(AccountModel::AccessExpiryColumn, Qt::AscendingOrder);
    auto order = [this] {
        QStringList ids;
        for (int r = 0; r < m_proxy->rowCount(); ++r)
            ids.append(m_proxy->index(r, 0).data(AccountModel::AccountIdRole).toString());
        return ids;
    };
    QCOMPARE(order(), (QStringList{soon, late, none})); // no token sorts last
    QSignalSpy moved(m_proxy.get(), &QAbstractItemModel::layoutChanged);
    m_clock->advance(30'000); // time passes: the order and layout stay put
    QCOMPARE(order(), (QStringList{soon, late, none}));
    QCOMPARE(moved.count(), 0);
    m_proxy->sort(AccountModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(order(), (QStringList{none, soon, late})); // demo-quadrata, demo-kyc, demo-b2b
}

void TestAccountModelSort::sortByNameIsLocaleAwareAndFollowsChanges()
{
    const QStringList names{QStringLiteral("beta"), QStringLiteral("Alpha"), QStringLiteral("éclair"),
                            QStringLiteral("account-10"), QStringLiteral("account-9"), QStringLiteral("Zulu"),
                            QStringLiteral("zeta")};
    for (const QString &name : names)
        m_f->addAccount(QStringLiteral("b2b-api"), name);
    m_proxy->sort(AccountModel::NameColumn, Qt::AscendingOrder);
    auto shown = [this] {
        QStringList list;
        for (int r = 0; r < m_proxy->rowCount(); ++r)
            list.append(m_proxy->index(r, AccountModel::NameColumn).data().toString());
        return list;
    };
    // The order QString::localeAwareCompare gives the lower-cased names, as before the collation keys.
    auto expected = [](QStringList list) {
        std::stable_sort(list.begin(), list.end(), [](const QString &a, const QString &b) {
            return a.toLower().localeAwareCompare(b.toLower()) < 0;
        });
        return list;
    };
    QCOMPARE(shown(), expected(names));

    // A rename moves the row (its key is computed again), an added row is placed by its own key.
    const QString id = m_f->store->findByName(QStringLiteral("beta"))->id;
    QVERIFY(m_f->store->modify(id, [](Account &a) { a.name = QStringLiteral("omega"); }).ok);
    m_f->addAccount(QStringLiteral("b2b-api"), QStringLiteral("Mike"));
    QStringList now = names;
    now.replace(now.indexOf(QStringLiteral("beta")), QStringLiteral("omega"));
    now.append(QStringLiteral("Mike"));
    QCOMPARE(shown(), expected(now));
    QVERIFY(m_f->store->remove(m_f->store->findByName(QStringLiteral("Alpha"))->id).ok);
    now.removeOne(QStringLiteral("Alpha"));
    QCOMPARE(shown(), expected(now));
    m_proxy->sort(AccountModel::NameColumn, Qt::DescendingOrder);
    QStringList descending = expected(now);
    std::reverse(descending.begin(), descending.end());
    QCOMPARE(shown(), descending);
}

void TestAccountModelSort::sortByNameInEachLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<bool>("stored_in_order"); // the file lists them in this order already
    for (const bool inOrder : {false, true}) {
        const char *how = inOrder ? ", stored in order" : "";
        QTest::addRow("C: texts compared as they are%s", how) << QStringLiteral("C") << inOrder;
        QTest::addRow("de_DE: collation keys%s", how) << QStringLiteral("de_DE") << inOrder;
        QTest::addRow("sv_SE: collation keys%s", how) << QStringLiteral("sv_SE") << inOrder;
    }
}

// Mixed case, ASCII and not, a letter whose lower case is longer (U+0130), names equal but for case, long
// common prefixes: the order is the collator's on the lower-cased names, ties in the store's order, also for
// rows placed one at a time afterwards. (No Kelvin sign: names are kept in NFC, which makes it a K.)
void TestAccountModelSort::sortByNameInEachLocale()
{
    QFETCH(QString, locale);
    QFETCH(bool, stored_in_order);
    const QLocale previous;
    QLocale::setDefault(QLocale(locale));
    const auto restore = qScopeGuard([&] { QLocale::setDefault(previous); });
    const QCollator collator{QLocale(locale)};
    const auto expected = [&collator](QStringList list) {
        std::stable_sort(list.begin(), list.end(), [&](const QString &a, const QString &b) {
            return collator.compare(a.toLower(), b.toLower()) < 0;
        });
        return list;
    };
    QStringList names{QStringLiteral("Öl"), QStringLiteral("zebra"), QStringLiteral("Ol"),
                      QStringLiteral("ähre"), QStringLiteral("Apfel"), QStringLiteral("b-2"),
                      QStringLiteral("b 1"), QStringLiteral("B3"), QStringLiteral("😀"), QStringLiteral("\uFB01x"),
                      QStringLiteral("apfel"), QStringLiteral("APFELSAFT"), QStringLiteral("\u0130stanbul"),
                      QStringLiteral("istanbul"), QStringLiteral("KELVIN-1"), QStringLiteral("kelvin-2"),
                      QStringLiteral("Kelvin"), QStringLiteral("b"), QStringLiteral("B-"),
                      QStringLiteral("account-000B"), QStringLiteral("account-000a"), QStringLiteral("Account-000a1"),
                      QStringLiteral("account-0000\u00C4"), QStringLiteral("account-0000z")};
    if (stored_in_order)
        names = expected(names);
    QStringList ids;
    for (const QString &name : std::as_const(names))
        ids.append(m_f->addAccount(QStringLiteral("b2b-api"), name));
    // A model made in this locale: the one init() made kept the locale it was made in.
    AccountModel model(m_f->store.get(), m_f->manager.get(), &m_f->registry, m_clock.get());
    AccountFilterModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.sort(AccountModel::NameColumn, Qt::AscendingOrder);
    const auto shown = [&proxy] {
        QStringList list;
        for (int r = 0; r < proxy.rowCount(); ++r)
            list.append(proxy.index(r, AccountModel::NameColumn).data().toString());
        return list;
    };
    QCOMPARE(shown(), expected(names));

    // Rows placed one at a time among rows sorted before: a rename moves one, an added one goes to its place.
    const qsizetype zebra = names.indexOf(QStringLiteral("zebra"));
    QVERIFY(m_f->store->modify(ids[zebra], [](Account &a) { a.name = QStringLiteral("Mango"); }).ok);
    names[zebra] = QStringLiteral("Mango");
    m_f->addAccount(QStringLiteral("b2b-api"), QStringLiteral("\u00C4pfel"));
    names.append(QStringLiteral("\u00C4pfel"));
    m_f->addAccount(QStringLiteral("b2b-api"), QStringLiteral("KIWI"));
    names.append(QStringLiteral("KIWI"));
    QCOMPARE(shown(), expected(names));
    proxy.sort(AccountModel::NameColumn, Qt::DescendingOrder);
    QStringList descending = names;
    std::stable_sort(descending.begin(), descending.end(), [&](const QString &a, const QString &b) {
        return collator.compare(b.toLower(), a.toLower()) < 0;
    });
    QCOMPARE(shown(), descending);
}

namespace {

QStringList shownIds(const QAbstractItemModel &model)
{
    QStringList ids;
    for (int r = 0; r < model.rowCount(); ++r)
        ids.append(model.index(r, 0).data(AccountModel::AccountIdRole).toString());
    return ids;
}

// The order a QSortFilterProxyModel sorting on SortRole gave, worked out here from the rows' SortRole.
QStringList expectedOrder(const AccountModel &model, int column, Qt::SortOrder order)
{
    struct Entry
    {
        QString id;
        QVariant key;
    };
    QList<Entry> entries;
    for (int r = 0; r < model.rowCount(); ++r)
        entries.append({model.accountId(r), model.index(r, column).data(AccountModel::SortRole)});
    const auto less = [](const QVariant &l, const QVariant &r) {
        if (l.typeId() == QMetaType::QString)
            return l.toString().localeAwareCompare(r.toString()) < 0;
        return QVariant::compare(l, r) == QPartialOrdering::Less;
    };
    std::stable_sort(entries.begin(), entries.end(), [&](const Entry &a, const Entry &b) {
        return order == Qt::AscendingOrder ? less(a.key, b.key) : less(b.key, a.key);
    });
    QStringList ids;
    for (const Entry &e : entries)
        ids.append(e.id);
    return ids;
}

} // namespace

void TestAccountModelSort::everyColumnSortsBothWays()
{
    const QString a = m_f->addAccount(QStringLiteral("b2b-api"), QStringLiteral("Zeta"));
    const QString b = m_f->addAccount(QStringLiteral("quadrata"), QStringLiteral("alpha"));
    const QString c = m_f->addAccount(QStringLiteral("kyc-jwt"), QStringLiteral("Mu"));
    m_f->addAccount(QStringLiteral("partner-api"), QStringLiteral("beta"));
    QVERIFY(!m_f->login(a).error);
    QVERIFY(!m_f->login(c).error);
    Account account = m_f->account(c);
    account.token.accessExpiresAt = account.token.accessExpiresAt.addSecs(-200);
    account.token.refreshExpiresAt = account.token.refreshExpiresAt.addSecs(500);
    QVERIFY(m_f->store->update(account).ok);
    Q_UNUSED(b);
    for (int column = 0; column < AccountModel::ColumnCount; ++column) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            m_proxy->sort(column, order);
            const QStringList expected = expectedOrder(*m_model, column, order);
            QCOMPARE(shownIds(*m_proxy), expected);
            QCOMPARE(shownIds(*m_model), expected); // the model holds the order: the proxy does not sort
            QCOMPARE(m_proxy->sortColumn(), -1);
            QCOMPARE(m_model->sortColumn(), column);
            QCOMPARE(m_model->sortOrder(), order);
        }
    }
    m_proxy->sort(-1); // back to the store's order, as a QSortFilterProxyModel would
    QCOMPARE(m_model->sortColumn(), -1);
    QStringList stored;
    for (const Account &each : m_f->store->accounts())
        stored.append(each.id);
    QCOMPARE(shownIds(*m_proxy), stored);
}

void TestAccountModelSort::rowsStayInOrderAsAccountsChange()
{
    const QString late = m_f->addAccount(QStringLiteral("b2b-api"), QStringLiteral("late"));
    const QString soon = m_f->addAccount(QStringLiteral("kyc-jwt"), QStringLiteral("soon"));
    const QString none = m_f->addAccount(QStringLiteral("quadrata"), QStringLiteral("none"));
    QVERIFY(!m_f->login(late).error);
    QVERIFY(!m_f->login(soon).error);
    const auto shiftAccess = [this](const QString &id, int seconds) {
        Account a = m_f->account(id);
        a.token.accessExpiresAt = m_clock->now().addSecs(seconds);
        QVERIFY(m_f->store->update(a).ok);
    };
    shiftAccess(late, 3000);
    shiftAccess(soon, 1000);
    m_proxy->sort(AccountModel::AccessExpiryColumn, Qt::AscendingOrder);
    QCOMPARE(shownIds(*m_proxy), (QStringList{soon, late, none}));

    // Renewed (the expiry moves later): the row moves, and a persistent index on it follows.
    const QPersistentModelIndex soonCell = m_proxy->index(0, AccountModel::NameColumn);
    QSignalSpy moved(m_model.get(), &QAbstractItemModel::rowsMoved);
    shiftAccess(soon, 5000);
    QCOMPARE(shownIds(*m_proxy), (QStringList{late, soon, none}));
    QCOMPARE(moved.count(), 1);
    QCOMPARE(soonCell.row(), 1);
    QCOMPARE(soonCell.data(AccountModel::AccountIdRole).toString(), soon);
    // Logged in again: the new token's expiry places the row.
    QVERIFY(!m_f->login(none).error);
    const QDateTime noneExpires = m_f->account(none).token.accessExpiresAt;
    QStringList expected{late, soon};
    expected.insert(noneExpires < m_clock->now().addSecs(3000) ? 0 : (noneExpires < m_clock->now().addSecs(5000) ? 1 : 2), none);
    QCOMPARE(shownIds(*m_proxy), expected);
    shiftAccess(none, 4000);
    QCOMPARE(shownIds(*m_proxy), (QStringList{late, none, soon}));
    // A change that keeps the place moves nothing; time passing moves nothing either.
    moved.clear();
    shiftAccess(none, 4001);
    m_clock->advance(4500'000);
    QCOMPARE(shownIds(*m_proxy), (QStringList{late, none, soon}));
    QCOMPARE(moved.count(), 0);

    // Descending by name: an added account goes to its place, a rename moves, a removal keeps the order.
    m_proxy->sort(AccountModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(shownIds(*m_proxy), (QStringList{soon, none, late}));
    const QString mid = m_f->addAccount(QStringLiteral("b2b-api"), QStringLiteral("Mid"));
    QCOMPARE(shownIds(*m_proxy), (QStringList{soon, none, mid, late}));
    QVERIFY(m_f->store->modify(late, [](Account &a) { a.name = QStringLiteral("Tardy"); }).ok);
    QCOMPARE(shownIds(*m_proxy), (QStringList{late, soon, none, mid}));
    QVERIFY(m_f->store->modify(late, [](Account &a) { a.name = QStringLiteral("aardvark"); }).ok);
    QCOMPARE(shownIds(*m_proxy), (QStringList{soon, none, mid, late}));
    QVERIFY(m_f->store->remove(none).ok);
    QCOMPARE(shownIds(*m_proxy), (QStringList{soon, mid, late}));
    for (int r = 0; r < m_model->rowCount(); ++r)
        QCOMPARE(m_model->rowOf(m_model->accountId(r)), r);
    // Filtered, the shown rows keep the order as well.
    m_proxy->setSearchText(QStringLiteral("b2b"));
    const QString zed = m_f->addAccount(QStringLiteral("b2b-api"), QStringLiteral("Zara"));
    QCOMPARE(shownIds(*m_proxy), (QStringList{zed, mid, late}));
}

void TestAccountModelSort::selectionFollowsTheRows()
{
    const QString a = m_f->addAccount(QStringLiteral("b2b-api"), QStringLiteral("alpha"));
    const QString b = m_f->addAccount(QStringLiteral("b2b-api"), QStringLiteral("beta"));
    const QString c = m_f->addAccount(QStringLiteral("b2b-api"), QStringLiteral("gamma"));
    m_proxy->sort(AccountModel::NameColumn, Qt::AscendingOrder);
    QItemSelectionModel selection(m_proxy.get());
    selection.setCurrentIndex(m_proxy->index(1, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selection.select(m_proxy->index(2, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    const auto selectedIds = [&] {
        QStringList ids;
        for (const QModelIndex &index : selection.selectedRows())
            ids.append(index.data(AccountModel::AccountIdRole).toString());
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    QStringList both{b, c};
    std::sort(both.begin(), both.end());
    QCOMPARE(selectedIds(), both);
    m_proxy->sort(AccountModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(shownIds(*m_proxy), (QStringList{c, b, a}));
    QCOMPARE(selection.currentIndex().data(AccountModel::AccountIdRole).toString(), b);
    QCOMPARE(selectedIds(), both);
    QVERIFY(m_f->store->modify(b, [](Account &x) { x.name = QStringLiteral("zulu"); }).ok);
    QCOMPARE(shownIds(*m_proxy), (QStringList{b, c, a}));
    QCOMPARE(selection.currentIndex().row(), 0);
    QCOMPARE(selection.currentIndex().data(AccountModel::AccountIdRole).toString(), b);
    QCOMPARE(selectedIds(), both);
}

QTEST_GUILESS_MAIN(TestAccountModelSort)
#include "tst_accountmodelsort.moc"
