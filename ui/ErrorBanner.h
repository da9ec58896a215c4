#pragma once

#include "FailureBanner.h"

#include <QWidget>

class AccountStore;
class QLabel;
class TokenManager;

// The window's banner for errors, above the table: never a dialog that blocks work on other accounts. It
// says what FailureBanner makes of failed logins one after another, and follows the accounts it names:
// one that succeeds later or is removed is forgotten, a renamed one named anew, and it closes when none
// is left. It also shows a broken or unsavable account file while that lasts. Dismissing it starts afresh.
class ErrorBanner : public QWidget
{
    Q_OBJECT
public:
    ErrorBanner(AccountStore *accounts, TokenManager *tokens, QWidget *parent);

    void noteFailure(const QString &accountId, const QString &name); // just before that failure's message
    void showError(const QString &text);
    void withdraw(const QString &text); // hides the banner if it still shows this text
    QString text() const;               // empty while hidden

private:
    void followFailures();
    void updateFailures(); // the failures listed changed
    void showAccountFileProblem();

    AccountStore *m_accounts;
    TokenManager *m_tokens;
    QLabel *m_label;
    FailureBanner m_failures;
    QString m_accountFileProblem; // what the banner says about the account file, if anything
};
