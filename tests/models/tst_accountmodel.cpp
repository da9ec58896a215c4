// AccountModel and AccountFilterModel over the real core, with QAbstractItemModelTester watching both
// for the whole of each test: add, remove, update, the countdown, filter. Sorting: tst_accountmodelsort.
#include "AccountModelTest.h"

#include <QJsonDocument>
#include <QJsonObject>

class TestAccountModel : public AccountModelTest
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void rowsFollowTheStore();
    void oneChangeIsOneRow();
    void countdownIsComputedAtRead();
    void filterByTextAndAttention();
    void filterFollowsRenamesAndProfiles();
    void formatRemaining_data();
    void formatRemaining();
};

void TestAccountModel::init()
{
    setUp();
}

void TestAccountModel::cleanup()
{
    tearDown();
}

void TestAccountModel::rowsFollowTheStore()
{
    QCOMPARE(m_model->columnCount(), int(AccountModel::ColumnCount));
    QCOMPARE(m_model->rowCount(), 0);
    const QString a = m_f->addAccount(QStringLiteral("quadrata"));
    const QString b = m_f->addAccount(QStringLiteral("b2b-api"));
    QCOMPARE(m_model->rowCount(), 2);
    QCOMPARE(m_model->rowOf(b), 1);
    QCOMPARE(m_model->index(1, AccountModel::NameColumn).data().toString(), QStringLiteral("demo-b2b"));
    QCOMPARE(m_model->index(1, AccountModel::ProviderColumn).data().toString(), QStringLiteral("B2B API"));
    QCOMPARE(m_model->index(1, AccountModel::UserColumn).data().toString(), QStringLiteral("demo-b2b"));
    QCOMPARE(m_model->index(0, AccountModel::StateColumn).data().toString(), tokenStateText(TokenState::SignedOut));
    QCOMPARE(m_model->index(0, AccountModel::AccessExpiryColumn).data().toString(), QStringLiteral("—"));
    QVERIFY(m_f->store->remove(a).ok);
    QCOMPARE(m_model->rowCount(), 1);
    QCOMPARE(m_model->rowOf(b), 0);
    QCOMPARE(m_model->accountId(0), b);
}

void TestAccountModel::oneChangeIsOneRow()
{
    m_f->addAccount(QStringLiteral("quadrata"));
    const QString id = m_f->addAccount(QStringLiteral("partner-api"));
    m_f->addAccount(QStringLiteral("kyc-jwt"));
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    QVERIFY(!m_f->login(id).error);
    QVERIFY(changed.count() >= 1);
    for (const QList<QVariant> &args : changed) {
        QCOMPARE(args.at(0).toModelIndex().row(), 1);
        QCOMPARE(args.at(1).toModelIndex().row(), 1);
    }
    QCOMPARE(m_model->index(1, AccountModel::StateColumn).data(AccountModel::StateRole).toInt(), int(TokenState::Valid));
}

void TestAccountModel::countdownIsComputedAtRead()
{
    const QString id = m_f->addAccount(QStringLiteral("b2b-api"));
    QVERIFY(!m_f->login(id).error);
    const QModelIndex cell = m_model->index(0, AccountModel::AccessExpiryColumn);
    const QDateTime expires = cell.data(AccountModel::ExpiresAtRole).toDateTime();
    QVERIFY(expires.isValid());
    QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
    m_clock->set(expires.addSecs(-65));
    QCOMPARE(cell.data().toString(), QStringLiteral("1:05"));
    m_clock->set(expires.addSecs(-64));
    QCOMPARE(cell.data().toString(), QStringLiteral("1:04"));
    QCOMPARE(changed.count(), 0); // time passing changes no data: nothing ticks in the model
    m_clock->set(expires.addSecs(1));
    QCOMPARE(m_model->index(0, AccountModel::StateColumn).data().toString(), tokenStateText(TokenState::Expired));
    QVERIFY(m_model->index(0, 0).data(AccountModel::NeedsAttentionRole).toBool());
}

void TestAccountModel::filterByTextAndAttention()
{
    const QString b2b = m_f->addAccount(QStringLiteral("b2b-api"));
    const QString kyc = m_f->addAccount(QStringLiteral("kyc-jwt"), QStringLiteral("prod-kyc"), {}, QByteArrayLiteral("wrong"));
    m_f->addAccount(QStringLiteral("quadrata"));
    m_proxy->setSearchText(QStringLiteral("KYC"));
    QCOMPARE(m_proxy->rowCount(), 1);
    m_proxy->setSearchText(QStringLiteral("127.0.0.1 b2b"));  // URL and provider, both terms must match
    QCOMPARE(m_proxy->rowCount(), 1);
    QCOMPARE(m_proxy->index(0, 0).data(AccountModel::AccountIdRole).toString(), b2b);
    m_proxy->setSearchText(QStringLiteral("demo@example.com")); // user
    QCOMPARE(m_proxy->rowCount(), 1);
    m_proxy->setSearchText({});
    QCOMPARE(m_proxy->rowCount(), 3);

    m_proxy->setOnlyNeedingAttention(true);
    QCOMPARE(m_proxy->rowCount(), 0);
    QVERIFY(m_f->login(kyc).error); // wrong password: failed
    QCOMPARE(m_proxy->rowCount(), 1);
    QCOMPARE(m_proxy->index(0, 0).data(AccountModel::AccountIdRole).toString(), kyc);
    QVERIFY(m_proxy->index(0, AccountModel::StateColumn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("password")));
    // A password expiring within 14 days needs attention too.
    Account a = m_f->account(b2b);
    a.token.passwordExpiresAt = m_clock->now().addDays(3);
    QVERIFY(m_f->store->update(a).ok);
    QCOMPARE(m_proxy->rowCount(), 2);
}

