// AccountDialog driven through its real widgets on the offscreen platform: presets, known hosts,
// inline validation, edit mode, the reveal toggle, and "Test login" against the in-process demo server.
// The dialog gets no SecretStore and no AccountStore: it cannot write anything, and the test checks that
// the config location stays empty.

#include "AccountDialog.h"

#include "auth/AuthClient.h"
#include "auth/Clock.h"
#include "auth/HttpClient.h"
#include "demo/DemoServer.h"
#include "providers/ProviderRegistry.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

#include <memory>

namespace {
QString s(const char *latin1)
{
    return QString::fromLatin1(latin1);
}

DemoAccount demoAccount(const QString &presetId)
{
    for (const DemoAccount &a : DemoServer::demoAccounts()) {
        if (a.presetId == presetId)
            return a;
    }
    return {};
}
} // namespace

class TestAccountDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void presetsListed();
    void quadrataHidesUsernameAndOffersKnownHosts();
    void typedUrlSurvivesPresetChange();
    void validation();
    void insecureHttpOptIn();
    void accountAndSecretAreWhatWasTyped();
    void editModeKeepsIdAndStoredSecret();
    void editModeShowsAceHostAndKeepsTheUrl();
    void editModeProviderKindChangeNeedsSecret();
    void revealTogglesEchoMode();
    void testLoginSucceeds();
    void testLoginShowsProviderError();
    void testLoginInEditModeAsksForTheSecret();
    void screenshots();

private:
    template<typename T>
    T *child(const char *name) const
    {
        auto *widget = m_dialog->findChild<T *>(s(name));
        if (!widget)
            qFatal("no child widget '%s'", name);
        return widget;
    }
    QLineEdit *edit(const char *name) const { return child<QLineEdit>(name); }
    QLineEdit *urlEdit() const { return child<QComboBox>("baseUrl")->lineEdit(); }
    QLabel *label(const char *name) const { return child<QLabel>(name); }
    QPushButton *okButton() const;
    bool shown(const char *name) const { return child<QWidget>(name)->isVisible(); }

    void newDialog();
    void choosePreset(const QString &id);
    void replaceText(QLineEdit *edit, const QString &text);
    void fillValidB2b();
    void saveShot(const QString &fileName);

    ProviderRegistry m_registry;
    DemoServer m_server;
    SystemClock m_clock;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<AuthClient> m_auth;
    std::unique_ptr<AccountDialog> m_dialog;
};

void TestAccountDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString config = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    QVERIFY(QDir(config).removeRecursively());
    QVERIFY2(m_server.listen(), qPrintable(m_server.errorString()));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_http = std::make_unique<HttpClient>(m_network.get());
    m_http->setTimeout(5000);
    m_auth = std::make_unique<AuthClient>(m_http.get(), &m_clock);
}

void TestAccountDialog::init()
{
    newDialog();
}

void TestAccountDialog::cleanup()
{
    m_dialog.reset();
    // Nothing the dialog does may leave a file behind.
    const QString config = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    QVERIFY2(!QDir(config).exists(), qPrintable(config));
}

QPushButton *TestAccountDialog::okButton() const
{
    for (QPushButton *button : m_dialog->findChildren<QPushButton *>()) {
        if (button->text() == s("Add Account") || button->text() == s("Save"))
            return button;
    }
    qFatal("no OK button");
}

void TestAccountDialog::newDialog()
{
    m_dialog = std::make_unique<AccountDialog>(&m_registry, m_auth.get());
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
}

// Picks a preset the way a keyboard user does: focus the combo box and step with the arrow keys.
void TestAccountDialog::choosePreset(const QString &id)
{
    auto *combo = child<QComboBox>("provider");
    const int target = combo->findData(id);
    QVERIFY2(target >= 0, qPrintable(id));
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < target; ++i)
        QTest::keyClick(combo, Qt::Key_Down);
    QCOMPARE(combo->currentData().toString(), id);
}

void TestAccountDialog::replaceText(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, text);
    QCOMPARE(edit->text(), text);
}

void TestAccountDialog::fillValidB2b()
{
    choosePreset(s("b2b-api"));
    replaceText(edit("name"), s("my-b2b"));
    replaceText(urlEdit(), s("https://b2b.example.com"));
    replaceText(edit("username"), s("alice"));
    replaceText(edit("secret"), s("pa55word"));
}

