// AuthHeaderModel and AuthHeaderFilterModel with QAbstractItemModelTester watching both for the whole of
// each test: set, add, remove, reveal, sort, filter.
#include "AuthHeaderModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include <memory>

namespace {
AuthHeader header(const QString &name, const QByteArray &token, const QDateTime &created)
{
    return AuthHeader{QStringLiteral("id-") + name, name, token, created};
}

QDateTime at(int day, int hour = 12)
{
    return QDateTime(QDate(2026, 3, day), QTime(hour, 0), QTimeZone::utc());
}
} // namespace

class TestAuthHeaderModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void setAddRemove();
    void tokensAreMasked();
    void maskToken_data();
    void maskToken();
    void revealIsOneCell();
    void revealSurvivesARefresh();
    void sortByCreatedUsesTheInstant();
    void sortByNameIgnoresCase();
    void filterByNameOrId();

private:
    QList<AuthHeader> three() const;
    QStringList namesInProxyOrder() const;

    std::unique_ptr<AuthHeaderModel> m_model;
    std::unique_ptr<AuthHeaderFilterModel> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestAuthHeaderModel::init()
{
    m_model = std::make_unique<AuthHeaderModel>();
    m_proxy = std::make_unique<AuthHeaderFilterModel>();
    m_proxy->setSourceModel(m_model.get());
    m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(),
                                                               QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestAuthHeaderModel::cleanup()
{
    m_proxyTester.reset();
    m_modelTester.reset();
    m_proxy.reset();
    m_model.reset();
}

QList<AuthHeader> TestAuthHeaderModel::three() const
{
    // Created out of name order, and "Zeta" sorts last only case-insensitively.
    return {header(QStringLiteral("production-api-key"), QByteArrayLiteral("ah_prod0123456789abcdefWXYZ"), at(20)),
            header(QStringLiteral("ci-runner"), QByteArrayLiteral("ah_ci000123456789abcdef1234"), at(3)),
            header(QStringLiteral("Zeta"), QByteArrayLiteral("ah_zeta0123456789abcdefzzzz"), at(11))};
}

QStringList TestAuthHeaderModel::namesInProxyOrder() const
{
    QStringList names;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        names.append(m_proxy->index(row, AuthHeaderModel::NameColumn).data().toString());
    return names;
}

void TestAuthHeaderModel::setAddRemove()
{
    QCOMPARE(m_model->columnCount(), int(AuthHeaderModel::ColumnCount));
    QCOMPARE(m_model->rowCount(), 0);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    m_model->setHeaders(three());
    QCOMPARE(reset.size(), 1);
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->headerAt(1).name, QStringLiteral("ci-runner"));
    QCOMPARE(m_model->index(1, AuthHeaderModel::IdColumn).data().toString(), QStringLiteral("id-ci-runner"));
    QVERIFY(m_model->headerAt(7).name.isEmpty());

    QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
    m_model->addHeader(header(QStringLiteral("new"), QByteArrayLiteral("ah_new0123456789abcdef0000"), at(25)));
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_proxy->rowCount(), 4);
    // The same token again updates its row instead of listing it twice.
    m_model->addHeader(header(QStringLiteral("renamed"), QByteArrayLiteral("ah_new0123456789abcdef0000"), at(25)));
    QCOMPARE(m_model->rowCount(), 4);
    QCOMPARE(m_model->headerAt(3).name, QStringLiteral("renamed"));

    QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
    QVERIFY(m_model->removeByToken(QByteArrayLiteral("ah_ci000123456789abcdef1234")));
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 1);
    QVERIFY(!m_model->removeByToken(QByteArrayLiteral("ah_ci000123456789abcdef1234")));
    QCOMPARE(m_model->rowCount(), 3);
    QCOMPARE(m_model->rowOfToken(QByteArrayLiteral("ah_zeta0123456789abcdefzzzz")), 1);
    m_model->clear();
    QCOMPARE(m_model->rowCount(), 0);
}

