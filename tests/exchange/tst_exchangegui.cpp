// The import/export and providers GUI driven as a person would, offscreen, against the demo providers:
// export → wipe → import through the confirmation dialog → the first login asks for the secret; an import
// that would change an existing account asks first; a bad file shows what is wrong and changes nothing;
// a custom provider is added in the providers dialog, offered by the account dialog and logs in; the
// providers dialog's test login succeeds and reports a wrong password.
#include "AccountActions.h"
#include "AccountDialog.h"
#include "AccountEditor.h"
#include "ClipboardGuard.h"
#include "Confirm.h"
#include "CoreServices.h"
#include "ExchangeActions.h"
#include "ExchangeTestSupport.h"
#include "ImportDialog.h"
#include "MainWindow.h"
#include "ProvidersDialog.h"
#include "accounts/MemorySecretStore.h"
#include "auth/TokenManager.h"
#include "demo/DemoServer.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace ExchangeTest;

class TestExchangeGui : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void exportWipeImportThenLoginAsksForSecret();
    void importAsksBeforeChanging();
    void declinedChangeLeavesAccountAlone();
    void keepSignedInChangeKeepsSecret();
    void badFileShowsWhatIsWrong();
    void customProviderAddedAndUsed();
    void profileErrorsNameTheField();
    void deleteRefusedWhileUsed();
    void testLoginInProvidersDialog();
    void screenshots();

private:
    QString addDemoAccount(const QString &presetId, bool withSecret = true);
    QByteArray accountJson(const QString &id) const;
    static QPushButton *okButton(QDialog *dialog);

    QTemporaryDir m_dir;
    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<CoreServices> m_core;
    std::unique_ptr<ClipboardGuard> m_clipboard;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<AccountEditor> m_editor;
};