void TestAccountDialog::presetsListed()
{
    auto *combo = child<QComboBox>("provider");
    QCOMPARE(combo->count(), m_registry.profiles().size());
    for (const QString &id : DemoServer::presetIds())
        QVERIFY2(combo->findData(id) >= 0, qPrintable(id));
    QVERIFY(label("presetHint")->text().startsWith(s("Needs ")));
    QVERIFY(!okButton()->isEnabled()); // nothing typed yet
    // No message before the user has typed anything: an empty form is not an error yet.
    QVERIFY(!shown("nameError"));
    QVERIFY(!shown("secretError"));
}

void TestAccountDialog::quadrataHidesUsernameAndOffersKnownHosts()
{
    choosePreset(s("quadrata"));
    QVERIFY(!edit("username")->isVisible());
    QVERIFY(!edit("username")->isEnabled());
    QVERIFY(label("presetHint")->text().startsWith(s("Needs an API key.")));
    QVERIFY(label("presetHint")->text().contains(s("Quadrata")));
    QCOMPARE(edit("secret")->accessibleName(), s("API key"));

    auto *url = child<QComboBox>("baseUrl");
    QCOMPARE(url->count(), 2);
    QCOMPARE(url->itemText(0), s("https://int.quadrata.com"));
    QCOMPARE(url->itemText(1), s("https://prod.quadrata.com"));
    QCOMPARE(url->currentText(), s("https://int.quadrata.com"));
    QVERIFY(label("hostHint")->text().contains(s("Integration")));
    url->setFocus();
    QTest::keyClick(url, Qt::Key_Down);
    QCOMPARE(url->currentText(), s("https://prod.quadrata.com"));
    QVERIFY(label("hostHint")->text().contains(s("Production")));

    choosePreset(s("b2b-api"));
    QVERIFY(edit("username")->isVisible());
    QVERIFY(edit("username")->isEnabled());
    QVERIFY(label("presetHint")->text().startsWith(s("Needs a username and password.")));
    QCOMPARE(edit("secret")->accessibleName(), s("Password"));
    QCOMPARE(url->count(), 0);
    QVERIFY(url->currentText().isEmpty()); // a preset's host does not stick to another preset
}

void TestAccountDialog::typedUrlSurvivesPresetChange()
{
    choosePreset(s("kyc-jwt"));
    replaceText(urlEdit(), s("https://kyc.example.com"));
    choosePreset(s("quadrata"));
    QCOMPARE(child<QComboBox>("baseUrl")->currentText(), s("https://kyc.example.com"));
    QCOMPARE(child<QComboBox>("baseUrl")->count(), 2);
}

void TestAccountDialog::validation()
{
    m_dialog->setExistingNames({s("prod-b2b")});
    fillValidB2b();
    QVERIFY(okButton()->isEnabled());
    for (const char *name : {"nameError", "baseUrlError", "usernameError", "secretError"})
        QVERIFY2(!shown(name), name);

    replaceText(edit("name"), QString());
    QVERIFY(shown("nameError"));
    QVERIFY(label("nameError")->text().contains(s("name")));
    QCOMPARE(edit("name")->accessibleDescription(), label("nameError")->text());
    QVERIFY(!okButton()->isEnabled());

    replaceText(edit("name"), s("PROD-b2b"));
    QVERIFY(shown("nameError"));
    QVERIFY(label("nameError")->text().contains(s("already used")));
    QVERIFY(!okButton()->isEnabled());
    replaceText(edit("name"), s("my-b2b"));
    QVERIFY(!shown("nameError"));
    QVERIFY(okButton()->isEnabled());

    for (const char *bad : {"not a url", "ftp://files.example.com", "https://", "https://user:pw@x.example.com"}) {
        replaceText(urlEdit(), s(bad));
        QVERIFY2(shown("baseUrlError"), bad);
        QVERIFY2(!okButton()->isEnabled(), bad);
    }
    replaceText(urlEdit(), s("https://b2b.example.com/api/"));
    QVERIFY(!shown("baseUrlError"));
    QVERIFY(okButton()->isEnabled());

    replaceText(edit("username"), QString());
    QVERIFY(shown("usernameError"));
    QVERIFY(!okButton()->isEnabled());
    replaceText(edit("username"), s("alice"));
    QVERIFY(!shown("usernameError"));

    replaceText(edit("secret"), QString());
    QVERIFY(shown("secretError"));
    QCOMPARE(label("secretError")->text(), s("Enter the password."));
    QVERIFY(!okButton()->isEnabled());
    replaceText(edit("secret"), s("pa55word"));
    QVERIFY(!shown("secretError"));
    QVERIFY(okButton()->isEnabled());

    QTest::mouseClick(okButton(), Qt::LeftButton);
    QCOMPARE(m_dialog->result(), int(QDialog::Accepted));
}