void TestAuthHeaderModel::tokensAreMasked()
{
    m_model->setHeaders(three());
    const QModelIndex token = m_model->index(0, AuthHeaderModel::TokenColumn);
    QCOMPARE(token.data().toString(), QStringLiteral("ah_p…WXYZ"));
    QVERIFY(!token.data().toString().contains(QStringLiteral("0123456789")));
    QCOMPARE(token.data(AuthHeaderModel::TokenRole).toByteArray(), QByteArrayLiteral("ah_prod0123456789abcdefWXYZ"));
    QCOMPARE(token.data(AuthHeaderModel::RevealedRole).toBool(), false);
    // Screen readers hear that it is hidden, not a string of bullets.
    QCOMPARE(token.data(Qt::AccessibleTextRole).toString(), QStringLiteral("hidden token"));
    // Nothing but the token column shows any part of it; the filter text never contains it.
    for (int c = 0; c < AuthHeaderModel::TokenColumn; ++c)
        QVERIFY(!m_model->index(0, c).data().toString().contains(QStringLiteral("ah_")));
    QVERIFY(!token.data(AuthHeaderModel::SearchTextRole).toString().contains(QStringLiteral("ah_")));
}

void TestAuthHeaderModel::maskToken_data()
{
    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QString>("masked");
    QTest::newRow("long") << QByteArrayLiteral("abcdefghijklmnopqrstuvwxyz") << QStringLiteral("abcd…wxyz");
    QTest::newRow("sixteen") << QByteArrayLiteral("0123456789abcdef") << QStringLiteral("0123…cdef");
    QTest::newRow("short") << QByteArrayLiteral("0123456789abcde") << QString(8, QChar(0x2022));
    QTest::newRow("tiny") << QByteArrayLiteral("ab") << QString(8, QChar(0x2022));
    QTest::newRow("empty") << QByteArray() << QStringLiteral("—");
}

void TestAuthHeaderModel::maskToken()
{
    QFETCH(QByteArray, token);
    QFETCH(QString, masked);
    QCOMPARE(AuthHeaderModel::maskToken(token), masked);
}

void TestAuthHeaderModel::revealIsOneCell()
{
    m_model->setHeaders(three());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_model->setRevealed(1, true);
    QCOMPARE(changed.size(), 1);
    const QModelIndex cell = m_model->index(1, AuthHeaderModel::TokenColumn);
    QCOMPARE(changed.first().at(0).toModelIndex(), cell);
    QCOMPARE(changed.first().at(1).toModelIndex(), cell);
    QVERIFY(changed.first().at(2).value<QList<int>>().contains(Qt::DisplayRole));
    QCOMPARE(cell.data().toString(), QStringLiteral("ah_ci000123456789abcdef1234"));
    QVERIFY(m_model->isRevealed(1));
    QVERIFY(!m_model->isRevealed(0));
    QCOMPARE(m_model->index(0, AuthHeaderModel::TokenColumn).data().toString(), QStringLiteral("ah_p…WXYZ"));

    // No change, no signal; out of range is ignored.
    m_model->setRevealed(1, true);
    m_model->setRevealed(9, true);
    m_model->setRevealed(-1, true);
    QCOMPARE(changed.size(), 1);
    m_model->setRevealed(1, false);
    QCOMPARE(changed.size(), 2);
    QCOMPARE(cell.data().toString(), QStringLiteral("ah_c…1234"));
}

void TestAuthHeaderModel::revealSurvivesARefresh()
{
    m_model->setHeaders(three());
    m_model->setRevealed(2, true);
    QList<AuthHeader> again = three();
    std::reverse(again.begin(), again.end());
    m_model->setHeaders(again);
    QVERIFY(m_model->isRevealed(0)); // "Zeta", now first
    QVERIFY(!m_model->isRevealed(1));
    QVERIFY(!m_model->isRevealed(2));
    // A new row starts hidden.
    m_model->addHeader(header(QStringLiteral("n"), QByteArrayLiteral("ah_n000000000000000000000"), at(1)));
    QVERIFY(!m_model->isRevealed(3));
}

