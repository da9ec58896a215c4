// The import/export GUI driven as a person would, offscreen, against the demo providers: export → wipe →
// import through the confirmation dialog → the first login asks for the secret; an import that would
// change an existing account asks first; a bad file shows what is wrong and changes nothing. The
// providers dialog: tst_providersgui.
#include "Confirm.h"
#include "ExchangeTestSupport.h"
#include "GuiFixture.h"

#include "AccountDialog.h"
#include "ExchangeActions.h"
#include "ImportDialog.h"
#include "ProvidersDialog.h"
#include "accounts/MemorySecretStore.h"
#include "auth/TokenManager.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QScopeGuard>
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
#include <QSignalSpy>
#include <QTableView>
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
    void fileDialogsStartInAFolderThatExists();
    void screenshots();

private:
    QByteArray accountJson(const QString &id) const;

    std::unique_ptr<GuiFixture> m_gui;
};

void TestExchangeGui::init()
{
    m_gui = std::make_unique<GuiFixture>(GuiFixture::Window | GuiFixture::Editor | GuiFixture::Server);
    m_gui->window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_gui->window.get()));
}

void TestExchangeGui::cleanup()
{
    m_gui.reset();
}

QByteArray TestExchangeGui::accountJson(const QString &id) const
{
    return QJsonDocument(accountToJson(m_gui->core->accounts()->account(id).value_or(Account{}))).toJson();
}

void TestExchangeGui::exportWipeImportThenLoginAsksForSecret()
{
    const QString kyc = m_gui->addDemoAccount(QStringLiteral("kyc-jwt"));
    const QString b2b = m_gui->addDemoAccount(QStringLiteral("b2b-api"));
    QTRY_COMPARE(m_gui->core->tokens()->state(kyc), TokenState::SignedOut);
    m_gui->window->selectAccount(b2b);
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_COMPARE(m_gui->core->tokens()->state(b2b), TokenState::Valid);
    const QList<Account> before = m_gui->core->accounts()->accounts();
    auto *memory = qobject_cast<MemorySecretStore *>(m_gui->core->secrets());
    QList<QByteArray> secrets;
    for (const Account &a : before) {
        for (SecretKind kind : {SecretKind::Credential, SecretKind::AccessToken, SecretKind::RefreshToken}) {
            if (const auto s = memory->peek(a.id, kind))
                secrets.append(*s);
        }
    }
    QCOMPARE(secrets.size(), 4);

    // One row selected: only it; none selected: all.
    QCOMPARE(m_gui->window->exchange()->exportIds(), QStringList{b2b});
    m_gui->window->table()->clearSelection();
    QCOMPARE(m_gui->window->exchange()->exportIds().size(), 2);
    const QString path = m_gui->dir.filePath(QStringLiteral("team.json"));
    QVERIFY(m_gui->window->exchange()->exportTo(path, m_gui->window->exchange()->exportIds()));
    const QByteArray file = readAll(path);
    for (const QByteArray &secret : std::as_const(secrets))
        QVERIFY2(!file.contains(secret), "a secret is in the export file");

    // Wipe.
    for (const Account &a : before)
        QVERIFY(m_gui->core->accounts()->remove(a.id));
    QCOMPARE(m_gui->core->accounts()->count(), 0);

    ImportDialog *dialog = m_gui->window->exchange()->importFrom(path);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY2(dialog->summary().contains(QStringLiteral("2 new account")), qPrintable(dialog->summary()));
    QVERIFY(!dialog->findChild<QCheckBox *>(QStringLiteral("applyChanges"))->isVisibleTo(dialog));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("importSecretsNote"))->isVisibleTo(dialog));
    QTest::mouseClick(GuiFixture::okButton(dialog), Qt::LeftButton);
    QTRY_COMPARE(m_gui->core->accounts()->count(), 2);
    for (const Account &old : before) {
        const auto now = m_gui->core->accounts()->findByName(old.name);
        QVERIFY(now);
        QCOMPARE(now->providerId, old.providerId);
        QCOMPARE(now->baseUrl, old.baseUrl);
        QCOMPARE(now->username, old.username);
        QCOMPARE(now->allowInsecureHttp, old.allowInsecureHttp);
        QCOMPARE(now->keepSignedIn, old.keepSignedIn);
        QVERIFY(!memory->contains(now->id, SecretKind::Credential));
    }

    // The first login asks for the password, then logs in.
    const QString id = m_gui->core->accounts()->findByName(before.at(0).name)->id;
    m_gui->window->selectAccount(id);
    m_gui->window->actions()->loginAction()->trigger();
    QTRY_VERIFY(m_gui->editor->currentDialog() && m_gui->editor->currentDialog()->isVisible());
    AccountDialog *ask = m_gui->editor->currentDialog();
    QVERIFY2(ask->windowTitle().contains(before.at(0).name), qPrintable(ask->windowTitle()));
    QVERIFY(!GuiFixture::okButton(ask)->isEnabled()); // the secret is required
    QTest::keyClicks(ask->findChild<QLineEdit *>(QStringLiteral("secret")), QStringLiteral("demo-kyc-password"));
    QTRY_VERIFY(GuiFixture::okButton(ask)->isEnabled());
    QTest::mouseClick(GuiFixture::okButton(ask), Qt::LeftButton);
    QTRY_COMPARE(m_gui->core->tokens()->state(id), TokenState::Valid);
    QCOMPARE(memory->peek(id, SecretKind::Credential).value_or(QByteArray()), QByteArrayLiteral("demo-kyc-password"));
}

