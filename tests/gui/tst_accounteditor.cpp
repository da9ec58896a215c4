// The AccountEditor behind F2 and Ctrl+D, driven through the window's actions and the real dialog: a stored
// credential and its tokens stay with the origin (scheme, host, port) they were stored for. Moving the base
// URL to another origin asks for the secret again and replaces the account; a path on the same origin keeps
// them. The add dialog: tst_mainwindow.
#include "MainWindowTest.h"

#include "AccountDialog.h"
#include "accounts/MemorySecretStore.h"
#include "auth/TokenManager.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

class TestAccountEditor : public MainWindowTest
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void editToAnotherOriginAsksForTheSecret();
    void editOnTheSameOriginKeepsTheSecret();
    void duplicateToAnotherOriginCopiesNoSecret();
    void newSecretEndsTheRefusal();

private:
    // Logs in the demo b2b account, so that it has a credential and both tokens, and selects it.
    QString loggedInAccount();
    AccountDialog *openDialog(QAction *action);
    static void setBaseUrl(AccountDialog *dialog, const QString &url);
    static QString secretError(AccountDialog *dialog);
    MemorySecretStore *secrets() const { return qobject_cast<MemorySecretStore *>(m_gui->core->secrets()); }
    // Another origin than the demo server's: the same host on another port.
    QString otherOrigin() const
    {
        return QStringLiteral("http://127.0.0.1:%1/b2b-api").arg(m_gui->server->port() == 1 ? 2 : 1);
    }
};

void TestAccountEditor::init()
{
    setUp(GuiFixture::Editor | GuiFixture::Server);
}

void TestAccountEditor::cleanup()
{
    tearDown();
}

QString TestAccountEditor::loggedInAccount()
{
    const QString id = m_gui->addDemoAccount(QStringLiteral("b2b-api"));
    m_gui->select(id);
    m_gui->window->actions()->loginAction()->trigger();
    [&] { QTRY_COMPARE(m_gui->core->tokens()->state(id), TokenState::Valid); }();
    [&] { QTRY_VERIFY(secrets()->contains(id, SecretKind::AccessToken)); }();
    return id;
}

AccountDialog *TestAccountEditor::openDialog(QAction *action)
{
    action->trigger();
    AccountDialog *dialog = m_gui->editor->currentDialog();
    if (dialog)
        [&] { QTRY_VERIFY(dialog->isVisible()); }();
    return dialog;
}

void TestAccountEditor::setBaseUrl(AccountDialog *dialog, const QString &url)
{
    QLineEdit *edit = dialog->findChild<QComboBox *>(QStringLiteral("baseUrl"))->lineEdit();
    edit->selectAll();
    QTest::keyClicks(edit, url);
}

QString TestAccountEditor::secretError(AccountDialog *dialog)
{
    auto *label = dialog->findChild<QLabel *>(QStringLiteral("secretError"));
    return label && label->isVisible() ? label->text() : QString();
}

void TestAccountEditor::editToAnotherOriginAsksForTheSecret()
{
    const QString id = loggedInAccount();
    const QString oldOrigin = QStringLiteral("http://127.0.0.1:%1").arg(m_gui->server->port());
    AccountDialog *dialog = openDialog(m_gui->window->actions()->editAction());
    QVERIFY(dialog);
    auto *secret = dialog->findChild<QLineEdit *>(QStringLiteral("secret"));
    QVERIFY(!secret->placeholderText().isEmpty()); // "Leave empty to keep the stored password"
    QPushButton *ok = GuiFixture::okButton(dialog);
    QVERIFY(ok->isEnabled());

    setBaseUrl(dialog, otherOrigin());
    QVERIFY(!ok->isEnabled());
    QVERIFY(secret->placeholderText().isEmpty());
    QVERIFY2(secretError(dialog).contains(oldOrigin), qPrintable(secretError(dialog)));
    QVERIFY(secretError(dialog).contains(QStringLiteral("another host")));
    // Back on the stored origin (another path), the stored password may stay.
    setBaseUrl(dialog, oldOrigin + QStringLiteral("/b2b-api/v2"));
    QVERIFY(ok->isEnabled());
    QVERIFY(secretError(dialog).isEmpty());

    setBaseUrl(dialog, otherOrigin());
    QTest::keyClicks(secret, QStringLiteral("typed-for-the-new-host"));
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);

    // The account is replaced: a new id with the typed credential and no token; the old id is gone with its
    // credential and tokens.
    QTRY_VERIFY(!m_gui->core->accounts()->contains(id));
    QCOMPARE(m_gui->core->accounts()->count(), 1);
    const Account now = m_gui->core->accounts()->accounts().constFirst();
    QVERIFY(now.id != id);
    QCOMPARE(now.baseUrl, QUrl(otherOrigin()));
    QVERIFY(!now.token.hasAccessToken && !now.token.hasRefreshToken);
    QCOMPARE(secrets()->peek(now.id, SecretKind::Credential).value_or(QByteArray()),
             QByteArrayLiteral("typed-for-the-new-host"));
    QTRY_COMPARE(secrets()->count(), 1);
    QVERIFY(!secrets()->contains(id, SecretKind::Credential));
    QVERIFY(!secrets()->contains(id, SecretKind::RefreshToken));
    QTRY_COMPARE(m_gui->window->actions()->selectedIds(), QStringList{now.id});
}