void TestExchangeGui::init()
{
    m_server = std::make_unique<DemoServer>();
    QVERIFY(m_server->listen());
    CoreOptions options;
    options.inMemory = true;
    m_core = std::make_unique<CoreServices>(options);
    m_clipboard = std::make_unique<ClipboardGuard>(QGuiApplication::clipboard());
    m_window = std::make_unique<MainWindow>(m_core.get(), m_clipboard.get(), MainWindow::Mode::Demo);
    m_editor = std::make_unique<AccountEditor>(m_core.get(), m_window.get());
    connect(m_window.get(), &MainWindow::addAccountRequested, m_editor.get(), [this] { m_editor->addAccount(); });
    connect(m_window->actions(), &AccountActions::credentialNeeded, m_editor.get(), &AccountEditor::enterCredential);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestExchangeGui::cleanup()
{
    m_editor.reset();
    m_window.reset();
    m_clipboard.reset();
    m_core.reset();
    m_server.reset();
}

QString TestExchangeGui::addDemoAccount(const QString &presetId, bool withSecret)
{
    for (const DemoAccount &d : DemoServer::demoAccounts()) {
        if (d.presetId != presetId)
            continue;
        Account a;
        a.id = Account::newId();
        a.name = d.accountName;
        a.providerId = presetId;
        a.baseUrl = m_server->baseUrl(presetId);
        a.username = d.username;
        if (withSecret) {
            bool done = false;
            m_core->secrets()->write(a.id, SecretKind::Credential, d.secret, nullptr,
                                     [&done](const SecretResult &) { done = true; });
            [&] { QTRY_VERIFY(done); }();
        }
        m_core->accounts()->add(a);
        return a.id;
    }
    return {};
}

QByteArray TestExchangeGui::accountJson(const QString &id) const
{
    return QJsonDocument(accountToJson(m_core->accounts()->account(id).value_or(Account{}))).toJson();
}

QPushButton *TestExchangeGui::okButton(QDialog *dialog)
{
    return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

void TestExchangeGui::exportWipeImportThenLoginAsksForSecret()
{
    const QString kyc = addDemoAccount(QStringLiteral("kyc-jwt"));
    const QString b2b = addDemoAccount(QStringLiteral("b2b-api"));
    QTRY_COMPARE(m_core->tokens()->state(kyc), TokenState::SignedOut);
    m_window->selectAccount(b2b);
    m_window->actions()->loginAction()->trigger();
    QTRY_COMPARE(m_core->tokens()->state(b2b), TokenState::Valid);
    const QList<Account> before = m_core->accounts()->accounts();
    auto *memory = qobject_cast<MemorySecretStore *>(m_core->secrets());
    QList<QByteArray> secrets;
    for (const Account &a : before) {
        for (SecretKind kind : {SecretKind::Credential, SecretKind::AccessToken, SecretKind::RefreshToken}) {
            if (const auto s = memory->peek(a.id, kind))
                secrets.append(*s);
        }
    }
    QCOMPARE(secrets.size(), 4);

    // One row selected: only it; none selected: all.
    QCOMPARE(m_window->exchange()->exportIds(), QStringList{b2b});
    m_window->table()->clearSelection();
    QCOMPARE(m_window->exchange()->exportIds().size(), 2);
    const QString path = m_dir.filePath(QStringLiteral("team.json"));
    QVERIFY(m_window->exchange()->exportTo(path, m_window->exchange()->exportIds()));
    const QByteArray file = readAll(path);
    for (const QByteArray &secret : std::as_const(secrets))
        QVERIFY2(!file.contains(secret), "a secret is in the export file");

    // Wipe.
    for (const Account &a : before)
        QVERIFY(m_core->accounts()->remove(a.id));
    QCOMPARE(m_core->accounts()->count(), 0);

    ImportDialog *dialog = m_window->exchange()->importFrom(path);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY2(dialog->summary().contains(QStringLiteral("2 new account")), qPrintable(dialog->summary()));
    QVERIFY(!dialog->findChild<QCheckBox *>(QStringLiteral("applyChanges"))->isVisibleTo(dialog));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_COMPARE(m_core->accounts()->count(), 2);
    for (const Account &old : before) {
        const auto now = m_core->accounts()->findByName(old.name);
        QVERIFY(now);
        QCOMPARE(now->providerId, old.providerId);
        QCOMPARE(now->baseUrl, old.baseUrl);
        QCOMPARE(now->username, old.username);
        QCOMPARE(now->allowInsecureHttp, old.allowInsecureHttp);
        QCOMPARE(now->keepSignedIn, old.keepSignedIn);
        QVERIFY(!memory->contains(now->id, SecretKind::Credential));
    }

    // The first login asks for the password, then logs in.
    const QString id = m_core->accounts()->findByName(before.at(0).name)->id;
    m_window->selectAccount(id);
    m_window->actions()->loginAction()->trigger();
    QTRY_VERIFY(m_editor->currentDialog() && m_editor->currentDialog()->isVisible());
    AccountDialog *ask = m_editor->currentDialog();
    QVERIFY2(ask->windowTitle().contains(before.at(0).name), qPrintable(ask->windowTitle()));
    QVERIFY(!okButton(ask)->isEnabled()); // the secret is required
    QTest::keyClicks(ask->findChild<QLineEdit *>(QStringLiteral("secret")), QStringLiteral("demo-kyc-password"));
    QTRY_VERIFY(okButton(ask)->isEnabled());
    QTest::mouseClick(okButton(ask), Qt::LeftButton);
    QTRY_COMPARE(m_core->tokens()->state(id), TokenState::Valid);
    QCOMPARE(memory->peek(id, SecretKind::Credential).value_or(QByteArray()), QByteArrayLiteral("demo-kyc-password"));
}

void TestExchangeGui::importAsksBeforeChanging()
{
    const QString id = addDemoAccount(QStringLiteral("b2b-api"));
    const QString path = m_dir.filePath(QStringLiteral("changed.json"));
    QVERIFY(m_window->exchange()->exportTo(path, {id}));
    QVERIFY(m_core->accounts()->modify(id, [](Account &a) { a.username = QStringLiteral("old-user"); }));

    ImportDialog *dialog = m_window->exchange()->importFrom(path);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *apply = dialog->findChild<QCheckBox *>(QStringLiteral("applyChanges"));
    QVERIFY(apply->isVisibleTo(dialog));
    QVERIFY(!apply->isChecked());
    QVERIFY(!okButton(dialog)->isEnabled()); // nothing to do unless the change is accepted
    const auto found = dialog->tree()->findItems(QStringLiteral("Username"), Qt::MatchRecursive | Qt::MatchExactly, 0);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first()->text(1), QStringLiteral("old-user → demo-b2b"));
    QCOMPARE(found.first()->parent()->text(0), QStringLiteral("demo-b2b"));

    // Another user: the account is replaced, and the dialog says what that costs.
    const auto replaced = dialog->tree()->findItems(QStringLiteral("Replaced"), Qt::MatchRecursive | Qt::MatchStartsWith, 1);
    QCOMPARE(replaced.size(), 1);
    QVERIFY(replaced.first()->text(1).contains(QStringLiteral("tokens are removed")));

    auto *memory = qobject_cast<MemorySecretStore *>(m_core->secrets());
    QVERIFY(memory->contains(id, SecretKind::Credential));
    apply->click();
    QVERIFY(okButton(dialog)->isEnabled());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!m_core->accounts()->contains(id));
    QCOMPARE(m_core->accounts()->count(), 1);
    const Account now = m_core->accounts()->accounts().constFirst();
    QCOMPARE(now.name, QStringLiteral("demo-b2b"));
    QCOMPARE(now.username, QStringLiteral("demo-b2b"));
    QVERIFY(now.id != id);
    // The old id's keychain entries are deleted after the write; the new account has none.
    QTRY_VERIFY(!memory->contains(id, SecretKind::Credential));
    QVERIFY(!memory->contains(now.id, SecretKind::Credential));
}

