#include "CoreServices.h"

#include "accounts/AccountFile.h"
#include "accounts/KeychainSecretStore.h"
#include "accounts/MemorySecretStore.h"
#include "admin/AuthHeaderClient.h"
#include "auth/AuthClient.h"
#include "auth/Clock.h"
#include "auth/HttpClient.h"
#include "auth/TokenManager.h"
#include "providers/ProviderRegistry.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QFileSystemWatcher>
#include <QTemporaryDir>
#include <QTimer>

CoreServices::CoreServices(const CoreOptions &options, QObject *parent)
    : QObject(parent)
    , m_configDirectory(options.configDirectory.isEmpty() ? defaultConfigDirectory() : options.configDirectory)
{
    if (options.clock) {
        m_clock = options.clock;
    } else {
        m_ownClock = std::make_unique<SystemClock>();
        m_clock = m_ownClock.get();
    }
    m_network = std::make_unique<QNetworkAccessManager>();
    m_providers = std::make_unique<ProviderRegistry>();
    if (options.inMemory) {
        m_accounts = std::make_unique<AccountStore>(QString());
        m_ownSecrets = std::make_unique<MemorySecretStore>();
    } else {
        m_providers->loadUserProfiles(QDir(m_configDirectory).filePath(QStringLiteral("providers")));
        m_accounts = std::make_unique<AccountStore>(QDir(m_configDirectory).filePath(QStringLiteral("accounts.json")));
        if (!options.secrets)
            m_ownSecrets = std::make_unique<KeychainSecretStore>(
                options.keychainService, std::chrono::milliseconds(options.keychainTimeoutMs));
    }
    m_secrets = options.secrets ? options.secrets : m_ownSecrets.get();
    m_loadResult = m_accounts->load();

    m_http = std::make_unique<HttpClient>(m_network.get());
    m_http->setTimeout(options.networkTimeoutMs);
    m_auth = std::make_unique<AuthClient>(m_http.get(), m_clock);

    TokenServices services;
    services.accounts = m_accounts.get();
    services.secrets = m_secrets;
    services.providers = m_providers.get();
    services.auth = m_auth.get();
    services.clock = m_clock;
    // In memory, locks still need a directory: a private one that dies with the process.
    if (options.inMemory) {
        m_demoLocks = std::make_unique<QTemporaryDir>();
        m_lockDirectory = m_demoLocks->path();
    } else {
        m_lockDirectory = QDir(m_configDirectory).filePath(QStringLiteral("locks"));
        if (options.watchForChanges) {
            watchAccountFile();
            watchProviderDirectory();
        } else {
            QString error; // the same 0700 config directory as with watching; a failure shows when writing
            AccountFile::ensureDirectory(m_accounts->path(), &error);
        }
    }
    services.lockDirectory = m_lockDirectory;
    services.lockTimeoutMs = options.lockTimeoutMs;
    m_lockTimeoutMs = options.lockTimeoutMs;
    m_tokens = std::make_unique<TokenManager>(services);
    m_authHeaders = std::make_unique<AuthHeaderClient>(m_tokens.get(), m_accounts.get(), m_providers.get(),
                                                       m_http.get());
}

CoreServices::~CoreServices()
{
    // The auth-header client's calls use the token manager; the token manager and its operations use
    // everything else.
    m_authHeaders.reset();
    m_tokens.reset();
}

AuthHeaderClient *CoreServices::authHeaders() const
{
    return m_authHeaders.get();
}

void CoreServices::watchAccountFile()
{
    // The file is replaced on every save (QSaveFile renames), so watch its directory too.
    m_watcher = new QFileSystemWatcher(this);
    m_syncDelay = new QTimer(this);
    m_syncDelay->setSingleShot(true);
    m_syncDelay->setInterval(150);
    const QString file = m_accounts->path();
    auto rewatch = [this, file] {
        if (QFileInfo::exists(file) && !m_watcher->files().contains(file))
            m_watcher->addPath(file);
        m_syncDelay->start();
    };
    connect(m_syncDelay, &QTimer::timeout, m_accounts.get(), &AccountStore::syncFromDisk);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, rewatch);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, rewatch);
    QString error;
    if (!AccountFile::ensureDirectory(file, &error)) // 0700, as the store would create it
        return;
    m_watcher->addPath(m_configDirectory);
    if (QFileInfo::exists(file))
        m_watcher->addPath(file);
}

void CoreServices::watchProviderDirectory()
{
    // <config>/providers may not exist yet: watch the config directory for it to appear, then the folder
    // itself (QSaveFile renames into it, so a directory change covers every save and removal).
    m_providerWatcher = new QFileSystemWatcher(this);
    m_providerDelay = new QTimer(this);
    m_providerDelay->setSingleShot(true);
    m_providerDelay->setInterval(150);
    const QString directory = m_providers->userDirectory();
    auto rewatch = [this, directory] {
        if (QFileInfo(directory).isDir() && !m_providerWatcher->directories().contains(directory))
            m_providerWatcher->addPath(directory);
        m_providerDelay->start();
    };
    connect(m_providerDelay, &QTimer::timeout, this, [this] {
        if (m_providers->reloadUserProfiles())
            Q_EMIT providersReloaded();
    });
    connect(m_providerWatcher, &QFileSystemWatcher::directoryChanged, this, rewatch);
    if (QFileInfo(m_configDirectory).isDir())
        m_providerWatcher->addPath(m_configDirectory);
    if (QFileInfo(directory).isDir())
        m_providerWatcher->addPath(directory);
}

QStringList CoreServices::providerErrors() const
{
    return m_providers->errors();
}

QString CoreServices::defaultConfigDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("tokendesk"));
}
