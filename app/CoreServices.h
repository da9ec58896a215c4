#pragma once

#include "accounts/AccountStore.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class AuthClient;
class AuthHeaderClient;
class Clock;
class HttpClient;
class ProviderRegistry;
class QFileSystemWatcher;
class QNetworkAccessManager;
class QTemporaryDir;
class QTimer;
class SecretStore;
class TokenManager;

// The core's object graph, built the same way for the GUI and the CLI so that both share one config
// directory, one keychain service and one set of lock files. Reads no secret.
struct CoreOptions
{
    QString configDirectory;               // empty: defaultConfigDirectory()
    bool inMemory = false;                 // demo: no config file, secrets in memory, nothing on disk
    QString keychainService = QStringLiteral("TokenDesk");
    int networkTimeoutMs = 30000;
    int keychainTimeoutMs = 10000;
    int lockTimeoutMs = 60000; // how long to wait while another process renews the same account
    // Follow what other processes write to the account file and the provider profiles (the window does).
    // A command that runs for moments (the CLI) reads them once and need not watch: closing a watcher's
    // inotify descriptor waits for a kernel grace period, 2–25 ms each, at exit.
    bool watchForChanges = true;
    const Clock *clock = nullptr;          // null: the system clock
    SecretStore *secrets = nullptr;        // null: the keychain (in memory with inMemory); tests pass their own
};

class CoreServices : public QObject
{
    Q_OBJECT
public:
    explicit CoreServices(const CoreOptions &options = {}, QObject *parent = nullptr);
    ~CoreServices() override;

    AccountStore *accounts() const { return m_accounts.get(); }
    SecretStore *secrets() const { return m_secrets; }
    ProviderRegistry *providers() const { return m_providers.get(); }
    TokenManager *tokens() const { return m_tokens.get(); }
    HttpClient *http() const { return m_http.get(); }
    AuthClient *auth() const { return m_auth.get(); }
    AuthHeaderClient *authHeaders() const;
    const Clock *clock() const { return m_clock; }
    QNetworkAccessManager *network() const { return m_network.get(); }

    AccountStore::LoadResult loadResult() const { return m_loadResult; }
    QStringList providerErrors() const;   // broken user provider profiles, one sentence each
    QString configDirectory() const { return m_configDirectory; }
    QString lockDirectory() const { return m_lockDirectory; } // per-account lock files
    int lockTimeoutMs() const { return m_lockTimeoutMs; }

    // $XDG_CONFIG_HOME/tokendesk (usually ~/.config/tokendesk), whatever the executable's name.
    static QString defaultConfigDirectory();

Q_SIGNALS:
    // The user provider profiles changed on disk (another process saved or removed one) and were reloaded.
    void providersReloaded();

private:
    void watchAccountFile();
    void watchProviderDirectory();

    QString m_configDirectory;
    QString m_lockDirectory;
    int m_lockTimeoutMs = 0;
    std::unique_ptr<Clock> m_ownClock;
    const Clock *m_clock = nullptr;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ProviderRegistry> m_providers;
    std::unique_ptr<AccountStore> m_accounts;
    std::unique_ptr<SecretStore> m_ownSecrets;
    SecretStore *m_secrets = nullptr;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<AuthClient> m_auth;
    std::unique_ptr<TokenManager> m_tokens;
    std::unique_ptr<AuthHeaderClient> m_authHeaders; // uses the token manager: declared after it
    AccountStore::LoadResult m_loadResult;
    std::unique_ptr<QTemporaryDir> m_demoLocks; // in memory: lock files in a directory that dies with us
    QFileSystemWatcher *m_watcher = nullptr;    // another process (the CLI) changed the account file
    QTimer *m_syncDelay = nullptr;
    QFileSystemWatcher *m_providerWatcher = nullptr; // another process saved or removed a user profile
    QTimer *m_providerDelay = nullptr;
};