void TestExchangeGui::keepSignedInChangeKeepsSecret()
{
    const QString id = addDemoAccount(QStringLiteral("b2b-api"));
    const QString path = m_dir.filePath(QStringLiteral("option.json"));
    QVERIFY(m_window->exchange()->exportTo(path, {id}));
    QVERIFY(m_core->accounts()->modify(id, [](Account &a) { a.keepSignedIn = false; }));
    ImportDialog *dialog = m_window->exchange()->importFrom(path);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->tree()->findItems(QStringLiteral("Replaced"), Qt::MatchRecursive | Qt::MatchStartsWith, 1).isEmpty());
    dialog->setApplyChanges(true);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(m_core->accounts()->account(id)->keepSignedIn);
    auto *memory = qobject_cast<MemorySecretStore *>(m_core->secrets());
    QVERIFY(memory->contains(id, SecretKind::Credential)); // same id: the stored secret is kept
}

void TestExchangeGui::declinedChangeLeavesAccountAlone()
{
    const QString id = addDemoAccount(QStringLiteral("quadrata"));
    const QString other = addDemoAccount(QStringLiteral("partner-api"));
    const QString path = m_dir.filePath(QStringLiteral("two.json"));
    QVERIFY(m_window->exchange()->exportTo(path, {id, other}));
    QVERIFY(m_core->accounts()->remove(other));
    QVERIFY(m_core->accounts()->modify(id, [](Account &a) { a.keepSignedIn = false; }));
    const QByteArray before = accountJson(id);

    ImportDialog *dialog = m_window->exchange()->importFrom(path);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(okButton(dialog)->isEnabled()); // the partner account is new
    QVERIFY(!dialog->applyChanges());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_COMPARE(m_core->accounts()->count(), 2);
    QCOMPARE(accountJson(id), before);
}

void TestExchangeGui::badFileShowsWhatIsWrong()
{
    addDemoAccount(QStringLiteral("quadrata"));
    const QByteArray before = QJsonDocument(accountToJson(m_core->accounts()->accounts().first())).toJson();
    const QString path = m_dir.filePath(QStringLiteral("bad.json"));
    QVERIFY(writeAll(path, "{\"format\":\"tokendesk-export\",\"version\":1,\"accounts\":["
                           "{\"name\":\"a\",\"providerId\":\"quadrata\",\"baseUrl\":\"https://int.quadrata.com\"},"
                           "{\"name\":\"b\",\"providerId\":\"nope\",\"baseUrl\":\"not a url\"}]}"));
    QVERIFY(!m_window->exchange()->importFrom(path));
    QMessageBox *box = m_window->exchange()->errorBox();
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("accounts[1].baseUrl: not a URL")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QStringLiteral("accounts[1].providerId: unknown provider \"nope\"")), qPrintable(box->text()));
    QVERIFY(box->text().contains(QStringLiteral("nothing was changed")));
    box->close();
    QCOMPARE(m_core->accounts()->count(), 1);
    QCOMPARE(QJsonDocument(accountToJson(m_core->accounts()->accounts().first())).toJson(), before);
    QVERIFY(!m_window->exchange()->currentImportDialog());
}

