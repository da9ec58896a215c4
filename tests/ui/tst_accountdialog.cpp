// AccountDialog driven through its real widgets on the offscreen platform: presets, known hosts, inline
// validation, the http:// opt-in, edit mode and the reveal toggle. "Test login" and the screenshots:
// tst_accountdialoglogin.
#include "AccountDialogTest.h"

#include "demo/DemoServer.h"

#include <QCheckBox>
#include <QToolButton>

class TestAccountDialog : public AccountDialogTest
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

private:
    void fillValidB2b();
};

void TestAccountDialog::initTestCase()
{
    setUp();
}

void TestAccountDialog::init()
{
    newDialog();
}

void TestAccountDialog::cleanup()
{
    tearDown();
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

    // The rule of `add` and import: no leading '-', no control, bidi or zero-width character (pasted in, as
    // typing cannot enter most of them).
    for (const QString &bad : {s("-dash"), s("nl\nz"), s("tab\tx"), s("a\u202eb"), s("zw\u200bsp"),
                               s("esc\x1b[31mred")}) {
        edit("name")->selectAll();
        edit("name")->insert(bad);
        QCOMPARE(edit("name")->text(), bad);
        QVERIFY2(shown("nameError"), qPrintable(bad));
        QVERIFY2(!okButton()->isEnabled(), qPrintable(bad));
    }
    QVERIFY(label("nameError")->text().contains(s("invisible")));
    replaceText(edit("name"), s("my-b2b"));
    QVERIFY(!shown("nameError"));

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
    Account original =
        storedAccount("acc-42", "prod-kyc", "kyc-jwt", QUrl(s("https://kyc.example.com")), s("bob"));
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
    const Account original = storedAccount(
        "acc-43", "books", "b2b-api", QUrl(QStringLiteral("https://b\u00fccher.example/p\u00e4d")), s("bob"));
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
    const Account original = storedAccount("acc-7", "quad", "quadrata", QUrl(s("https://prod.quadrata.com")));
    m_dialog->setAccount(original, true);
    QVERIFY(okButton()->isEnabled());
    QCOMPARE(child<QComboBox>("baseUrl")->currentText(), s("https://prod.quadrata.com"));

    choosePreset(s("partner-api")); // another API key on the same host: the stored one may still be right
    QVERIFY(child<QComboBox>("baseUrl")->currentText().isEmpty()); // Quadrata's host does not follow
    replaceText(urlEdit(), s("https://prod.quadrata.com/partner"));
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

QTEST_MAIN(TestAccountDialog)
#include "tst_accountdialog.moc"