void TestAccountDialog::insecureHttpOptIn()
{
    fillValidB2b();
    auto *allow = child<QCheckBox>("allowInsecureHttp");
    QVERIFY(!allow->isVisible());

    replaceText(urlEdit(), s("http://example.com"));
    QVERIFY(allow->isVisible());
    QVERIFY(shown("insecureWarning"));
    QVERIFY(label("insecureWarning")->text().contains(s("unencrypted")));
    QVERIFY(shown("baseUrlError"));
    QVERIFY(!okButton()->isEnabled());

    QTest::mouseClick(allow, Qt::LeftButton, {}, QPoint(8, allow->height() / 2));
    QVERIFY(allow->isChecked());
    QVERIFY(!shown("baseUrlError"));
    QVERIFY(okButton()->isEnabled());
    QVERIFY(m_dialog->account().allowInsecureHttp);

    replaceText(urlEdit(), s("http://127.0.0.1:8080/b2b"));
    QVERIFY(!allow->isVisible());
    QVERIFY(!shown("baseUrlError"));
    QVERIFY(okButton()->isEnabled());
    QVERIFY(!m_dialog->account().allowInsecureHttp); // loopback needs no opt-in, and gets none stored

    replaceText(urlEdit(), s("http://localhost:8080"));
    QVERIFY(!allow->isVisible());
    replaceText(urlEdit(), s("https://example.com"));
    QVERIFY(!allow->isVisible());
    QVERIFY(!m_dialog->account().allowInsecureHttp);
}

void TestAccountDialog::accountAndSecretAreWhatWasTyped()
{
    fillValidB2b();
    replaceText(edit("name"), s("  spaced-name "));
    auto *keep = child<QCheckBox>("keepSignedIn");
    QVERIFY(keep->isChecked());
    QVERIFY(keep->toolTip().contains(s("automatically")));
    keep->setFocus();
    QTest::keyClick(keep, Qt::Key_Space);
    QVERIFY(!keep->isChecked());

    const Account a = m_dialog->account();
    QVERIFY(a.id.isEmpty());
    QCOMPARE(a.name, s("spaced-name"));
    QCOMPARE(a.providerId, s("b2b-api"));
    QCOMPARE(a.baseUrl, QUrl(s("https://b2b.example.com")));
    QCOMPARE(a.username, s("alice"));
    QCOMPARE(a.keepSignedIn, false);
    QCOMPARE(a.allowInsecureHttp, false);
    QCOMPARE(m_dialog->secret(), QByteArray("pa55word"));

    // An API-key preset stores no username, even if one was typed before switching.
    choosePreset(s("partner-api"));
    QVERIFY(m_dialog->account().username.isEmpty());
}

void TestAccountDialog::editModeKeepsIdAndStoredSecret()
{
    Account original;
    original.id = s("acc-42");
    original.name = s("prod-kyc");
    original.providerId = s("kyc-jwt");
    original.baseUrl = QUrl(s("https://kyc.example.com"));
    original.username = s("bob");
    original.keepSignedIn = false;
    original.token.hasAccessToken = true;
    m_dialog->setExistingNames({s("prod-kyc"), s("other")});
    m_dialog->setAccount(original, true);

    QCOMPARE(m_dialog->windowTitle(), QStringLiteral("Edit Account “prod-kyc”"));
    QCOMPARE(edit("name")->text(), s("prod-kyc"));
    QCOMPARE(child<QComboBox>("provider")->currentData().toString(), s("kyc-jwt"));
    QCOMPARE(child<QComboBox>("baseUrl")->currentText(), s("https://kyc.example.com"));
    QCOMPARE(edit("username")->text(), s("bob"));
    QVERIFY(!child<QCheckBox>("keepSignedIn")->isChecked());
    QVERIFY(edit("secret")->text().isEmpty());
    QVERIFY(edit("secret")->placeholderText().contains(s("keep the stored password")));
    QVERIFY(!shown("nameError")); // its own name is not a duplicate
    QVERIFY(!shown("secretError"));
    QVERIFY(okButton()->isEnabled());

    replaceText(edit("name"), s("Other"));
    QVERIFY(shown("nameError"));
    replaceText(edit("name"), s("prod-kyc-2"));
    QVERIFY(okButton()->isEnabled());

    const Account edited = m_dialog->account();
    QCOMPARE(edited.id, s("acc-42"));
    QCOMPARE(edited.name, s("prod-kyc-2"));
    QVERIFY(edited.token.hasAccessToken); // what the dialog does not edit is kept
    QVERIFY(m_dialog->secret().isEmpty()); // empty: unchanged

    replaceText(edit("secret"), s("new-password"));
    QCOMPARE(m_dialog->secret(), QByteArray("new-password"));

    // Without a stored secret, edit mode needs one too.
    newDialog();
    m_dialog->setAccount(original, false);
    QVERIFY(!okButton()->isEnabled());
    QVERIFY(shown("secretError"));
    QVERIFY(edit("secret")->placeholderText().isEmpty());
}