void TestExchangeGui::customProviderAddedAndUsed()
{
    ProvidersDialog *dialog = m_window->exchange()->showProviders();
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->list()->count(), 5);
    dialog->selectProfile(QStringLiteral("quadrata"));
    QVERIFY(dialog->editor()->isReadOnly());
    QVERIFY(!dialog->findChild<QPushButton *>(QStringLiteral("saveProfile"))->isEnabled());

    // Import a profile file (a demo preset under a new id): shown, validated, saved with the Save button.
    const QString file = m_dir.filePath(QStringLiteral("acme.json"));
    QVERIFY(writeAll(file, customProfile()));
    QVERIFY(dialog->importFile(file));
    QVERIFY2(dialog->validationText().contains(QStringLiteral("Valid profile: Acme Keys")), qPrintable(dialog->validationText()));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveProfile"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QVERIFY(m_core->providers()->find(QStringLiteral("acme-keys")));
    QCOMPARE(dialog->list()->count(), 6);
    QCOMPARE(dialog->currentId(), QStringLiteral("acme-keys"));
    dialog->close();

    // The account dialog offers it at once; an account using it logs in against the demo server.
    m_window->actions()->addAction()->trigger();
    QTRY_VERIFY(m_editor->currentDialog() && m_editor->currentDialog()->isVisible());
    AccountDialog *add = m_editor->currentDialog();
    auto *provider = add->findChild<QComboBox *>(QStringLiteral("provider"));
    const int index = provider->findText(QStringLiteral("Acme Keys"), Qt::MatchStartsWith);
    QVERIFY(index >= 0);
    provider->setCurrentIndex(index);
    QTest::keyClicks(add->findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("acme prod"));
    auto *baseUrl = add->findChild<QComboBox *>(QStringLiteral("baseUrl"));
    baseUrl->lineEdit()->clear();
    QTest::keyClicks(baseUrl->lineEdit(), m_server->baseUrl(QStringLiteral("quadrata")).toString());
    QTest::keyClicks(add->findChild<QLineEdit *>(QStringLiteral("secret")), QStringLiteral("demo-quadrata-key"));
    QTRY_VERIFY(okButton(add)->isEnabled());
    QTest::mouseClick(okButton(add), Qt::LeftButton);
    QTRY_VERIFY(m_core->accounts()->findByName(QStringLiteral("acme prod")));
    const Account acme = *m_core->accounts()->findByName(QStringLiteral("acme prod"));
    QCOMPARE(acme.providerId, QStringLiteral("acme-keys"));
    QTRY_COMPARE(m_window->actions()->selectedIds(), QStringList{acme.id});
    m_window->actions()->loginAction()->trigger();
    QTRY_COMPARE(m_core->tokens()->state(acme.id), TokenState::Valid);
}

void TestExchangeGui::profileErrorsNameTheField()
{
    ProvidersDialog *dialog = m_window->exchange()->showProviders();
    QTRY_VERIFY(dialog->isVisible());
    dialog->selectProfile(QStringLiteral("b2b-api"));
    dialog->newProfile();
    QVERIFY(!dialog->editor()->isReadOnly());
    QVERIFY2(dialog->isProfileValid(), qPrintable(dialog->validationText()));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveProfile"));
    QVERIFY(save->isEnabled());
    QString text = dialog->editor()->toPlainText();
    dialog->editor()->setPlainText(QString(text).replace(QStringLiteral("\"/auth/login\""), QStringLiteral("\"auth/login\"")));
    QVERIFY(!dialog->isProfileValid());
    QVERIFY2(dialog->validationText().startsWith(QStringLiteral("field 'login.path'")), qPrintable(dialog->validationText()));
    QVERIFY(!save->isEnabled());
    dialog->editor()->setPlainText(QString(text).replace(QStringLiteral("\"my-provider\""), QStringLiteral("\"b2b-api\"")));
    QVERIFY2(dialog->validationText().contains(QStringLiteral("field 'id'")), qPrintable(dialog->validationText()));
    QVERIFY(!save->isEnabled());
    dialog->editor()->setPlainText(text.left(text.size() / 2));
    QVERIFY2(dialog->validationText().contains(QStringLiteral("not valid JSON")), qPrintable(dialog->validationText()));
    QCOMPARE(m_core->providers()->profiles().size(), 5);
}

