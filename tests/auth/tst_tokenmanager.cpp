// The token lifecycle end to end against the demo providers: login with every preset, refresh with
// rotation, coalescing, the order tokens are written in, re-login after a rejected refresh. Failures,
// logout, the clock and edits made while a login is on the network: tst_tokenmanagerstate. The queue and
// automatic renewal: tst_tokenmanagerqueue, tst_tokenrenewal.
#include "CoreFixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

Q_DECLARE_METATYPE(DemoFault)

class RecordingSecretStore : public MemorySecretStore
{
public:
    QStringList writes; // "/<kind>" or "remove /<kind>" in the order done
    void write(const QString &accountId, SecretKind kind, const QByteArray &secret, QObject *context,
               Callback callback) override
    {
        if (kind != SecretKind::Credential)
            writes.append(SecretStore::keyFor(QString(), kind));
        MemorySecretStore::write(accountId, kind, secret, context, std::move(callback));
    }
    void remove(const QString &accountId, SecretKind kind, QObject *context, Callback callback) override
    {
        if (kind != SecretKind::Credential)
            writes.append(QStringLiteral("remove ") + SecretStore::keyFor(QString(), kind));
        MemorySecretStore::remove(accountId, kind, context, std::move(callback));
    }
};

// Refuses to store refresh tokens, as a keychain whose disk is full would.
class RefreshWriteFailingStore : public MemorySecretStore
{
public:
    bool failRefreshWrites = false;
    void write(const QString &accountId, SecretKind kind, const QByteArray &secret, QObject *context,
               Callback callback) override
    {
        if (failRefreshWrites && kind == SecretKind::RefreshToken) {
            SecretResult refused;
            refused.status = SecretResult::Status::Error;
            refused.errorString = QStringLiteral("No space left on device");
            QTimer::singleShot(0, context ? context : this, [callback, refused] { callback(refused); });
            return;
        }
        MemorySecretStore::write(accountId, kind, secret, context, std::move(callback));
    }
};

// A partner-api refresh answer with a new JWT but no refreshToken field.
QByteArray answerWithoutRefreshToken()
{
    const QString expires = QDateTime::currentDateTimeUtc().addSecs(600).toString(Qt::ISODate);
    return QJsonDocument(QJsonObject{{QStringLiteral("jwt"), QStringLiteral("opaque-token-1")},
                                     {QStringLiteral("expirationDate"), expires}})
        .toJson(QJsonDocument::Compact);
}

// The next renewal of `id` is one login with the stored credential, and `spent` went out only once, ever.
void nextRenewalLogsIn(CoreFixture &f, const QString &id, const QByteArray &spent)
{
    const qsizetype before = f.server.requests().size();
    const TokenResult again = f.refresh(id);
    QVERIFY2(!again.error, qPrintable(again.error.message));
    const QList<DemoRequest> after = f.server.requests().mid(before);
    QCOMPARE(after.size(), 1);
    QVERIFY2(after.first().path.endsWith("/auth/login"), after.first().path.constData());
    int sent = 0;
    for (const DemoRequest &request : f.server.requests())
        sent += request.body.contains(spent) ? 1 : 0;
    QCOMPARE(sent, 1);
}

class TestTokenManager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void loginEveryPreset_data();
    void loginEveryPreset();
    void validTokenNeedsNoRequest();
    void minValidForcesRefreshAndRotates();
    void twoRefreshesSendOneRequest();
    void refreshTokenWrittenBeforeAccessToken();
    void rotatingRefreshWithoutNewTokenDropsTheSpentOne();
    void failedRotatingRefreshDropsTheSpentOne_data();
    void failedRotatingRefreshDropsTheSpentOne();
    void unstorableRotatedTokenDropsTheSpentOne();
    void nonRotatingRefreshKeepsTheOldOne();
    void rejectedRefreshLogsInOnce();
};

void TestTokenManager::loginEveryPreset_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<bool>("hasRefresh");
    QTest::newRow("quadrata") << QStringLiteral("quadrata") << false;
    QTest::newRow("kyc-jwt") << QStringLiteral("kyc-jwt") << false;
    QTest::newRow("partner-api") << QStringLiteral("partner-api") << true;
    QTest::newRow("b2b-api") << QStringLiteral("b2b-api") << true;
    QTest::newRow("user-authheader") << QStringLiteral("user-authheader") << false;
}

