// Import/export of the shared-setup file against the real core and the demo providers: the round trip
// (export → wipe → import → the same accounts, no secret in the file), merge by name with and without
// applying changes, a changed host or path, and a provider that comes with the file. What is refused:
// tst_exchangerefusals.
#include "CoreFixture.h"
#include "ExchangeTestSupport.h"

#include "accounts/AccountExport.h"
#include "accounts/AccountImport.h"
#include "accounts/ImportPlan.h"

#include <QJsonArray>
#include <QSet>

using namespace ExchangeTest;

class TestAccountExchange : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void exportOnlyNeededProfiles();
    void mergeByName();
    void declinedChangeLeavesFileIdentical();
    void customProviderFromFileLogsIn();
    void hostChangeReplacesAccount();
    void pathOnlyChangeKeepsId();

private:
    static QByteArray exportOf(CoreFixture &f, const QStringList &ids, bool allProfiles = false);
};

QByteArray TestAccountExchange::exportOf(CoreFixture &f, const QStringList &ids, bool allProfiles)
{
    QList<Account> accounts;
    for (const QString &id : ids)
        accounts.append(f.account(id));
    return AccountExport::build(accounts, f.registry, allProfiles).json;
}

void TestAccountExchange::roundTrip()
{
    CoreFixture f;
    QString error;
    QVERIFY2(f.registry.saveUserProfile(customProfile(), &error), qPrintable(error));
    const QString quadrata = f.addAccount(QStringLiteral("quadrata"));
    const QString b2b = f.addAccount(QStringLiteral("b2b-api"));
    const QString partner = f.addAccount(QStringLiteral("partner-api"));
    const QString acme = f.addAccount(QStringLiteral("quadrata"), QStringLiteral("acme prod"));
    QVERIFY(f.store->modify(acme, [&](Account &a) { a.providerId = QStringLiteral("acme-keys"); a.keepSignedIn = false; }));
    QVERIFY(f.store->modify(partner, [&](Account &a) { a.allowInsecureHttp = true; }));
    const QStringList ids{quadrata, b2b, partner, acme};
    QList<QByteArray> secrets;
    for (const QString &id : ids) {
        const TokenResult login = f.login(id);
        QVERIFY2(!login.error, qPrintable(login.error.message));
        for (SecretKind kind : {SecretKind::Credential, SecretKind::AccessToken, SecretKind::RefreshToken}) {
            if (const auto s = f.memory->peek(id, kind))
                secrets.append(*s);
        }
    }
    QVERIFY(secrets.size() >= 9); // 4 credentials, 4 access tokens, refresh tokens of b2b and partner

    const QByteArray file = exportOf(f, ids);
    for (const QByteArray &secret : std::as_const(secrets))
        QVERIFY2(!file.contains(secret), "a secret is in the export file");
    for (const QString &id : ids)
        QVERIFY2(!file.contains(id.toUtf8()), "an account id is in the export file");
    // Each account carries only its defining fields.
    const QSet<QString> allowed{QStringLiteral("name"), QStringLiteral("providerId"), QStringLiteral("baseUrl"),
                                QStringLiteral("username"), QStringLiteral("allowInsecureHttp"),
                                QStringLiteral("keepSignedIn")};
    const QJsonArray exported = QJsonDocument::fromJson(file).object().value(QLatin1String("accounts")).toArray();
    QCOMPARE(exported.size(), 4);
    for (const QJsonValue &v : exported) {
        for (const QString &key : v.toObject().keys())
            QVERIFY2(allowed.contains(key), qPrintable(key));
    }

    // Wipe: a new, empty store and a registry without the custom profile.
    QTemporaryDir other;
    AccountStore fresh(other.filePath(QStringLiteral("accounts.json")));
    fresh.load();
    ProviderRegistry registry;
    registry.setUserDirectory(other.filePath(QStringLiteral("providers")));
    const AccountImport::Parsed parsed = AccountImport::parse(file, registry);
    QVERIFY2(parsed.ok(), qPrintable(parsed.errors.join(u'\n')));
    const ImportPlan plan = ImportPlan::make(parsed, fresh, registry);
    QCOMPARE(plan.count(ImportPlan::Action::Add), 4);
    QCOMPARE(plan.profileCount(ImportPlan::Action::Add), 1);
    const ImportPlan::Result result = plan.apply(false, &fresh, &registry);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.addedIds.size(), 4);

    QCOMPARE(fresh.count(), 4);
    for (const QString &id : ids) {
        const Account before = f.account(id);
        const auto after = fresh.findByName(before.name);
        QVERIFY2(after, qPrintable(before.name));
        QCOMPARE(after->providerId, before.providerId);
        QCOMPARE(after->baseUrl, before.baseUrl);
        QCOMPARE(after->username, before.username);
        QVERIFY(!after->allowInsecureHttp); // the plain-http opt-in is never imported
        QCOMPARE(after->keepSignedIn, before.keepSignedIn);
        QVERIFY(after->id != before.id);
        QVERIFY(!after->token.hasAccessToken); // the secret is asked for on first login
    }
    QVERIFY(registry.find(QStringLiteral("acme-keys")));
    QVERIFY(QFile::exists(other.filePath(QStringLiteral("providers/acme-keys.json"))));
    // The new store's file has no secret either.
    const QByteArray stored = readAll(fresh.path());
    for (const QByteArray &secret : std::as_const(secrets))
        QVERIFY(!stored.contains(secret));

    // Importing the same file again changes nothing.
    const ImportPlan again = ImportPlan::make(AccountImport::parse(file, registry), fresh, registry);
    QCOMPARE(again.count(ImportPlan::Action::Same), 4);
    QCOMPARE(again.profileCount(ImportPlan::Action::Same), 1);
    QVERIFY(!again.hasWork(true));
}

