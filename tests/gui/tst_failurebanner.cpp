// The window's failure banner follows the accounts it names: one that logs in later, is removed or is renamed
// no longer appears under its old state or name, and the banner closes when none is left. How failures add
// up on it: tst_mainwindow bannerCountsEveryFailure.
#include "MainWindowTest.h"

#include "auth/TokenManager.h"

#include <QAction>
#include <QTest>

class TestFailureBanner : public MainWindowTest
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void followsRecoveredRemovedAndRenamedAccounts();

private:
    void fixAndLogIn(const QString &id);
    // Without the English translation loaded, the plural reads "account(s)".
    QString banner() const
    {
        return m_gui->window->bannerText().replace(QStringLiteral("account(s)"), QStringLiteral("accounts"));
    }
};

void TestFailureBanner::init()
{
    setUp(GuiFixture::Editor | GuiFixture::Server);
}

void TestFailureBanner::cleanup()
{
    tearDown();
}

// Stores the demo's right password for the account and logs it in through the window's action.
void TestFailureBanner::fixAndLogIn(const QString &id)
{
    QByteArray right;
    for (const DemoAccount &d : DemoServer::demoAccounts())
        right = d.presetId == QStringLiteral("kyc-jwt") ? d.secret : right;
    bool done = false;
    m_gui->core->secrets()->write(id, SecretKind::Credential, right, nullptr,
                                  [&done](const SecretResult &) { done = true; });
    QTRY_VERIFY(done);
    m_gui->select(id);
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_COMPARE(m_gui->core->tokens()->state(id), TokenState::Valid);
}

void TestFailureBanner::followsRecoveredRemovedAndRenamedAccounts()
{
    QStringList ids;
    for (int i = 1; i <= 4; ++i)
        ids.append(m_gui->addDemoAccount(QStringLiteral("kyc-jwt"), QByteArrayLiteral("wrong-password"),
                                         QStringLiteral("Bad %1").arg(i)));
    m_gui->window->actions()->loginAllAction()->trigger();
    QTRY_VERIFY2(banner().startsWith(QStringLiteral("4 accounts failed: Bad 1, Bad 2, Bad 3 and 1 more")),
                 qPrintable(banner()));

    // Renamed: named anew.
    QVERIFY(m_gui->core->accounts()->modify(ids[0], [](Account &a) { a.name = QStringLiteral("Worse 1"); }).ok);
    QVERIFY2(banner().startsWith(QStringLiteral("4 accounts failed: Worse 1, Bad 2, Bad 3 and 1 more")),
             qPrintable(banner()));

    // Logged in after all: dropped.
    fixAndLogIn(ids[1]);
    QVERIFY2(banner().startsWith(QStringLiteral("3 accounts failed: Worse 1, Bad 3, Bad 4 —")), qPrintable(banner()));

    // Removed: dropped; the one left shows its own message again.
    QVERIFY(m_gui->core->accounts()->remove(ids[2]).ok);
    QVERIFY2(banner().startsWith(QStringLiteral("2 accounts failed: Worse 1, Bad 4 —")), qPrintable(banner()));
    fixAndLogIn(ids[3]);
    QVERIFY2(banner().startsWith(QStringLiteral("Login failed for Bad 1: ")), qPrintable(banner()));

    // None left: the banner closes.
    fixAndLogIn(ids[0]);
    QVERIFY(banner().isEmpty());
}

QTEST_MAIN(TestFailureBanner)
#include "tst_failurebanner.moc"