void TestTokenManager::loginEveryPreset()
{
    QFETCH(QString, preset);
    QFETCH(bool, hasRefresh);
    CoreFixture f;
    const QString id = f.addAccount(preset);
    QSignalSpy changed(f.manager.get(), &TokenManager::stateChanged);

    const TokenResult r = f.login(id);
    QVERIFY2(!r.error, qPrintable(r.error.message));
    QVERIFY(!r.accessToken.isEmpty());
    QCOMPARE(f.manager->state(id), TokenState::Valid);
    QVERIFY(changed.count() >= 1);

    const Account a = f.account(id);
    QVERIFY(a.token.hasAccessToken);
    QCOMPARE(a.token.hasRefreshToken, hasRefresh);
    QVERIFY(a.token.accessExpiresAt.isValid());
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(a.token.accessExpiresAt);
    QVERIFY2(left > f.server.accessLifetime() - 10 && left <= f.server.accessLifetime() + 1,
             qPrintable(QString::number(left)));
    QCOMPARE(f.secret(id, SecretKind::AccessToken).value_or(QByteArray()), r.accessToken);
    QCOMPARE(f.secret(id, SecretKind::RefreshToken).has_value(), hasRefresh);
    QCOMPARE(f.secret(id, SecretKind::Credential).has_value(), true);
    QCOMPARE(a.token.history.size(), 1);
    QCOMPARE(a.token.history.last().operation, QStringLiteral("login"));
    // Nothing secret in the account file.
    QFile file(f.store->path());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray config = file.readAll();
    QVERIFY(!config.contains(r.accessToken));
    QVERIFY(!config.contains(DemoServer::demoAccounts().first().secret));
}

void TestTokenManager::validTokenNeedsNoRequest()
{
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("b2b-api"));
    const QByteArray token = f.login(id).accessToken;
    const int before = f.server.requests().size();
    const int keychainCalls = f.memory->callCount();
    const TokenResult r = f.ensureValid(id, 30);
    QCOMPARE(f.memory->callCount() - keychainCalls, 1); // exactly one keychain read
    QVERIFY(!r.error);
    QCOMPARE(r.accessToken, token);
    QCOMPARE(r.usedNetwork, false);
    QCOMPARE(f.server.requests().size(), before);
}

void TestTokenManager::minValidForcesRefreshAndRotates()
{
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("partner-api"));
    const QByteArray first = f.login(id).accessToken;
    const QByteArray oldRefresh = f.secret(id, SecretKind::RefreshToken).value_or(QByteArray());
    QVERIFY(!oldRefresh.isEmpty());

    const TokenResult r = f.ensureValid(id, f.server.accessLifetime() + 60); // more than a token lives
    QVERIFY2(!r.error, qPrintable(r.error.message));
    QVERIFY(r.usedNetwork);
    QVERIFY(r.accessToken != first);
    QCOMPARE(f.server.refreshCount(QStringLiteral("partner-api")), 1);
    const QByteArray newRefresh = f.secret(id, SecretKind::RefreshToken).value_or(QByteArray());
    QVERIFY(!newRefresh.isEmpty());
    QVERIFY(newRefresh != oldRefresh);
    QCOMPARE(f.secret(id, SecretKind::AccessToken).value_or(QByteArray()), r.accessToken);
    QCOMPARE(f.account(id).token.history.last().operation, QStringLiteral("refresh"));
    QCOMPARE(f.server.reuseDetections(), 0);
}

void TestTokenManager::twoRefreshesSendOneRequest()
{
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("b2b-api"));
    QVERIFY(!f.login(id).error);
    int done = 0;
    QByteArray a, b;
    // The refresh answer is held back, so the second request surely arrives while the first is in
    // flight, however slow the machine.
    f.server.setFault(QStringLiteral("b2b-api"), DemoFault::delay(500), 1);
    f.manager->refresh(id, &f.context, [&](const TokenResult &r) {
        a = r.accessToken;
        ++done;
    });
    QTest::qWait(5); // the second request arrives a few ms later
    f.manager->refresh(id, &f.context, [&](const TokenResult &r) {
        b = r.accessToken;
        ++done;
    });
    QTRY_COMPARE(done, 2);
    QCOMPARE(a, b);
    QVERIFY(!a.isEmpty());
    QCOMPARE(f.server.refreshCount(QStringLiteral("b2b-api")), 1);
    QCOMPARE(f.server.reuseDetections(), 0);
}