void TestAccountExchange::exportOnlyNeededProfiles()
{
    CoreFixture f;
    QVERIFY(f.registry.saveUserProfile(customProfile(), nullptr));
    QVERIFY(f.registry.saveUserProfile(customProfile(QStringLiteral("unused"), QStringLiteral("Unused")), nullptr));
    const QString id = f.addAccount(QStringLiteral("quadrata"));
    const QJsonObject some = QJsonDocument::fromJson(exportOf(f, {id})).object();
    QCOMPARE(some.value(QLatin1String("format")).toString(), QStringLiteral("tokendesk-export"));
    QCOMPARE(some.value(QLatin1String("version")).toInt(), 1);
    QCOMPARE(some.value(QLatin1String("providers")).toArray().size(), 0); // quadrata is built in
    const QJsonObject all = QJsonDocument::fromJson(exportOf(f, {id}, true)).object();
    QCOMPARE(all.value(QLatin1String("providers")).toArray().size(), 2);
}

void TestAccountExchange::mergeByName()
{
    CoreFixture f;
    const QString same = f.addAccount(QStringLiteral("quadrata"));
    const QString changed = f.addAccount(QStringLiteral("b2b-api"));
    QVERIFY(!f.login(changed).error);
    const QByteArray file = exportOf(f, {same, changed});
    const QByteArray credential = f.memory->peek(changed, SecretKind::Credential).value();
    // Here, the b2b account moved to another URL and user since the file was made.
    QVERIFY(f.store->modify(changed, [&](Account &a) {
        a.baseUrl = QUrl(QStringLiteral("https://b2b.example.com/api"));
        a.username = QStringLiteral("someone-else");
    }));
    const AccountImport::Parsed parsed = AccountImport::parse(file, f.registry);
    QVERIFY(parsed.ok());
    const ImportPlan plan = ImportPlan::make(parsed, *f.store, f.registry);
    QCOMPARE(plan.accounts.size(), 2);
    QCOMPARE(plan.accounts.at(0).action, ImportPlan::Action::Same);
    QCOMPARE(plan.accounts.at(1).action, ImportPlan::Action::Change);
    QCOMPARE(plan.accounts.at(1).changedFields, (QStringList{QStringLiteral("baseUrl"), QStringLiteral("username")}));
    QVERIFY(plan.hasWork(true));
    QVERIFY(!plan.hasWork(false));

    QVERIFY(plan.accounts.at(1).replaces); // another host and user: a replacement
    const ImportPlan::Result result = plan.apply(true, f.store.get(), &f.registry);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.changedIds.isEmpty());
    QCOMPARE(result.replaced.size(), 1);
    QCOMPARE(result.replaced.at(0).oldId, changed);
    QVERIFY(!f.store->contains(changed));
    const Account after = f.account(result.replaced.at(0).newId);
    QCOMPARE(after.name, QStringLiteral("demo-b2b"));
    QCOMPARE(after.baseUrl, f.server.baseUrl(QStringLiteral("b2b-api")));
    QCOMPARE(after.username, QStringLiteral("demo-b2b"));
    QVERIFY(!after.token.hasAccessToken);
    QVERIFY(!f.memory->contains(after.id, SecretKind::Credential));
    QCOMPARE(f.store->count(), 2);
    Q_UNUSED(credential);
}

