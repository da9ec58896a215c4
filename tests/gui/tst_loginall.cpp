// "Log in all" (Ctrl+Shift+L), offscreen, with the AccountEditor and the demo providers, as a black-box test
// walked it with a team file of accounts that have no API key or password yet: Cancel in the credential
// prompt ends the prompting for the whole run (the rest are skipped and the status bar says how many), the
// accounts with a secret still log in, and with a filter only the accounts it shows are touched.
#include "MainWindowTest.h"

#include "AccountDialog.h"
#include "AccountFilterModel.h"
#include "auth/TokenManager.h"

#include <QAction>
#include <QLineEdit>
#include <QStatusBar>
#include <QTest>

class TestLoginAll : public MainWindowTest
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void cancelEndsThePromptsAndTheFilterLimitsTheRun();
    void promptsOneAfterTheOtherUntilCancelled();

private:
    QString addWithoutSecret(const QString &name); // as an import leaves it: no credential stored
    AccountDialog *waitForPrompt();
    int loginRequests() const;
    int validCount(const QStringList &ids) const;
};

void TestLoginAll::init()
{
    setUp(GuiFixture::Editor | GuiFixture::Server);
}

void TestLoginAll::cleanup()
{
    tearDown();
}

QString TestLoginAll::addWithoutSecret(const QString &name)
{
    Account a;
    a.id = Account::newId();
    a.name = name;
    a.providerId = QStringLiteral("quadrata");
    a.baseUrl = m_gui->server->baseUrl(QStringLiteral("quadrata"));
    m_gui->core->accounts()->add(a);
    return a.id;
}

AccountDialog *TestLoginAll::waitForPrompt()
{
    [&] { QTRY_VERIFY(m_gui->editor->currentDialog() && m_gui->editor->currentDialog()->isVisible()); }();
    return m_gui->editor->currentDialog();
}

int TestLoginAll::loginRequests() const
{
    int n = 0;
    for (const DemoRequest &r : m_gui->server->requests())
        n += r.path.endsWith("/login") ? 1 : 0;
    return n;
}

int TestLoginAll::validCount(const QStringList &ids) const
{
    int n = 0;
    for (const QString &id : ids)
        n += m_gui->core->tokens()->state(id) == TokenState::Valid ? 1 : 0;
    return n;
}

void TestLoginAll::cancelEndsThePromptsAndTheFilterLimitsTheRun()
{
    QStringList team;
    for (int i = 1; i <= 4; ++i)
        team.append(addWithoutSecret(QStringLiteral("team-%1").arg(i)));
    const QString teamOk = m_gui->addDemoAccount(QStringLiteral("b2b-api"), {}, QStringLiteral("team-ok"));
    const QString hiddenWithSecret = m_gui->addDemoAccount(QStringLiteral("kyc-jwt"), {}, QStringLiteral("other"));
    addWithoutSecret(QStringLiteral("other-imported"));

    QTest::keyClicks(m_gui->window->searchField(), QStringLiteral("team"));
    QCOMPARE(m_gui->window->proxy()->rowCount(), 5);
    QAction *loginAll = m_gui->window->actions()->loginAllAction();
    QVERIFY2(loginAll->toolTip().contains(QStringLiteral("shown")), qPrintable(loginAll->toolTip()));
    loginAll->trigger();
    QVERIFY2(m_gui->window->statusBar()->currentMessage().contains(QStringLiteral("5 account(s) shown by the filter")),
             qPrintable(m_gui->window->statusBar()->currentMessage()));

    AccountDialog *prompt = waitForPrompt();
    QVERIFY2(prompt->windowTitle().contains(QStringLiteral("team-")), qPrintable(prompt->windowTitle()));
    QTest::keyClick(prompt, Qt::Key_Escape);
    QTRY_VERIFY(!m_gui->editor->currentDialog());
    QTRY_COMPARE(m_gui->core->tokens()->state(teamOk), TokenState::Valid);
    QTest::qWait(200); // a next prompt would be open by now
    QVERIFY(!m_gui->editor->currentDialog());
    const QString status = m_gui->window->statusBar()->currentMessage();
    QVERIFY2(status.contains(QStringLiteral("4 account(s) without a stored API key or password skipped")),
             qPrintable(status));
    // Outside the filter nothing was tried.
    QVERIFY(m_gui->core->tokens()->state(hiddenWithSecret) != TokenState::Valid);
    QCOMPARE(loginRequests(), 1);

    // A later run asks again.
    loginAll->trigger();
    prompt = waitForPrompt();
    QTest::keyClick(prompt, Qt::Key_Escape);
    QTRY_VERIFY(!m_gui->editor->currentDialog());
}

// Until the user cancels, each account without a secret is asked for in turn; one entered logs in.
void TestLoginAll::promptsOneAfterTheOtherUntilCancelled()
{
    const QStringList ids{addWithoutSecret(QStringLiteral("a")), addWithoutSecret(QStringLiteral("b")),
                          addWithoutSecret(QStringLiteral("c"))};
    m_gui->window->actions()->loginAllAction()->trigger();
    AccountDialog *prompt = waitForPrompt();
    const QString first = prompt->windowTitle();
    QString secret;
    for (const DemoAccount &d : DemoServer::demoAccounts())
        secret = d.presetId == QStringLiteral("quadrata") ? QString::fromLatin1(d.secret) : secret;
    QTest::keyClicks(prompt->findChild<QLineEdit *>(QStringLiteral("secret")), secret);
    QTRY_VERIFY(GuiFixture::okButton(prompt)->isEnabled());
    QTest::mouseClick(GuiFixture::okButton(prompt), Qt::LeftButton);
    QTRY_VERIFY(m_gui->editor->currentDialog() && m_gui->editor->currentDialog()->windowTitle() != first);
    QTRY_COMPARE(validCount(ids), 1);
    QTest::keyClick(waitForPrompt(), Qt::Key_Escape);
    QTRY_VERIFY(!m_gui->editor->currentDialog());
    QTest::qWait(200);
    QVERIFY(!m_gui->editor->currentDialog());
    const QString status = m_gui->window->statusBar()->currentMessage();
    QVERIFY2(status.contains(QStringLiteral("2 account(s) without")), qPrintable(status));
}

QTEST_MAIN(TestLoginAll)
#include "tst_loginall.moc"
