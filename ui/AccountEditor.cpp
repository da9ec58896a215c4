#include "AccountEditor.h"

#include "AccountDialog.h"
#include "CoreServices.h"
#include "Hardening.h"
#include "accounts/ImportPlan.h"
#include "accounts/SecretStore.h"
#include "auth/TokenManager.h"

#include <QTimer>

namespace {
void wipe(QByteArray &bytes)
{
    Hardening::wipe(bytes);
}
} // namespace

AccountEditor::AccountEditor(CoreServices *core, QWidget *window)
    : QObject(window)
    , m_core(core)
    , m_window(window)
{
}

AccountDialog *AccountEditor::addAccount()
{
    return open(Mode::Add, Account{}, false, {});
}

AccountDialog *AccountEditor::editAccount(const QString &accountId)
{
    const auto account = m_core->accounts()->account(accountId);
    return account ? open(Mode::Edit, *account, true, accountId) : nullptr;
}

AccountDialog *AccountEditor::duplicateAccount(const QString &accountId)
{
    auto account = m_core->accounts()->account(accountId);
    if (!account)
        return nullptr;
    Account copy;
    copy.name = tr("%1 (copy)").arg(account->name);
    copy.providerId = account->providerId;
    copy.baseUrl = account->baseUrl;
    copy.username = account->username;
    copy.allowInsecureHttp = account->allowInsecureHttp;
    copy.keepSignedIn = account->keepSignedIn;
    return open(Mode::Duplicate, copy, true, accountId);
}

AccountDialog *AccountEditor::enterCredential(const QString &accountId)
{
    if (m_dialog) {
        if (accountId == m_loginAfterSave) // already asking for this one
            return m_dialog;
        if (!m_credentialQueue.contains(accountId))
            m_credentialQueue.append(accountId);
        return nullptr;
    }
    const auto account = m_core->accounts()->account(accountId);
    if (!account)
        return nullptr;
    AccountDialog *dialog = open(Mode::Edit, *account, false, accountId);
    dialog->setWindowTitle(tr("Enter the credential for %1").arg(account->name));
    m_loginAfterSave = accountId;
    // Cancel means "not now" for the whole series (a "Log in all" over imported accounts), not only this one.
    connect(dialog, &QDialog::rejected, this, [this, accountId] {
        QStringList ids{accountId};
        ids += m_credentialQueue;
        m_credentialQueue.clear();
        Q_EMIT credentialPromptsCancelled(ids);
    });
    return dialog;
}

