// The main window's status bar: a failed login's message ("name: what went wrong") leaves it once that
// account logs in, as the banner does (a black-box test found it still there after the fix and login).
#include "MainWindowTest.h"

#include "auth/TokenManager.h"

#include <QAction>
#include <QStatusBar>
#include <QTest>

class TestMainWindowStatus : public MainWindowTest
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void failureLeavesTheStatusBarOnceTheAccountLogsIn();
};

void TestMainWindowStatus::init()
{
    setUp(GuiFixture::Server);
}

void TestMainWindowStatus::cleanup()
{
    tearDown();
}

void TestMainWindowStatus::failureLeavesTheStatusBarOnceTheAccountLogsIn()
{
    const QString bad = m_gui->addDemoAccount(QStringLiteral("kyc-jwt"), QByteArrayLiteral("wrong-password"),
                                              QStringLiteral("bw"));
    const QString other = m_gui->addDemoAccount(QStringLiteral("b2b-api"), {}, QStringLiteral("other"));
    QStatusBar *status = m_gui->window->statusBar();
    m_gui->select(bad);
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_VERIFY2(status->currentMessage().startsWith(QStringLiteral("bw: ")), qPrintable(status->currentMessage()));

    // Another account logging in leaves it.
    m_gui->select(other);
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_COMPARE(m_gui->core->tokens()->state(other), TokenState::Valid);
    QVERIFY(status->currentMessage().startsWith(QStringLiteral("bw: ")));

    QByteArray right;
    for (const DemoAccount &d : DemoServer::demoAccounts())
        right = d.presetId == QStringLiteral("kyc-jwt") ? d.secret : right;
    bool done = false;
    m_gui->core->secrets()->write(bad, SecretKind::Credential, right, nullptr,
                                  [&done](const SecretResult &) { done = true; });
    QTRY_VERIFY(done);
    m_gui->select(bad);
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_COMPARE(m_gui->core->tokens()->state(bad), TokenState::Valid);
    QVERIFY2(status->currentMessage().isEmpty(), qPrintable(status->currentMessage()));
}

QTEST_MAIN(TestMainWindowStatus)
#include "tst_mainwindowstatus.moc"