void TestAuthHeaderModel::sortByCreatedUsesTheInstant()
{
    m_model->setHeaders(three());
    QCOMPARE(m_model->index(1, AuthHeaderModel::CreatedColumn).data(AuthHeaderModel::SortRole).toLongLong(),
             at(3).toMSecsSinceEpoch());
    m_proxy->sort(AuthHeaderModel::CreatedColumn, Qt::AscendingOrder);
    QCOMPARE(namesInProxyOrder(),
             (QStringList{QStringLiteral("ci-runner"), QStringLiteral("Zeta"), QStringLiteral("production-api-key")}));
    m_proxy->sort(AuthHeaderModel::CreatedColumn, Qt::DescendingOrder);
    QCOMPARE(namesInProxyOrder().first(), QStringLiteral("production-api-key"));
    // Rows added while sorted land in their place (dynamic sort); a header of unknown age sorts as oldest.
    m_model->addHeader(header(QStringLiteral("newest"), QByteArrayLiteral("ah_newest000000000000000"), at(28)));
    m_model->addHeader(header(QStringLiteral("unknown"), QByteArrayLiteral("ah_unknown00000000000000"), QDateTime()));
    QCOMPARE(namesInProxyOrder().first(), QStringLiteral("newest"));
    QCOMPARE(namesInProxyOrder().last(), QStringLiteral("unknown"));
    // Revealing a token does not move its row.
    m_proxy->sort(AuthHeaderModel::TokenColumn, Qt::AscendingOrder);
    const QStringList before = namesInProxyOrder();
    for (int row = 0; row < m_model->rowCount(); ++row)
        m_model->setRevealed(row, true);
    QCOMPARE(namesInProxyOrder(), before);
}

void TestAuthHeaderModel::sortByNameIgnoresCase()
{
    m_model->setHeaders(three());
    QCOMPARE(m_model->index(2, AuthHeaderModel::NameColumn).data(AuthHeaderModel::SortRole).toString(),
             QStringLiteral("zeta"));
    m_proxy->sort(AuthHeaderModel::NameColumn, Qt::AscendingOrder);
    QCOMPARE(namesInProxyOrder(),
             (QStringList{QStringLiteral("ci-runner"), QStringLiteral("production-api-key"), QStringLiteral("Zeta")}));
}

void TestAuthHeaderModel::filterByNameOrId()
{
    m_model->setHeaders(three());
    m_proxy->sort(AuthHeaderModel::NameColumn, Qt::AscendingOrder);
    m_proxy->setSearchText(QStringLiteral("PROD"));
    QCOMPARE(namesInProxyOrder(), QStringList{QStringLiteral("production-api-key")});
    m_proxy->setSearchText(QStringLiteral("id- zeta"));
    QCOMPARE(namesInProxyOrder(), QStringList{QStringLiteral("Zeta")});
    // Tokens are not searchable: a filter must not become a way to probe them.
    m_proxy->setSearchText(QStringLiteral("ah_"));
    QCOMPARE(m_proxy->rowCount(), 0);
    m_model->addHeader(header(QStringLiteral("production-2"), QByteArrayLiteral("ah_p2000000000000000000"), at(4)));
    QCOMPARE(m_proxy->rowCount(), 0);
    m_proxy->setSearchText(QStringLiteral("production"));
    QCOMPARE(m_proxy->rowCount(), 2);
    m_model->removeByToken(QByteArrayLiteral("ah_prod0123456789abcdefWXYZ"));
    QCOMPARE(namesInProxyOrder(), QStringList{QStringLiteral("production-2")});
    m_proxy->setSearchText(QString());
    QCOMPARE(m_proxy->rowCount(), 3);
}

QTEST_MAIN(TestAuthHeaderModel)
#include "tst_authheadermodel.moc"