// The field shows the host in ACE form (a look-alike host stays visible) and any non-ASCII path
// percent-encoded; saved unchanged, the account keeps the very same base URL (not a change of origin, which
// would replace the account and drop its secret).
void TestAccountDialog::editModeShowsAceHostAndKeepsTheUrl()
{
    Account original;
    original.id = s("acc-43");
    original.name = s("books");
    original.providerId = s("b2b-api");
    original.baseUrl = QUrl(QStringLiteral("https://b\u00fccher.example/p\u00e4d"));
    original.username = s("bob");
    QVERIFY(original.baseUrl.isValid());
    m_dialog->setExistingNames({s("books")});
    m_dialog->setAccount(original, true);
    QCOMPARE(child<QComboBox>("baseUrl")->currentText(), s("https://xn--bcher-kva.example/p%C3%A4d"));
    QVERIFY(okButton()->isEnabled());
    const Account saved = m_dialog->account();
    QCOMPARE(saved.baseUrl, original.baseUrl);
    QCOMPARE(saved.baseUrl.toString(QUrl::FullyEncoded), original.baseUrl.toString(QUrl::FullyEncoded));
}

void TestAccountDialog::editModeProviderKindChangeNeedsSecret()
{
    Account original;
    original.id = s("acc-7");
    original.name = s("quad");
    original.providerId = s("quadrata");
    original.baseUrl = QUrl(s("https://prod.quadrata.com"));
    m_dialog->setAccount(original, true);
    QVERIFY(okButton()->isEnabled());
    QCOMPARE(child<QComboBox>("baseUrl")->currentText(), s("https://prod.quadrata.com"));

    choosePreset(s("partner-api")); // another API key: the stored one may still be right
    QVERIFY(child<QComboBox>("baseUrl")->currentText().isEmpty()); // Quadrata's host does not follow
    replaceText(urlEdit(), s("https://partner.example.com"));
    QVERIFY(okButton()->isEnabled());
    QVERIFY(!shown("secretError"));
    choosePreset(s("b2b-api")); // a password now: the stored API key is no password
    replaceText(edit("username"), s("carol"));
    QVERIFY(!okButton()->isEnabled());
    QVERIFY(shown("secretError"));
}

void TestAccountDialog::revealTogglesEchoMode()
{
    auto *secret = edit("secret");
    auto *reveal = child<QToolButton>("revealSecret");
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QVERIFY(!reveal->accessibleName().isEmpty());
    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(secret->echoMode(), QLineEdit::Normal);
    QTest::mouseClick(reveal, Qt::LeftButton);
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
}

void TestAccountDialog::testLoginSucceeds()
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

void TestAccountDialog::testLoginShowsProviderError()
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

void TestAccountDialog::testLoginInEditModeAsksForTheSecret()
{
    Account original;
    original.id = s("acc-9");
    original.name = s("b2b");
    original.providerId = s("b2b-api");
    original.baseUrl = m_server.baseUrl(s("b2b-api"));
    original.username = demoAccount(s("b2b-api")).username;
    m_dialog->setAccount(original, true);
    m_server.clearRequests();

    QTest::mouseClick(child<QPushButton>("testLogin"), Qt::LeftButton);
    QVERIFY(!m_dialog->isTestingLogin());
    QVERIFY(label("testResult")->text().contains(s("Type the password to test the login")));
    QCOMPARE(m_server.requests().size(), 0);
}

void TestAccountDialog::saveShot(const QString &fileName)
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

void TestAccountDialog::screenshots()
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

QTEST_MAIN(TestAccountDialog)
#include "tst_accountdialog.moc"
