// AccountDialog's "Test login" against the in-process demo server, through its real widgets on the
// offscreen platform: a login that works, the provider's error, and edit mode without the secret; and the
// dialog's screenshots (with TOKENDESK_SCREENSHOT_DIR set). The form itself: tst_accountdialog.
#include "AccountDialogTest.h"

#include "demo/DemoServer.h"

#include <QRegularExpression>

namespace {
DemoAccount demoAccount(const QString &presetId)
{
    for (const DemoAccount &a : DemoServer::demoAccounts()) {
        if (a.presetId == presetId)
            return a;
    }
    return {};
}
} // namespace

class TestAccountDialogLogin : public AccountDialogTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void testLoginSucceeds();
    void testLoginShowsProviderError();
    void testLoginInEditModeAsksForTheSecret();
    void screenshots();

private:
    void saveShot(const QString &fileName);

    DemoServer m_server;
};

void TestAccountDialogLogin::initTestCase()
{
    setUp();
    QVERIFY2(m_server.listen(), qPrintable(m_server.errorString()));
}

void TestAccountDialogLogin::init()
{
    newDialog();
}

void TestAccountDialogLogin::cleanup()
{
    tearDown();
}

void TestAccountDialogLogin::testLoginSucceeds()
{
    const DemoAccount demo = demoAccount(s("quadrata"));
    choosePreset(s("quadrata"));
    replaceText(urlEdit(), m_server.baseUrl(s("quadrata")).toString());
    replaceText(edit("secret"), QString::fromUtf8(demo.secret));
    m_server.clearRequests();

    auto *test = child<QPushButton>("testLogin");
    QTest::mouseClick(test, Qt::LeftButton);
    QVERIFY(m_dialog->isTestingLogin());
    QVERIFY(!test->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isTestingLogin(), 10000);
    QVERIFY(test->isEnabled());

    const QString result = label("testResult")->text();
    QVERIFY2(result.contains(s("Login OK")), qPrintable(result));
    QVERIFY2(result.contains(s("valid until")), qPrintable(result));
    // The demo's JWT says 300 s (its exp claim wins over the preset's documented 60 minutes).
    QVERIFY2(result.contains(QRegularExpression(s("\\(in [45] min\\)\\.$"))), qPrintable(result));
    QVERIFY(!result.contains(QString::fromUtf8(demo.secret)));
    QCOMPARE(m_server.requests().size(), 1);
    QVERIFY(m_server.requests().constFirst().path.endsWith("/api/v1/login"));
    QCOMPARE(m_dialog->result(), int(QDialog::Rejected)); // still open, nothing accepted
    saveShot(s("account-dialog-test-login-ok.png"));

    // Typing again hides the result: it belongs to the old input.
    QTest::keyClicks(edit("secret"), s("x"));
    QVERIFY(!shown("testResult"));
}

void TestAccountDialogLogin::testLoginShowsProviderError()
{
    const DemoAccount demo = demoAccount(s("b2b-api"));
    choosePreset(s("b2b-api"));
    replaceText(urlEdit(), m_server.baseUrl(s("b2b-api")).toString());
    replaceText(edit("username"), demo.username);
    replaceText(edit("secret"), s("wrong-password"));

    QTest::mouseClick(child<QPushButton>("testLogin"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!m_dialog->isTestingLogin(), 10000);
    const QString result = label("testResult")->text();
    QVERIFY2(result.startsWith(s("Login failed: ")), qPrintable(result));
    QVERIFY2(result.contains(s("rejected the username or password")), qPrintable(result));
    QVERIFY2(result.contains(s("Invalid credentials")), qPrintable(result)); // the provider's own words
    QVERIFY2(result.contains(s("HTTP 401")), qPrintable(result));
    QVERIFY(!result.contains(s("wrong-password")));
    QVERIFY(shown("testResult"));
}

void TestAccountDialogLogin::testLoginInEditModeAsksForTheSecret()
{
    const Account original = storedAccount("acc-9", "b2b", "b2b-api", m_server.baseUrl(s("b2b-api")),
                                           demoAccount(s("b2b-api")).username);
    m_dialog->setAccount(original, true);
    m_server.clearRequests();

    QTest::mouseClick(child<QPushButton>("testLogin"), Qt::LeftButton);
    QVERIFY(!m_dialog->isTestingLogin());
    QVERIFY(label("testResult")->text().contains(s("Type the password to test the login")));
    QCOMPARE(m_server.requests().size(), 0);
}

void TestAccountDialogLogin::saveShot(const QString &fileName)
{
    const QString dir = qEnvironmentVariable("TOKENDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QVERIFY(QDir().mkpath(dir));
    QCoreApplication::processEvents(); // deliver the pending layout requests, as a running dialog would
    m_dialog->resize(m_dialog->width(), m_dialog->heightForWidth(m_dialog->width())); // no slack
    QCoreApplication::processEvents();
    QVERIFY(m_dialog->grab().save(QDir(dir).filePath(fileName)));
}

void TestAccountDialogLogin::screenshots()
{
    choosePreset(s("quadrata"));
    replaceText(edit("name"), s("quadrata-int"));
    replaceText(edit("secret"), s("not-the-real-key"));
    saveShot(s("account-dialog-quadrata.png"));

    newDialog();
    m_dialog->setExistingNames({s("demo-b2b")});
    choosePreset(s("b2b-api"));
    replaceText(edit("name"), s("demo-b2b"));
    replaceText(urlEdit(), s("http://b2b.example.com"));
    replaceText(edit("username"), s("x"));
    replaceText(edit("username"), QString());
    replaceText(edit("secret"), s("x"));
    replaceText(edit("secret"), QString());
    QTest::mouseClick(child<QPushButton>("testLogin"), Qt::LeftButton);
    saveShot(s("account-dialog-b2b-errors.png"));
}

QTEST_MAIN(TestAccountDialogLogin)
#include "tst_accountdialoglogin.moc"
