#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>

class AccountDialog;
class CoreServices;
class QWidget;
struct Account;

// Adds, edits and duplicates accounts through the AccountDialog, window-modal but not blocking the event
// loop (countdowns and renewals go on). The credential goes to the keychain first, then the account to the
// account file; if the keychain fails nothing is written. A stored credential stays with its origin: an edit
// that moves the base URL to another origin needs the secret typed again and replaces the account (new id,
// old credential and tokens deleted); a duplicate copies the credential only on the same origin.
class AccountEditor : public QObject
{
    Q_OBJECT
public:
    AccountEditor(CoreServices *core, QWidget *window);

    AccountDialog *addAccount();
    AccountDialog *editAccount(const QString &accountId);
    AccountDialog *duplicateAccount(const QString &accountId);
    // Asks for the API key or password of an account that has none stored (an imported one), then logs it
    // in. While another account dialog is open, the request waits for it to close. Cancelling the prompt
    // also drops the requests waiting behind it (credentialPromptsCancelled).
    AccountDialog *enterCredential(const QString &accountId);
    AccountDialog *currentDialog() const;

Q_SIGNALS:
    void saved(const QString &accountId);
    void message(const QString &text, bool isError);
    // The user cancelled the credential prompt for the first of `accountIds`; the others were waiting
    // behind it and are not asked for either.
    void credentialPromptsCancelled(const QStringList &accountIds);

private:
    enum class Mode { Add, Edit, Duplicate };
    AccountDialog *open(Mode mode, const Account &account, bool hasStoredSecret, const QString &sourceId);
    void save(Mode mode, const Account &before, Account after, QByteArray secret, const QString &sourceId);
    void commit(Mode mode, const Account &before, const Account &after);
    void replace(const Account &before, Account after, QByteArray secret);
    void finishSave(const Account &after);

    CoreServices *m_core;
    QWidget *m_window;
    QPointer<AccountDialog> m_dialog;
    QStringList m_credentialQueue;
    QString m_loginAfterSave;
};