void TestAccountExchange::hostChangeReplacesAccount()
{
    // The file moves an account to another host (here "localhost" instead of "127.0.0.1": the same demo
    // server, so what it receives can be checked). Its stored password must never reach the new host.
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("b2b-api"));
    QVERIFY(!f.login(id).error);
    const QByteArray password = f.memory->peek(id, SecretKind::Credential).value();
    QVERIFY(f.memory->contains(id, SecretKind::AccessToken));
    QByteArray file = exportOf(f, {id});
    const QUrl old = f.account(id).baseUrl;
    QUrl moved = old;
    moved.setHost(QStringLiteral("localhost"));
    file.replace(old.toString(QUrl::FullyEncoded).toUtf8(), moved.toString(QUrl::FullyEncoded).toUtf8());

    const ImportPlan plan = ImportPlan::make(AccountImport::parse(file, f.registry), *f.store, f.registry);
    QCOMPARE(plan.accounts.size(), 1);
    QCOMPARE(plan.accounts.at(0).action, ImportPlan::Action::Change);
    QVERIFY(plan.accounts.at(0).replaces);
    const QByteArray before = readAll(f.store->path());
    const ImportPlan::Result result = plan.apply(true, f.store.get(), &f.registry);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.replaced.size(), 1);
    const QString newId = result.replaced.at(0).newId;
    QVERIFY(newId != id);
    QVERIFY(!f.store->contains(id));
    QCOMPARE(f.store->count(), 1);
    QCOMPARE(f.account(newId).baseUrl, moved);
    QCOMPARE(f.account(newId).name, QStringLiteral("demo-b2b"));
    QVERIFY(!f.account(newId).token.hasAccessToken);
    QVERIFY(readAll(f.store->path()) != before);
    QVERIFY(!readAll(f.store->path()).contains(id.toUtf8()));
    QVERIFY(!f.memory->contains(newId, SecretKind::Credential));

    const int requestsBefore = int(f.server.requests().size());
    const TokenResult login = f.login(newId);
    QCOMPARE(login.error.kind, AuthError::Kind::MissingCredential);
    const QList<DemoRequest> requests = f.server.requests();
    for (qsizetype i = requestsBefore; i < requests.size(); ++i) {
        QVERIFY2(!requests.at(i).body.contains(password), "the old password was sent to the new host");
        for (const auto &header : requests.at(i).headers)
            QVERIFY(!header.second.contains(password));
    }
}

void TestAccountExchange::pathOnlyChangeKeepsId()
{
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("b2b-api"));
    QVERIFY(!f.login(id).error);
    const QByteArray credential = f.memory->peek(id, SecretKind::Credential).value();
    QByteArray file = exportOf(f, {id});
    const QByteArray old = f.account(id).baseUrl.toString(QUrl::FullyEncoded).toUtf8();
    file.replace(old, QByteArray(old + "/v2"));
    const ImportPlan plan = ImportPlan::make(AccountImport::parse(file, f.registry), *f.store, f.registry);
    QCOMPARE(plan.accounts.at(0).action, ImportPlan::Action::Change);
    QVERIFY(!plan.accounts.at(0).replaces);
    const ImportPlan::Result result = plan.apply(true, f.store.get(), &f.registry);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.changedIds, QStringList{id});
    QVERIFY(result.replaced.isEmpty());
    QVERIFY(f.account(id).baseUrl.path().endsWith(QLatin1String("/v2")));
    QCOMPARE(f.memory->peek(id, SecretKind::Credential).value_or(QByteArray()), credential);
    QVERIFY(f.account(id).token.hasAccessToken);
}

void TestAccountExchange::declinedChangeLeavesFileIdentical()
{
    CoreFixture f;
    const QString a = f.addAccount(QStringLiteral("quadrata"));
    const QString b = f.addAccount(QStringLiteral("kyc-jwt"));
    QVERIFY(!f.login(b).error);
    QByteArray file = exportOf(f, {a, b});
    file.replace(f.server.baseUrl(QStringLiteral("kyc-jwt")).toString().toUtf8(), "https://kyc.example.com");
    const QByteArray before = readAll(f.store->path());
    QVERIFY(!before.isEmpty());

    const ImportPlan plan = ImportPlan::make(AccountImport::parse(file, f.registry), *f.store, f.registry);
    QCOMPARE(plan.count(ImportPlan::Action::Change), 1);
    const ImportPlan::Result result = plan.apply(false, f.store.get(), &f.registry);
    QVERIFY(result.ok);
    QVERIFY(result.changedIds.isEmpty());
    QCOMPARE(readAll(f.store->path()), before);
}

void TestAccountExchange::customProviderFromFileLogsIn()
{
    // A colleague's file brings a sixth provider; after import, an account using it logs in once its secret
    // is entered.
    CoreFixture f;
    ProviderRegistry theirs;
    QVERIFY(theirs.saveUserProfile(customProfile(), nullptr));
    Account a;
    a.id = Account::newId();
    a.name = QStringLiteral("acme");
    a.providerId = QStringLiteral("acme-keys");
    a.baseUrl = f.server.baseUrl(QStringLiteral("quadrata"));
    const QByteArray file = AccountExport::build({a}, theirs, false).json;
    const ImportPlan plan = ImportPlan::make(AccountImport::parse(file, f.registry), *f.store, f.registry);
    const ImportPlan::Result result = plan.apply(false, f.store.get(), &f.registry);
    QVERIFY2(result.ok, qPrintable(result.error));
    const QString id = result.addedIds.value(0);
    const TokenResult missing = f.login(id);
    QCOMPARE(missing.error.kind, AuthError::Kind::MissingCredential);
    bool written = false;
    f.secrets->write(id, SecretKind::Credential, QByteArrayLiteral("demo-quadrata-key"), nullptr,
                     [&](const SecretResult &r) { written = r.ok(); });
    QTRY_VERIFY(written);
    const TokenResult login = f.login(id);
    QVERIFY2(!login.error, qPrintable(login.error.message));
    QVERIFY(!login.accessToken.isEmpty());
}

QTEST_GUILESS_MAIN(TestAccountExchange)
#include "tst_accountexchange.moc"