void TestAccountEditor::editOnTheSameOriginKeepsTheSecret()
{
    const QString id = loggedInAccount();
    const QByteArray stored = secrets()->peek(id, SecretKind::Credential).value();
    AccountDialog *dialog = openDialog(m_gui->window->actions()->editAction());
    QVERIFY(dialog);
    // The same origin spelt differently (an upper-case scheme, a trailing slash) is still the same.
    const QString samePlace = QStringLiteral("HTTP://127.0.0.1:%1/b2b-api/").arg(m_gui->server->port());
    setBaseUrl(dialog, samePlace);
    QPushButton *ok = GuiFixture::okButton(dialog);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(!m_gui->editor->currentDialog());
    QVERIFY(m_gui->core->accounts()->contains(id));
    QCOMPARE(secrets()->peek(id, SecretKind::Credential).value_or(QByteArray()), stored);
}

void TestAccountEditor::duplicateToAnotherOriginCopiesNoSecret()
{
    const QString id = loggedInAccount();
    AccountDialog *dialog = openDialog(m_gui->window->actions()->duplicateAction());
    QVERIFY(dialog);
    QPushButton *ok = GuiFixture::okButton(dialog);
    QVERIFY(ok->isEnabled()); // a copy on the same host may use the original's credential
    setBaseUrl(dialog, otherOrigin());
    QVERIFY(!ok->isEnabled());
    QVERIFY(secretError(dialog).contains(QStringLiteral("another host")));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("secret")), QStringLiteral("the-copy's-own"));
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE(m_gui->core->accounts()->count(), 2);
    QString copyId;
    for (const Account &a : m_gui->core->accounts()->accounts()) {
        if (a.id != id)
            copyId = a.id;
    }
    QTRY_VERIFY(secrets()->contains(copyId, SecretKind::Credential));
    QCOMPARE(secrets()->peek(copyId, SecretKind::Credential).value(), QByteArrayLiteral("the-copy's-own"));
    QVERIFY(!secrets()->contains(copyId, SecretKind::AccessToken));
    QVERIFY(secrets()->contains(id, SecretKind::Credential)); // the original keeps its own
}

// The provider's refusal of a credential outlives a logout; saving the account with a new secret ends it,
// saving it with the stored one (another option changed) does not.
void TestAccountEditor::newSecretEndsTheRefusal()
{
    const QString id = loggedInAccount();
    m_gui->core->accounts()->modify(id, [](Account &a) {
        a.token.lastError = AuthError::make(AuthError::Kind::PasswordExpired);
        a.token.credentialProblem = AuthError::Kind::PasswordExpired;
    });
    const auto problem = [&] { return m_gui->core->accounts()->account(id)->token.credentialProblem; };

    AccountDialog *dialog = openDialog(m_gui->window->actions()->editAction());
    QVERIFY(dialog);
    setBaseUrl(dialog, QStringLiteral("http://127.0.0.1:%1/b2b-api/v2").arg(m_gui->server->port()));
    QTest::mouseClick(GuiFixture::okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY(!m_gui->editor->currentDialog());
    QTRY_COMPARE(m_gui->core->accounts()->account(id)->baseUrl.path(), QStringLiteral("/b2b-api/v2"));
    QCOMPARE(problem(), AuthError::Kind::PasswordExpired);

    dialog = openDialog(m_gui->window->actions()->editAction());
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("secret")), QStringLiteral("changed-at-the-provider"));
    QTest::mouseClick(GuiFixture::okButton(dialog), Qt::LeftButton);
    QTRY_COMPARE(problem(), AuthError::Kind::None);
    QCOMPARE(secrets()->peek(id, SecretKind::Credential).value_or(QByteArray()),
             QByteArrayLiteral("changed-at-the-provider"));
}

QTEST_MAIN(TestAccountEditor)
#include "tst_accounteditor.moc"