void TestExchangeGui::importAsksBeforeChanging()
{
    const QString id = m_gui->addDemoAccount(QStringLiteral("b2b-api"));
    const QString path = m_gui->dir.filePath(QStringLiteral("changed.json"));
    QVERIFY(m_gui->window->exchange()->exportTo(path, {id}));
    QVERIFY(m_gui->core->accounts()->modify(id, [](Account &a) { a.username = QStringLiteral("old-user"); }));

    ImportDialog *dialog = m_gui->window->exchange()->importFrom(path);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto *apply = dialog->findChild<QCheckBox *>(QStringLiteral("applyChanges"));
    QVERIFY(apply->isVisibleTo(dialog));
    QVERIFY(!apply->isChecked());
    // No new account: no word about asking new accounts for their secrets.
    QVERIFY(!dialog->findChild<QLabel *>(QStringLiteral("importSecretsNote"))->isVisibleTo(dialog));
    QVERIFY(!GuiFixture::okButton(dialog)->isEnabled()); // nothing to do unless the change is accepted
    const auto found = dialog->tree()->findItems(QStringLiteral("Username"), Qt::MatchRecursive | Qt::MatchExactly, 0);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first()->text(1), QStringLiteral("old-user → demo-b2b"));
    QCOMPARE(found.first()->parent()->text(0), QStringLiteral("demo-b2b"));

    // Another user: the account is replaced, and the dialog says what that costs.
    const auto replaced = dialog->tree()->findItems(QStringLiteral("Replaced"), Qt::MatchRecursive | Qt::MatchStartsWith, 1);
    QCOMPARE(replaced.size(), 1);
    QVERIFY(replaced.first()->text(1).contains(QStringLiteral("tokens are removed")));
    // The warning is a sentence too long for its column: it wraps onto more lines, whole, not elided.
    QTreeWidget *tree = dialog->tree();
    tree->scrollToItem(replaced.first());
    const QRect noteRect = tree->visualItemRect(replaced.first());
    const QFontMetrics metrics(tree->font());
    const int columnWidth = tree->columnWidth(1);
    QVERIFY2(metrics.horizontalAdvance(replaced.first()->text(1)) > columnWidth, "the note fits one line: no test");
    const QRect needed = metrics.boundingRect(QRect(0, 0, columnWidth - 8, 10000), Qt::TextWordWrap,
                                              replaced.first()->text(1));
    QVERIFY2(noteRect.height() >= needed.height(),
             qPrintable(QStringLiteral("row %1 px high, the wrapped note needs %2").arg(noteRect.height()).arg(needed.height())));

    auto *memory = qobject_cast<MemorySecretStore *>(m_gui->core->secrets());
    QVERIFY(memory->contains(id, SecretKind::Credential));
    apply->click();
    QVERIFY(GuiFixture::okButton(dialog)->isEnabled());
    QSignalSpy messages(m_gui->window->exchange(), &ExchangeActions::message);
    QTest::mouseClick(GuiFixture::okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!m_gui->core->accounts()->contains(id));
    QVERIFY(!messages.isEmpty());
    const QString status = messages.constFirst().at(0).toString();
    QVERIFY2(status.contains(QStringLiteral("1 replaced. Log in to")), qPrintable(status)); // two sentences
    QCOMPARE(m_gui->core->accounts()->count(), 1);
    const Account now = m_gui->core->accounts()->accounts().constFirst();
    QCOMPARE(now.name, QStringLiteral("demo-b2b"));
    QCOMPARE(now.username, QStringLiteral("demo-b2b"));
    QVERIFY(now.id != id);
    // The old id's keychain entries are deleted after the write; the new account has none.
    QTRY_VERIFY(!memory->contains(id, SecretKind::Credential));
    QVERIFY(!memory->contains(now.id, SecretKind::Credential));
}