void TestExchangeGui::deleteRefusedWhileUsed()
{
    QVERIFY(m_core->providers()->saveUserProfile(customProfile(), nullptr));
    Account a;
    a.id = Account::newId();
    a.name = QStringLiteral("acme prod");
    a.providerId = QStringLiteral("acme-keys");
    a.baseUrl = m_server->baseUrl(QStringLiteral("quadrata"));
    QVERIFY(m_core->accounts()->add(a));
    ProvidersDialog *dialog = m_window->exchange()->showProviders();
    QTRY_VERIFY(dialog->isVisible());
    dialog->selectProfile(QStringLiteral("acme-keys"));
    QVERIFY(!dialog->removeCurrent());
    auto *status = dialog->findChild<QLabel *>(QStringLiteral("profileStatus"));
    QVERIFY2(status->text().contains(QStringLiteral("acme prod")), qPrintable(status->text()));
    QVERIFY(m_core->providers()->find(QStringLiteral("acme-keys")));
    QVERIFY(m_core->accounts()->remove(a.id));
    Confirm::setNextAnswer(true);
    QVERIFY(dialog->removeCurrent());
    QVERIFY(!m_core->providers()->find(QStringLiteral("acme-keys")));
    QCOMPARE(dialog->list()->count(), 5);
}

void TestExchangeGui::testLoginInProvidersDialog()
{
    ProvidersDialog *dialog = m_window->exchange()->showProviders();
    QTRY_VERIFY(dialog->isVisible());
    dialog->selectProfile(QStringLiteral("kyc-jwt"));
    QVERIFY(dialog->testUsername()->isEnabled());
    QTest::keyClicks(dialog->testUrl(), m_server->baseUrl(QStringLiteral("kyc-jwt")).toString());
    QTest::keyClicks(dialog->testUsername(), QStringLiteral("demo@example.com"));
    QTest::keyClicks(dialog->testSecret(), QStringLiteral("demo-kyc-password"));
    QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
    QVERIFY(dialog->testSecret()->text().isEmpty()); // the field does not keep the secret
    QTRY_VERIFY(!dialog->isTestingLogin());
    QVERIFY(dialog->testSecret()->text().isEmpty());
    QVERIFY2(dialog->testResult()->text().startsWith(QStringLiteral("Login OK")), qPrintable(dialog->testResult()->text()));

    dialog->testSecret()->clear();
    QTest::keyClicks(dialog->testSecret(), QStringLiteral("wrong-password-123"));
    QTest::mouseClick(dialog->testButton(), Qt::LeftButton);
    QTRY_VERIFY(!dialog->isTestingLogin());
    const QString failure = dialog->testResult()->text();
    QVERIFY2(!failure.startsWith(QStringLiteral("Login OK")) && !failure.isEmpty(), qPrintable(failure));
    QVERIFY(!failure.contains(QStringLiteral("wrong-password-123")));
    QVERIFY2(failure.contains(QStringLiteral("username or password"), Qt::CaseInsensitive), qPrintable(failure));
    QCOMPARE(m_core->accounts()->count(), 0); // nothing stored
    auto *memory = qobject_cast<MemorySecretStore *>(m_core->secrets());
    QCOMPARE(memory->count(), 0);
}