void TestTokenManager::refreshTokenWrittenBeforeAccessToken()
{
    RecordingSecretStore recording;
    CoreFixture f(&recording);
    const QString id = f.addAccount(QStringLiteral("partner-api"));
    QVERIFY(!f.login(id).error);
    recording.writes.clear();
    QVERIFY(!f.refresh(id).error);
    QCOMPARE(recording.writes, (QStringList{QStringLiteral("/refresh-token"), QStringLiteral("/access-token")}));
}

void TestTokenManager::rotatingRefreshWithoutNewTokenDropsTheSpentOne()
{
    // partner-api's refresh token rotates: the one sent is dead once the provider answered.
    RecordingSecretStore recording;
    CoreFixture f(&recording);
    const QString id = f.addAccount(QStringLiteral("partner-api"));
    QVERIFY(!f.login(id).error);
    const QByteArray spent = f.secret(id, SecretKind::RefreshToken).value_or(QByteArray());
    QVERIFY(!spent.isEmpty());
    f.server.setFault(QStringLiteral("partner-api"), DemoFault::respondWith(200, answerWithoutRefreshToken()), 1);
    recording.writes.clear();
    const TokenResult r = f.refresh(id);
    QVERIFY2(!r.error, qPrintable(r.error.message));
    QCOMPARE(r.accessToken, QByteArrayLiteral("opaque-token-1"));
    // The spent token leaves the keychain before the new access token goes in; the account file follows.
    QCOMPARE(recording.writes,
             (QStringList{QStringLiteral("remove /refresh-token"), QStringLiteral("/access-token")}));
    QVERIFY(!f.secret(id, SecretKind::RefreshToken).has_value());
    const Account a = f.account(id);
    QVERIFY(!a.token.hasRefreshToken);
    QVERIFY(!a.token.refreshExpiresAt.isValid());
    QCOMPARE(a.token.lastState, TokenState::Valid);

    // The next renewal logs in with the stored credential; the spent token is never sent again.
    nextRenewalLogsIn(f, id, spent);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(f.account(id).token.history.last().operation, QStringLiteral("login"));
    QVERIFY(f.account(id).token.hasRefreshToken); // the login's own
}

void TestTokenManager::failedRotatingRefreshDropsTheSpentOne_data()
{
    QTest::addColumn<DemoFault>("fault");
    QTest::newRow("200 HTML page") << DemoFault::htmlBody();
    QTest::newRow("200 without token") << DemoFault::missingTokenField();
    QTest::newRow("truncated JSON") << DemoFault::truncatedJson();
    QTest::newRow("503") << DemoFault::serverError(503);
}

// The provider took the rotating refresh token but its answer is of no use: the token is spent all the same.
// It is not sent again; the next renewal logs in with the stored credential.
void TestTokenManager::failedRotatingRefreshDropsTheSpentOne()
{
    QFETCH(DemoFault, fault);
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("partner-api"));
    QVERIFY(!f.login(id).error);
    const QByteArray spent = f.secret(id, SecretKind::RefreshToken).value_or(QByteArray());
    QVERIFY(!spent.isEmpty());
    f.server.setFault(QStringLiteral("partner-api"), fault, 1);
    const TokenResult r = f.refresh(id);
    QVERIFY(r.error);
    QVERIFY(!f.secret(id, SecretKind::RefreshToken).has_value());
    QVERIFY(!f.account(id).token.hasRefreshToken);
    QCOMPARE(f.account(id).token.lastState, TokenState::Failed);

    nextRenewalLogsIn(f, id, spent);
}

