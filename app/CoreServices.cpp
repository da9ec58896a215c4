#include "CoreServices.h"

#include "accounts/KeychainSecretStore.h"
#include "accounts/MemorySecretStore.h"
#include "auth/AuthClient.h"
#include "auth/Clock.h"
#include "auth/HttpClient.h"
#include "auth/TokenManager.h"
#include "providers/ProviderRegistry.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QStandardPaths>
#include <QCoreApplication>

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
        m_ownSecrets = std::make_unique<KeychainSecretStore>(options.keychainService,
                                                             std::chrono::milliseconds(options.keychainTimeoutMs));
    }
    m_secrets = m_ownSecrets.get();
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
    m_lockDirectory = options.inMemory
                                 ? QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
                                       .filePath(QStringLiteral("tokendesk-demo-%1-locks").arg(QCoreApplication::applicationPid()))
                                 : QDir(m_configDirectory).filePath(QStringLiteral("locks"));
    services.lockDirectory = m_lockDirectory;
    m_tokens = std::make_unique<TokenManager>(services);
}

CoreServices::~CoreServices()
{
    // The token manager and its operations use everything else: it goes first.
    m_tokens.reset();
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