void TestExchangeGui::keepSignedInChangeKeepsSecret()
{
    const QString id = m_gui->addDemoAccount(QStringLiteral("b2b-api"));
    const QString path = m_gui->dir.filePath(QStringLiteral("option.json"));
    QVERIFY(m_gui->window->exchange()->exportTo(path, {id}));
    QVERIFY(m_gui->core->accounts()->modify(id, [](Account &a) { a.keepSignedIn = false; }));
    ImportDialog *dialog = m_gui->window->exchange()->importFrom(path);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->tree()->findItems(QStringLiteral("Replaced"), Qt::MatchRecursive | Qt::MatchStartsWith, 1).isEmpty());
    dialog->setApplyChanges(true);
    QTest::mouseClick(GuiFixture::okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(m_gui->core->accounts()->account(id)->keepSignedIn);
    auto *memory = qobject_cast<MemorySecretStore *>(m_gui->core->secrets());
    QVERIFY(memory->contains(id, SecretKind::Credential)); // same id: the stored secret is kept
}

void TestExchangeGui::declinedChangeLeavesAccountAlone()
{
    const QString id = m_gui->addDemoAccount(QStringLiteral("quadrata"));
    const QString other = m_gui->addDemoAccount(QStringLiteral("partner-api"));
    const QString path = m_gui->dir.filePath(QStringLiteral("two.json"));
    QVERIFY(m_gui->window->exchange()->exportTo(path, {id, other}));
    QVERIFY(m_gui->core->accounts()->remove(other));
    QVERIFY(m_gui->core->accounts()->modify(id, [](Account &a) { a.keepSignedIn = false; }));
    const QByteArray before = accountJson(id);

    ImportDialog *dialog = m_gui->window->exchange()->importFrom(path);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(GuiFixture::okButton(dialog)->isEnabled()); // the partner account is new
    QVERIFY(!dialog->applyChanges());
    QTest::mouseClick(GuiFixture::okButton(dialog), Qt::LeftButton);
    QTRY_COMPARE(m_gui->core->accounts()->count(), 2);
    QCOMPARE(accountJson(id), before);
}

// Without a Documents folder the file dialogs start in the home folder, not at a missing "Documents"
// that the dialog would fill in as the file name.
void TestExchangeGui::fileDialogsStartInAFolderThatExists()
{
    const QByteArray oldHome = qgetenv("HOME");
    const QByteArray oldConfig = qgetenv("XDG_CONFIG_HOME");
    const auto restore = qScopeGuard([&] {
        qputenv("HOME", oldHome);
        if (oldConfig.isNull())
            qunsetenv("XDG_CONFIG_HOME");
        else
            qputenv("XDG_CONFIG_HOME", oldConfig);
    });
    QTemporaryDir home;
    QVERIFY(home.isValid());
    qputenv("HOME", home.path().toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", QDir(home.path()).filePath(QStringLiteral(".config")).toLocal8Bit()); // no user-dirs
    QCOMPARE(QFileInfo(ExchangeActions::startFolder()).canonicalFilePath(), QFileInfo(home.path()).canonicalFilePath());
    QVERIFY(QDir(home.path()).mkdir(QStringLiteral("Documents")));
    QCOMPARE(QFileInfo(ExchangeActions::startFolder()).canonicalFilePath(),
             QFileInfo(QDir(home.path()).filePath(QStringLiteral("Documents"))).canonicalFilePath());
}

void TestExchangeGui::badFileShowsWhatIsWrong()
{
    m_gui->addDemoAccount(QStringLiteral("quadrata"));
    const QByteArray before = QJsonDocument(accountToJson(m_gui->core->accounts()->accounts().first())).toJson();
    const QString path = m_gui->dir.filePath(QStringLiteral("bad.json"));
    QVERIFY(writeAll(path, "{\"format\":\"tokendesk-export\",\"version\":1,\"accounts\":["
                           "{\"name\":\"a\",\"providerId\":\"quadrata\",\"baseUrl\":\"https://int.quadrata.com\"},"
                           "{\"name\":\"b\",\"providerId\":\"nope\",\"baseUrl\":\"not a url\"}]}"));
    QVERIFY(!m_gui->window->exchange()->importFrom(path));
    QMessageBox *box = m_gui->window->exchange()->errorBox();
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("accounts[1].baseUrl: not a URL")), qPrintable(box->text()));
    QVERIFY2(box->text().contains(QStringLiteral("accounts[1].providerId: unknown provider \"nope\"")), qPrintable(box->text()));
    QVERIFY(box->text().contains(QStringLiteral("nothing was changed")));
    box->close();
    QCOMPARE(m_gui->core->accounts()->count(), 1);
    QCOMPARE(QJsonDocument(accountToJson(m_gui->core->accounts()->accounts().first())).toJson(), before);
    QVERIFY(!m_gui->window->exchange()->currentImportDialog());
}