// Each row's search text is kept between keystrokes: a renamed account, a changed user, a profile renamed
// or removed must still be found by what it says now, and no longer by what it said.
void TestAccountModel::filterFollowsRenamesAndProfiles()
{
    QJsonObject profile = m_f->registry.json(QStringLiteral("b2b-api"));
    profile.insert(QStringLiteral("id"), QStringLiteral("corp-api"));
    profile.insert(QStringLiteral("name"), QStringLiteral("Corp Gateway"));
    QString error;
    QVERIFY2(m_f->registry.saveUserProfile(QJsonDocument(profile).toJson(), &error), qPrintable(error));
    const QString alpha = m_f->addAccount(QStringLiteral("b2b-api"), QStringLiteral("Alpha"), QStringLiteral("ann"));
    m_f->addAccount(QStringLiteral("kyc-jwt"), QStringLiteral("Beta"), QStringLiteral("bob"));
    QVERIFY(m_f->store->modify(alpha, [](Account &a) { a.providerId = QStringLiteral("corp-api"); }).ok);
    const auto found = [this](const QString &text) {
        m_proxy->setSearchText(text);
        QStringList names;
        for (int r = 0; r < m_proxy->rowCount(); ++r)
            names.append(m_proxy->index(r, AccountModel::NameColumn).data().toString());
        names.sort();
        return names;
    };
    QCOMPARE(found(QStringLiteral("alpha")), QStringList{QStringLiteral("Alpha")});
    QCOMPARE(found(QStringLiteral("gateway")), QStringList{QStringLiteral("Alpha")});
    QCOMPARE(found(QStringLiteral("ANN")), QStringList{QStringLiteral("Alpha")});

    // A rename while the filter stands: the row leaves (the proxy filters the changed row again) ...
    m_proxy->setSearchText(QStringLiteral("alpha"));
    QVERIFY(m_f->store->modify(alpha, [](Account &a) { a.name = QStringLiteral("Gamma"); }).ok);
    QCOMPARE(m_proxy->rowCount(), 0);
    // ... and the next keystrokes see the new name, not the old one.
    QCOMPARE(found(QStringLiteral("gamma")), QStringList{QStringLiteral("Gamma")});
    QCOMPARE(found(QStringLiteral("alpha")), QStringList());
    QVERIFY(m_f->store->modify(alpha, [](Account &a) { a.username = QStringLiteral("carol"); }).ok);
    QCOMPARE(found(QStringLiteral("carol")), QStringList{QStringLiteral("Gamma")});
    QCOMPARE(found(QStringLiteral("ann")), QStringList());

    // The profile is renamed (no change to the account): its new name finds the account, the old one not.
    profile.insert(QStringLiteral("name"), QStringLiteral("Zenith Relay"));
    QVERIFY2(m_f->registry.saveUserProfile(QJsonDocument(profile).toJson(), &error), qPrintable(error));
    QCOMPARE(found(QStringLiteral("zenith")), QStringList{QStringLiteral("Gamma")});
    QCOMPARE(found(QStringLiteral("gateway")), QStringList());
    QCOMPARE(m_model->index(m_model->rowOf(alpha), 0).data(AccountModel::SearchTextRole).toString(),
             m_model->searchText(m_model->rowOf(alpha)));
    QVERIFY(m_model->searchText(m_model->rowOf(alpha)).contains(QStringLiteral("zenith relay")));
    // Removed: the account still has its provider id, no longer the name.
    QVERIFY2(m_f->registry.removeUserProfile(QStringLiteral("corp-api"), &error), qPrintable(error));
    QCOMPARE(found(QStringLiteral("zenith")), QStringList());
    QCOMPARE(found(QStringLiteral("corp-api")), QStringList{QStringLiteral("Gamma")});
    QCOMPARE(found(QString()), (QStringList{QStringLiteral("Beta"), QStringLiteral("Gamma")}));
}

void TestAccountModel::formatRemaining_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("0") << qint64(0) << QStringLiteral("0:00");
    QTest::newRow("59 s") << qint64(59) << QStringLiteral("0:59");
    QTest::newRow("under an hour") << qint64(3599) << QStringLiteral("59:59");
    QTest::newRow("an hour") << qint64(3600) << QStringLiteral("1:00:00");
    QTest::newRow("h:mm:ss") << qint64(3723) << QStringLiteral("1:02:03");
    QTest::newRow("days") << qint64(3 * 86400 + 4 * 3600 + 5) << QStringLiteral("3 d 4 h");
    QTest::newRow("expired") << qint64(-1) << QStringLiteral("expired");
}

void TestAccountModel::formatRemaining()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(AccountModel::formatRemaining(seconds), text);
}

QTEST_GUILESS_MAIN(TestAccountModel)
#include "tst_accountmodel.moc"