AccountDialog *AccountEditor::open(Mode mode, const Account &account, bool hasStoredSecret, const QString &sourceId)
{
    if (m_dialog)
        m_dialog->close();
    m_loginAfterSave.clear();
    auto *dialog = new AccountDialog(m_core->providers(), m_core->auth(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(mode == Mode::Add ? tr("Add account") : mode == Mode::Edit ? tr("Edit account") : tr("Duplicate account"));
    QStringList names;
    for (const Account &a : m_core->accounts()->accounts()) {
        if (mode != Mode::Edit || a.id != account.id)
            names.append(a.name);
    }
    dialog->setExistingNames(names);
    if (mode == Mode::Duplicate)
        dialog->setDuplicate(account);
    else if (mode == Mode::Edit)
        dialog->setAccount(account, hasStoredSecret);
    connect(dialog, &QDialog::accepted, this, [this, dialog, mode, account, sourceId] {
        save(mode, account, dialog->account(), dialog->secret(), sourceId);
    });
    connect(dialog, &QObject::destroyed, this, [this] {
        // The next account waiting for its credential, once this dialog is gone.
        QTimer::singleShot(0, this, [this] {
            if (!m_dialog && !m_credentialQueue.isEmpty())
                enterCredential(m_credentialQueue.takeFirst());
        });
    });
    m_dialog = dialog;
    dialog->open();
    return dialog;
}

void AccountEditor::save(Mode mode, const Account &before, Account after, QByteArray secret, const QString &sourceId)
{
    // A stored secret (and the tokens got with it) belongs to one origin, as with an import: the dialog
    // asks for the secret again when the base URL moves to another, and the account is replaced.
    const bool originMoved = !ImportPlan::sameOrigin(before.baseUrl, after.baseUrl);
    if (mode != Mode::Add && originMoved && secret.isEmpty()) {
        Q_EMIT message(tr("The account was not saved: its base URL is on another host now, so enter its API key "
                          "or password again."),
                       true);
        return;
    }
    if (mode == Mode::Edit && originMoved) {
        replace(before, std::move(after), std::move(secret));
        return;
    }
    if (mode != Mode::Edit) {
        after.id = Account::newId();
    } else {
        after.token = before.token;
        // A new secret, or one for another user or provider, is not the credential the provider refused.
        if (!secret.isEmpty() || after.username != before.username || after.providerId != before.providerId)
            after.token.credentialProblem = AuthError::Kind::None;
    }
    SecretStore *secrets = m_core->secrets();
    auto written = [this, mode, before, after](const SecretResult &r) {
        if (!r.ok()) {
            Q_EMIT message(tr("The account was not saved: %1").arg(r.errorString), true);
            return;
        }
        commit(mode, before, after);
    };
    if (!secret.isEmpty()) {
        secrets->write(after.id, SecretKind::Credential, secret, this, written);
        wipe(secret);
        return;
    }
    if (mode == Mode::Duplicate) {
        // Copy the original's credential under the new account's id.
        secrets->read(sourceId, SecretKind::Credential, this, [this, secrets, after, written](const SecretResult &r) {
            if (!r.ok()) {
                Q_EMIT message(tr("The account was not duplicated: its credential could not be read. %1").arg(r.errorString), true);
                return;
            }
            QByteArray copy = r.data;
            secrets->write(after.id, SecretKind::Credential, copy, this, written);
            wipe(copy);
        });
        return;
    }
    commit(mode, before, after);
}

// The edited account gets a new id: the new credential is stored under it, then one write of the account
// file removes the old id and adds the new one, then the old id's credential and tokens are deleted. No
// step can pair the old secret or tokens with the new host (or the new secret with the old one).
void AccountEditor::replace(const Account &before, Account after, QByteArray secret)
{
    after.id = Account::newId();
    after.token = TokenMeta{};
    after.token.history = before.token.history;
    const bool loginAfter = before.id == m_loginAfterSave;
    if (loginAfter)
        m_loginAfterSave = after.id;
    auto written = [this, before, after](const SecretResult &r) {
        if (!r.ok()) {
            Q_EMIT message(tr("The account was not saved: %1").arg(r.errorString), true);
            return;
        }
        const auto result = m_core->accounts()->addAndModify({after}, {}, {before.id});
        if (!result.ok) {
            Q_EMIT message(tr("The account was not saved: %1").arg(result.error), true);
            m_core->secrets()->removeAll(after.id, this, [](const SecretResult &) {});
            return;
        }
        m_core->secrets()->removeAll(before.id, this, [this, name = after.name](const SecretResult &removed) {
            if (!removed.ok())
                Q_EMIT message(tr("The old credential and tokens of %1 could not be deleted from the keychain: "
                                  "%2")
                                   .arg(name, removed.errorString),
                               true);
        });
        finishSave(after);
    };
    m_core->secrets()->write(after.id, SecretKind::Credential, secret, this, written);
    wipe(secret);
}

void AccountEditor::commit(Mode mode, const Account &before, const Account &after)
{
    const auto result = mode == Mode::Edit ? m_core->accounts()->update(after) : m_core->accounts()->add(after);
    if (!result.ok) {
        Q_EMIT message(tr("The account was not saved: %1").arg(result.error), true);
        if (mode != Mode::Edit) // do not leave an orphaned credential behind
            m_core->secrets()->removeAll(after.id, this, [](const SecretResult &) {});
        return;
    }
    // Tokens belong to a provider, URL and user: if any of them changed, they no longer apply.
    if (mode == Mode::Edit && (before.providerId != after.providerId || before.baseUrl != after.baseUrl
                               || before.username != after.username) && before.token.hasAccessToken)
        m_core->tokens()->logout(after.id);
    finishSave(after);
}

void AccountEditor::finishSave(const Account &after)
{
    Q_EMIT saved(after.id);
    if (after.id == m_loginAfterSave) {
        m_loginAfterSave.clear();
        m_core->tokens()->login(after.id, this, [this, name = after.name](const TokenResult &r) {
            if (r.error)
                Q_EMIT message(tr("Login failed for %1: %2").arg(name, r.error.message), true);
        });
    }
}

AccountDialog *AccountEditor::currentDialog() const
{
    return m_dialog;
}
