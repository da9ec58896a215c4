// A second TokenDesk process for tst_crossprocess: the real core (AccountStore, KeychainSecretStore,
// TokenManager) on the given config, renewing one account. Prints "ok <sha256 of the token>" or
// "error <kind>" — never the token. With --crash-before-config it is killed (SIGKILL) at the moment it
// would write the account file, i.e. after the keychain writes.
#include "accounts/AccountStore.h"
#include "accounts/KeychainSecretStore.h"
#include "auth/AuthClient.h"
#include "auth/Clock.h"
#include "auth/HttpClient.h"
#include "auth/TokenManager.h"
#include "providers/ProviderRegistry.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QNetworkAccessManager>

#include <csignal>
#include <cstdio>
#include <memory>

namespace {
class CrashingAccountStore : public AccountStore
{
public:
    using AccountStore::AccountStore;

protected:
    bool writeFile(const QByteArray &, QString *) override
    {
        std::raise(SIGKILL);
        return false;
    }
};
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("accounts file"), QStringLiteral("file"));
    const QCommandLineOption locks(QStringLiteral("locks"), QStringLiteral("lock directory"), QStringLiteral("dir"));
    const QCommandLineOption service(QStringLiteral("service"), QStringLiteral("keychain service"), QStringLiteral("name"));
    const QCommandLineOption account(QStringLiteral("account"), QStringLiteral("account id"), QStringLiteral("id"));
    const QCommandLineOption op(QStringLiteral("op"), QStringLiteral("ensure|refresh|login"), QStringLiteral("op"));
    const QCommandLineOption minValid(QStringLiteral("min-valid"), QStringLiteral("seconds"), QStringLiteral("s"),
                                      QStringLiteral("30"));
    const QCommandLineOption crash(QStringLiteral("crash-before-config"), QStringLiteral("SIGKILL at the config write"));
    parser.addOptions({config, locks, service, account, op, minValid, crash});
    parser.process(app);

    std::unique_ptr<AccountStore> store = parser.isSet(crash)
                                              ? std::make_unique<CrashingAccountStore>(parser.value(config))
                                              : std::make_unique<AccountStore>(parser.value(config));
    if (!store->load().ok()) {
        std::puts("error config");
        return 2;
    }
    KeychainSecretStore secrets(parser.value(service));
    ProviderRegistry registry;
    SystemClock clock;
    QNetworkAccessManager network;
    HttpClient http(&network);
    AuthClient auth(&http, &clock);
    TokenServices services{store.get(), &secrets, &registry, &auth, &clock, parser.value(locks), 20000};
    TokenManager manager(services);

    auto report = [&app](const TokenResult &r) {
        if (r.error) {
            std::printf("error %s\n", qPrintable(AuthError::kindKey(r.error.kind)));
            std::fflush(stdout);
            app.exit(1);
            return;
        }
        const QByteArray hash = QCryptographicHash::hash(r.accessToken, QCryptographicHash::Sha256).toHex().left(16);
        std::printf("ok %s %s\n", hash.constData(), r.usedNetwork ? "network" : "stored");
        std::fflush(stdout);
        app.exit(0);
    };
    const QString id = parser.value(account);
    const QString what = parser.value(op);
    if (what == u"refresh")
        manager.refresh(id, &app, report);
    else if (what == u"login")
        manager.login(id, &app, report);
    else
        manager.ensureValid(id, parser.value(minValid).toLongLong(), &app, report);
    return app.exec();
}