// The provider rotated the refresh token but the keychain refuses the new one: the old one, still in the
// keychain, is spent all the same and must not be sent again.
void TestTokenManager::unstorableRotatedTokenDropsTheSpentOne()
{
    RefreshWriteFailingStore store;
    CoreFixture f(&store);
    const QString id = f.addAccount(QStringLiteral("partner-api"));
    QVERIFY(!f.login(id).error);
    const QByteArray spent = f.secret(id, SecretKind::RefreshToken).value_or(QByteArray());
    QVERIFY(!spent.isEmpty());
    store.failRefreshWrites = true;
    const TokenResult r = f.refresh(id);
    QCOMPARE(r.error.kind, AuthError::Kind::Keychain);
    QVERIFY(!f.secret(id, SecretKind::RefreshToken).has_value());
    QVERIFY(!f.account(id).token.hasRefreshToken);
    store.failRefreshWrites = false;
    nextRenewalLogsIn(f, id, spent);
}

void TestTokenManager::nonRotatingRefreshKeepsTheOldOne()
{
    // A profile whose refresh token does not rotate ("rotates": false): the old one stays valid and is kept.
    CoreFixture f;
    QJsonObject profile = f.registry.json(QStringLiteral("partner-api"));
    profile.insert(QStringLiteral("id"), QStringLiteral("partner-fixed-refresh"));
    QJsonObject refresh = profile.value(QStringLiteral("refresh")).toObject();
    refresh.insert(QStringLiteral("rotates"), false);
    profile.insert(QStringLiteral("refresh"), refresh);
    QString error;
    QVERIFY2(f.registry.addProfile(QJsonDocument(profile).toJson(), QStringLiteral("partner-fixed-refresh.json"),
                                   false, &error),
             qPrintable(error));
    const QString id = f.addAccount(QStringLiteral("partner-api"));
    QVERIFY(f.store->modify(id, [](Account &a) { a.providerId = QStringLiteral("partner-fixed-refresh"); }).ok);
    QVERIFY(!f.login(id).error);
    const QByteArray refreshToken = f.secret(id, SecretKind::RefreshToken).value_or(QByteArray());
    QVERIFY(!refreshToken.isEmpty());
    f.server.setFault(QStringLiteral("partner-api"), DemoFault::respondWith(200, answerWithoutRefreshToken()), 1);
    const TokenResult r = f.refresh(id);
    QVERIFY2(!r.error, qPrintable(r.error.message));
    QCOMPARE(r.accessToken, QByteArrayLiteral("opaque-token-1"));
    QCOMPARE(f.secret(id, SecretKind::RefreshToken).value_or(QByteArray()), refreshToken);
    QVERIFY(f.account(id).token.hasRefreshToken);
    // The kept refresh token still works (the fault above left the demo server's state alone).
    QVERIFY(!f.refresh(id).error);
    QCOMPARE(f.server.refreshCount(QStringLiteral("partner-api")), 1);
}

void TestTokenManager::rejectedRefreshLogsInOnce()
{
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("b2b-api"));
    QVERIFY(!f.login(id).error);
    f.server.setFault(QStringLiteral("b2b-api"), DemoFault::respondWith(401, R"({"error":"unauthorized","message":"Refresh token revoked"})"), 1);
    const int before = f.requestsTo(QStringLiteral("b2b-api"));
    const TokenResult r = f.refresh(id);
    QVERIFY2(!r.error, qPrintable(r.error.message));
    QCOMPARE(f.requestsTo(QStringLiteral("b2b-api")) - before, 2); // the refused refresh, one login
    QCOMPARE(f.account(id).token.history.last().operation, QStringLiteral("login"));

    // Refused refresh and refused login: one attempt each, then a clear error.
    f.server.setFault(QStringLiteral("b2b-api"), DemoFault::respondWith(401, R"({"error":"unauthorized","message":"Invalid credentials"})"), 5);
    const int before2 = f.requestsTo(QStringLiteral("b2b-api"));
    const TokenResult failed = f.refresh(id);
    QCOMPARE(failed.error.kind, AuthError::Kind::CredentialsRejected);
    QCOMPARE(f.requestsTo(QStringLiteral("b2b-api")) - before2, 2);
    QCOMPARE(f.manager->state(id), TokenState::Failed);
    QVERIFY(f.secret(id, SecretKind::Credential).has_value());
}

QTEST_GUILESS_MAIN(TestTokenManager)
#include "tst_tokenmanager.moc"
