#pragma once

#include <QPointer>
#include <QWidget>

class AccountStore;
class Clock;
class ProviderRegistry;
class QTextBrowser;
class QTimer;
class SecretStore;
struct Account;
struct TokenMeta;

// Everything about the selected account: its token (decoded JWT header and claims, shown as information
// and never trusted), what the login returned (client_id, the user profile), the password's expiry, the
// last error in the provider's own words, and the recent logins and refreshes.
class DetailsPanel : public QWidget
{
    Q_OBJECT
public:
    DetailsPanel(AccountStore *accounts, SecretStore *secrets, const ProviderRegistry *providers, const Clock *clock,
                 QWidget *parent = nullptr);

    void showAccount(const QString &accountId); // empty: nothing selected
    QString accountId() const { return m_accountId; }
    QString text() const;                       // plain text of what is shown (tests, accessibility)

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void readToken(int generation);
    void render(const QByteArray &accessToken);
    void rerenderWhenWaitEnds(const TokenMeta &token);
    QString tokenSection(const Account &account, const QByteArray &accessToken) const;
    QString accountSection(const Account &account) const;
    QString historySection(const Account &account) const;

    AccountStore *m_accounts;
    SecretStore *m_secrets;
    const ProviderRegistry *m_providers;
    const Clock *m_clock;
    QTextBrowser *m_view;
    QTimer *m_waitEnd; // fires when a shown rate limit's wait is over
    QString m_accountId;
    int m_generation = 0;
    bool m_painted = false;     // the view has been painted once
    bool m_readPending = false; // a token to read once it has
};