void TestExchangeGui::screenshots()
{
    const QString dir = qEnvironmentVariable("TOKENDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("set TOKENDESK_SCREENSHOT_DIR to save screenshots");
    QVERIFY(m_gui->core->providers()->saveUserProfile(customProfile(), nullptr));
    const QString b2b = m_gui->addDemoAccount(QStringLiteral("b2b-api"));
    const QString kyc = m_gui->addDemoAccount(QStringLiteral("kyc-jwt"));
    m_gui->addDemoAccount(QStringLiteral("quadrata"));
    Account acme;
    acme.id = Account::newId();
    acme.name = QStringLiteral("acme prod");
    acme.providerId = QStringLiteral("acme-keys");
    acme.baseUrl = QUrl(QStringLiteral("https://keys.acme.example.com/v2"));
    QVERIFY(m_gui->core->accounts()->add(acme));
    const QString path = m_gui->dir.filePath(QStringLiteral("team-setup.json"));
    m_gui->window->table()->clearSelection();
    QCOMPARE(m_gui->window->exchange()->exportIds().size(), 4);
    QVERIFY(m_gui->window->exchange()->exportTo(path, m_gui->window->exchange()->exportIds()));
    QVERIFY(m_gui->core->accounts()->remove(acme.id));
    QVERIFY(m_gui->core->accounts()->modify(b2b, [](Account &a) {
        a.baseUrl = QUrl(QStringLiteral("https://b2b-staging.example.com/api"));
        a.username = QStringLiteral("ops-team");
    }));
    QVERIFY(m_gui->core->accounts()->modify(kyc, [](Account &a) { a.keepSignedIn = false; }));
    QString error;
    QVERIFY(m_gui->core->providers()->removeUserProfile(QStringLiteral("acme-keys"), &error));
    ImportDialog *dialog = m_gui->window->exchange()->importFrom(path);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::qWait(100);
    QVERIFY(dialog->grab().save(dir + QStringLiteral("/import-dialog.png")));
    dialog->reject();

    ProvidersDialog *providers = m_gui->window->exchange()->showProviders();
    QTRY_VERIFY(providers->isVisible());
    providers->selectProfile(QStringLiteral("b2b-api"));
    providers->newProfile();
    const QString text = providers->editor()->toPlainText();
    providers->editor()->setPlainText(QString(text).replace(QStringLiteral("\"/auth/login\""), QStringLiteral("\"auth/login\"")));
    QTest::keyClicks(providers->testUrl(), m_gui->server->baseUrl(QStringLiteral("b2b-api")).toString());
    QTest::keyClicks(providers->testUsername(), QStringLiteral("demo-b2b"));
    QTest::qWait(100);
    QVERIFY(providers->grab().save(dir + QStringLiteral("/providers-dialog.png")));
    providers->editor()->setPlainText(text);
    QTest::keyClicks(providers->testSecret(), QStringLiteral("demo-b2b-password"));
    QTest::mouseClick(providers->testButton(), Qt::LeftButton);
    QTRY_VERIFY(!providers->isTestingLogin());
    QTest::qWait(100);
    QVERIFY(providers->grab().save(dir + QStringLiteral("/providers-dialog-test-login.png")));
    Confirm::setNextAnswer(true); // discard the unsaved profile
    providers->close();

    const QString bad = m_gui->dir.filePath(QStringLiteral("colleague.json"));
    QVERIFY(writeAll(bad, "{\"format\":\"tokendesk-export\",\"version\":1,\"accounts\":["
                          "{\"name\":\"prod\",\"providerId\":\"acme\",\"baseUrl\":\"https://x.example.com\"},"
                          "{\"name\":\"prod\",\"providerId\":\"b2b-api\",\"baseUrl\":\"htp:/oops\","
                          "\"password\":\"hunter2\"}]}"));
    QVERIFY(!m_gui->window->exchange()->importFrom(bad));
    QTRY_VERIFY(m_gui->window->exchange()->errorBox() && m_gui->window->exchange()->errorBox()->isVisible());
    QTest::qWait(100);
    QVERIFY(m_gui->window->exchange()->errorBox()->grab().save(dir + QStringLiteral("/import-error.png")));
    m_gui->window->exchange()->errorBox()->close();

    QVERIFY(m_gui->editor->enterCredential(kyc));
    QTRY_VERIFY(m_gui->editor->currentDialog() && m_gui->editor->currentDialog()->isVisible());
    QTest::qWait(100);
    QVERIFY(m_gui->editor->currentDialog()->grab().save(dir + QStringLiteral("/credential-prompt.png")));
}

QTEST_MAIN(TestExchangeGui)
#include "tst_exchangegui.moc"
