#pragma once

// Wires the real core (AccountStore on a temporary file, a SecretStore, the provider registry, one
// QNetworkAccessManager, HttpClient, AuthClient, TokenManager) to an in-process demo provider server.

#include "accounts/Account.h"
#include "accounts/AccountStore.h"
#include "accounts/MemorySecretStore.h"
#include "auth/AuthClient.h"
#include "auth/Clock.h"
#include "auth/HttpClient.h"
#include "auth/TokenManager.h"
#include "demo/DemoServer.h"
#include "providers/ProviderRegistry.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

struct CoreFixture
{
    explicit CoreFixture(SecretStore *secretStore = nullptr, const Clock *clockOverride = nullptr)
    {
        QVERIFY2(dir.isValid(), "temporary directory");
        QVERIFY2(server.listen(), qPrintable(server.errorString()));
        store = std::make_unique<AccountStore>(dir.filePath(QStringLiteral("config/accounts.json")));
        store->load();
        if (!secretStore) {
            memory = std::make_unique<MemorySecretStore>();
            secretStore = memory.get();
        }
        secrets = secretStore;
        clock = clockOverride ? clockOverride : &systemClock;
        http = std::make_unique<HttpClient>(&network);
        http->setTimeout(5000);
        auth = std::make_unique<AuthClient>(http.get(), clock);
        TokenServices services;
        services.accounts = store.get();
        services.secrets = secrets;
        services.providers = &registry;
        services.auth = auth.get();
        services.clock = clock;
        services.lockDirectory = dir.filePath(QStringLiteral("config/locks"));
        services.lockTimeoutMs = 10000;
        manager = std::make_unique<TokenManager>(services);
    }

    // Adds the demo account of `presetId` (optionally another username / secret) with its credential
    // stored, and returns its id.
    QString addAccount(const QString &presetId, const QString &name = {}, const QString &username = {},
                       const QByteArray &secret = {})
    {
        DemoAccount demo;
        for (const DemoAccount &d : DemoServer::demoAccounts()) {
            if (d.presetId == presetId)
                demo = d;
        }
        Account a;
        a.id = Account::newId();
        a.name = name.isEmpty() ? demo.accountName : name;
        a.providerId = presetId;
        a.baseUrl = server.baseUrl(presetId);
        a.username = username.isEmpty() ? demo.username : username;
        const auto added = store->add(a);
        if (!added.ok)
            qWarning("could not add account: %s", qPrintable(added.error));
        bool written = false;
        secrets->write(a.id, SecretKind::Credential, secret.isEmpty() ? demo.secret : secret, nullptr,
                       [&written](const SecretResult &r) { written = r.ok(); });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(written, 5000); }();
        return a.id;
    }

    // Runs an operation to completion and returns its result.
    template<typename Start>
    TokenResult run(Start start)
    {
        TokenResult result;
        bool done = false;
        start([&](const TokenResult &r) {
            result = r;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 15000); }();
        return result;
    }

    TokenResult login(const QString &id)
    {
        return run([&](TokenManager::Callback cb) { manager->login(id, &context, cb); });
    }
    TokenResult refresh(const QString &id)
    {
        return run([&](TokenManager::Callback cb) { manager->refresh(id, &context, cb); });
    }
    TokenResult ensureValid(const QString &id, qint64 minValid = 30)
    {
        return run([&](TokenManager::Callback cb) { manager->ensureValid(id, minValid, &context, cb); });
    }
    TokenResult logout(const QString &id)
    {
        return run([&](TokenManager::Callback cb) { manager->logout(id, &context, cb); });
    }

    std::optional<QByteArray> secret(const QString &id, SecretKind kind)
    {
        std::optional<QByteArray> value;
        bool done = false;
        secrets->read(id, kind, nullptr, [&](const SecretResult &r) {
            if (r.ok())
                value = r.data;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 5000); }();
        return value;
    }

    int requestsTo(const QString &presetId) const
    {
        int n = 0;
        for (const DemoRequest &r : server.requests())
            n += r.presetId == presetId ? 1 : 0;
        return n;
    }

    Account account(const QString &id) const { return store->account(id).value_or(Account{}); }

    QTemporaryDir dir;
    DemoServer server;
    SystemClock systemClock;
    const Clock *clock = nullptr;
    ProviderRegistry registry;
    QNetworkAccessManager network;
    std::unique_ptr<AccountStore> store;
    std::unique_ptr<MemorySecretStore> memory;
    SecretStore *secrets = nullptr;
    std::unique_ptr<HttpClient> http;
    std::unique_ptr<AuthClient> auth;
    std::unique_ptr<TokenManager> manager;
    QObject context;
};