void TestExchangeGui::screenshots()
{
    const QString dir = qEnvironmentVariable("TOKENDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set TOKENDESK_SCREENSHOT_DIR to save screenshots");
    QVERIFY(m_core->providers()->saveUserProfile(customProfile(), nullptr));
    const QString b2b = addDemoAccount(QStringLiteral("b2b-api"));
    const QString kyc = addDemoAccount(QStringLiteral("kyc-jwt"));
    addDemoAccount(QStringLiteral("quadrata"));
    Account acme;
    acme.id = Account::newId();
    acme.name = QStringLiteral("acme prod");
    acme.providerId = QStringLiteral("acme-keys");
    acme.baseUrl = QUrl(QStringLiteral("https://keys.acme.example.com/v2"));
    QVERIFY(m_core->accounts()->add(acme));
    const QString path = m_dir.filePath(QStringLiteral("team-setup.json"));
    m_window->table()->clearSelection();
    QCOMPARE(m_window->exchange()->exportIds().size(), 4);
    QVERIFY(m_window->exchange()->exportTo(path, m_window->exchange()->exportIds()));
    QVERIFY(m_core->accounts()->remove(acme.id));
    QVERIFY(m_core->accounts()->modify(b2b, [](Account &a) {
        a.baseUrl = QUrl(QStringLiteral("https://b2b-staging.example.com/api"));
        a.username = QStringLiteral("ops-team");
    }));
    QVERIFY(m_core->accounts()->modify(kyc, [](Account &a) { a.keepSignedIn = false; }));
    QString error;
    QVERIFY(m_core->providers()->removeUserProfile(QStringLiteral("acme-keys"), &error));
    ImportDialog *dialog = m_window->exchange()->importFrom(path);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::qWait(100);
    QVERIFY(dialog->grab().save(dir + QStringLiteral("/import-dialog.png")));
    dialog->reject();

    ProvidersDialog *providers = m_window->exchange()->showProviders();
    QTRY_VERIFY(providers->isVisible());
    providers->selectProfile(QStringLiteral("b2b-api"));
    providers->newProfile();
    const QString text = providers->editor()->toPlainText();
    providers->editor()->setPlainText(QString(text).replace(QStringLiteral("\"/auth/login\""), QStringLiteral("\"auth/login\"")));
    QTest::keyClicks(providers->testUrl(), m_server->baseUrl(QStringLiteral("b2b-api")).toString());
    QTest::keyClicks(providers->testUsername(), QStringLiteral("demo-b2b"));
    QTest::qWait(100);
    QVERIFY(providers->grab().save(dir + QStringLiteral("/providers-dialog.png")));
    providers->editor()->setPlainText(text);
    QTest::keyClicks(providers->testSecret(), QStringLiteral("demo-b2b-password"));
    QTest::mouseClick(providers->testButton(), Qt::LeftButton);
    QTRY_VERIFY(!providers->isTestingLogin());
    QTest::qWait(100);
    QVERIFY(providers->grab().save(dir + QStringLiteral("/providers-dialog-test-login.png")));
    providers->close();

    const QString bad = m_dir.filePath(QStringLiteral("colleague.json"));
    QVERIFY(writeAll(bad, "{\"format\":\"tokendesk-export\",\"version\":1,\"accounts\":["
                          "{\"name\":\"prod\",\"providerId\":\"acme\",\"baseUrl\":\"https://x.example.com\"},"
                          "{\"name\":\"prod\",\"providerId\":\"b2b-api\",\"baseUrl\":\"htp:/oops\","
                          "\"password\":\"hunter2\"}]}"));
    QVERIFY(!m_window->exchange()->importFrom(bad));
    QTRY_VERIFY(m_window->exchange()->errorBox() && m_window->exchange()->errorBox()->isVisible());
    QTest::qWait(100);
    QVERIFY(m_window->exchange()->errorBox()->grab().save(dir + QStringLiteral("/import-error.png")));
    m_window->exchange()->errorBox()->close();

    QVERIFY(m_editor->enterCredential(kyc));
    QTRY_VERIFY(m_editor->currentDialog() && m_editor->currentDialog()->isVisible());
    QTest::qWait(100);
    QVERIFY(m_editor->currentDialog()->grab().save(dir + QStringLiteral("/credential-prompt.png")));
}

QTEST_MAIN(TestExchangeGui)
#include "tst_exchangegui.moc"
