// The token lifecycle end to end against the demo providers: login, refresh with rotation, coalescing,
// re-login after a rejected refresh, errors that keep the credential, rate limits, logout, auto-refresh.
#include "CoreFixture.h"

#include "auth/RefreshScheduler.h"
#include "demo/DemoCredentials.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

class RecordingSecretStore : public MemorySecretStore
{
public:
    QStringList writes; // "<kind>" in the order written
    void write(const QString &accountId, SecretKind kind, const QByteArray &secret, QObject *context,
               Callback callback) override
    {
        if (kind != SecretKind::Credential)
            writes.append(SecretStore::keyFor(QString(), kind));
        MemorySecretStore::write(accountId, kind, secret, context, std::move(callback));
    }
};

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
    void answerWithoutRefreshTokenKeepsTheOldOne();
    void rejectedRefreshLogsInOnce();
    void documentedErrorsKeepTheCredential_data();
    void documentedErrorsKeepTheCredential();
    void rateLimitBlocksRequestsUntilRetryAfter();
    void missingCredentialIsClear();
    void keychainUnavailableWritesNothingElse();
    void logoutKeepsCredential();
    void queuedOperationsRunInOrder();
    void stateFollowsTheClock();
    void autoRefreshRenewsBeforeExpiry();
    void autoRefreshReloginsWithoutRefreshToken();
    void failedCredentialsAreNotRetriedAutomatically();
    void leadTimeSettingMovesTheRenewal();
    void canRenewFollowsTheAccount();
    void automaticFailuresAreSignalledApart();
    void concurrentOperationsAreCapped();
    void loginKeepsAConcurrentEdit();
    void tokensForAChangedOriginAreNotStored();
    void logoutDropsALoginWaitingForASlot();
    void tokenReadsWaitAheadOfLogins();
    void removedAccountDoesNotWaitForASlot();
    void autoRefreshOffDropsWaitingRenewals();
    void joinedAutomaticRenewalIsNotAutomatic();
    void autoRefreshSchedulesEveryAccountInOneBatch();
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

void TestTokenManager::answerWithoutRefreshTokenKeepsTheOldOne()
{
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("partner-api"));
    QVERIFY(!f.login(id).error);
    const QByteArray refreshToken = f.secret(id, SecretKind::RefreshToken).value_or(QByteArray());
    // A refresh answer with a new JWT but no refreshToken field.
    const QString expires = QDateTime::currentDateTimeUtc().addSecs(600).toString(Qt::ISODate);
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("jwt"), QStringLiteral("opaque-token-1")},
                                                      {QStringLiteral("expirationDate"), expires}})
                                .toJson(QJsonDocument::Compact);
    f.server.setFault(QStringLiteral("partner-api"), DemoFault::respondWith(200, body), 1);
    const TokenResult r = f.refresh(id);
    QVERIFY2(!r.error, qPrintable(r.error.message));
    QCOMPARE(r.accessToken, QByteArrayLiteral("opaque-token-1"));
    QCOMPARE(f.secret(id, SecretKind::RefreshToken).value_or(QByteArray()), refreshToken);
    QVERIFY(f.account(id).token.hasRefreshToken);
    // The kept refresh token still works.
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

void TestTokenManager::documentedErrorsKeepTheCredential_data()
{
    QTest::addColumn<QString>("preset");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("messagePart");
    using K = AuthError::Kind;
    QTest::newRow("kyc wrong password") << QStringLiteral("kyc-jwt") << QString() << QByteArrayLiteral("wrong")
                                        << int(K::CredentialsRejected) << QStringLiteral("username or password");
    QTest::newRow("kyc not verified") << QStringLiteral("kyc-jwt") << DemoCredentials::kycUnverifiedUsername()
                                      << QByteArray() << int(K::NotVerified) << QStringLiteral("not verified");
    QTest::newRow("b2b wrong password") << QStringLiteral("b2b-api") << QString() << QByteArrayLiteral("wrong")
                                        << int(K::CredentialsRejected) << QStringLiteral("Invalid credentials");
    QTest::newRow("partner wrong key") << QStringLiteral("partner-api") << QString() << QByteArrayLiteral("wrong")
                                       << int(K::CredentialsRejected) << QStringLiteral("API key");
    QTest::newRow("quadrata wrong key") << QStringLiteral("quadrata") << QString() << QByteArrayLiteral("wrong")
                                        << int(K::CredentialsRejected) << QStringLiteral("API key");
    QTest::newRow("user wrong password") << QStringLiteral("user-authheader") << QString() << QByteArrayLiteral("wrong")
                                         << int(K::CredentialsRejected) << QStringLiteral("password");
    QTest::newRow("user password expired") << QStringLiteral("user-authheader") << DemoCredentials::userExpiredUsername()
                                           << QByteArray() << int(K::PasswordExpired) << QStringLiteral("change it");
}

void TestTokenManager::documentedErrorsKeepTheCredential()
{
    QFETCH(QString, preset);
    QFETCH(QString, username);
    QFETCH(QByteArray, secret);
    QFETCH(int, kind);
    QFETCH(QString, messagePart);
    CoreFixture f;
    const QString id = f.addAccount(preset, {}, username, secret);
    const QByteArray stored = f.secret(id, SecretKind::Credential).value_or(QByteArray());
    const TokenResult r = f.login(id);
    QCOMPARE(int(r.error.kind), kind);
    QVERIFY2(r.error.message.contains(messagePart, Qt::CaseInsensitive), qPrintable(r.error.message));
    QVERIFY(!r.error.message.contains(QString::fromUtf8(stored)));
    QCOMPARE(f.manager->state(id), TokenState::Failed);
    const Account a = f.account(id);
    QCOMPARE(int(a.token.lastError.kind), kind);
    QVERIFY(a.token.lastErrorAt.isValid());
    QCOMPARE(f.secret(id, SecretKind::Credential).value_or(QByteArray()), stored);
    QVERIFY(!f.secret(id, SecretKind::AccessToken).has_value());
}

void TestTokenManager::rateLimitBlocksRequestsUntilRetryAfter()
{
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("b2b-api"), {}, DemoCredentials::b2bRateLimitedUsername());
    const TokenResult r = f.login(id);
    QCOMPARE(r.error.kind, AuthError::Kind::RateLimited);
    QVERIFY(r.error.retryAfter.isValid());
    const qint64 wait = QDateTime::currentDateTimeUtc().secsTo(r.error.retryAfter);
    QVERIFY2(wait >= 3 && wait <= 6, qPrintable(QString::number(wait)));
    QCOMPARE(f.manager->state(id), TokenState::RateLimited);

    const int before = f.requestsTo(QStringLiteral("b2b-api"));
    const TokenResult again = f.login(id);
    QCOMPARE(again.error.kind, AuthError::Kind::RateLimited);
    QVERIFY2(again.error.message.contains(QStringLiteral("retry in")), qPrintable(again.error.message));
    QCOMPARE(f.requestsTo(QStringLiteral("b2b-api")), before); // nothing sent before Retry-After
}

void TestTokenManager::missingCredentialIsClear()
{
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("quadrata"));
    bool removed = false;
    f.secrets->remove(id, SecretKind::Credential, nullptr, [&](const SecretResult &) { removed = true; });
    QTRY_VERIFY(removed);
    const TokenResult r = f.login(id);
    QCOMPARE(r.error.kind, AuthError::Kind::MissingCredential);
    QCOMPARE(f.requestsTo(QStringLiteral("quadrata")), 0);
}

void TestTokenManager::keychainUnavailableWritesNothingElse()
{
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("quadrata"));
    f.memory->setFailure(SecretResult::Status::Unavailable);
    const TokenResult r = f.login(id);
    QCOMPARE(r.error.kind, AuthError::Kind::Keychain);
    QVERIFY(!r.error.message.isEmpty());
    QCOMPARE(f.requestsTo(QStringLiteral("quadrata")), 0);
    QVERIFY(!f.account(id).token.hasAccessToken);
}

void TestTokenManager::logoutKeepsCredential()
{
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("partner-api"));
    QVERIFY(!f.login(id).error);
    QVERIFY(!f.logout(id).error);
    QCOMPARE(f.manager->state(id), TokenState::SignedOut);
    QVERIFY(!f.secret(id, SecretKind::AccessToken).has_value());
    QVERIFY(!f.secret(id, SecretKind::RefreshToken).has_value());
    QVERIFY(f.secret(id, SecretKind::Credential).has_value());
    const Account a = f.account(id);
    QVERIFY(!a.token.hasAccessToken && !a.token.hasRefreshToken && !a.token.accessExpiresAt.isValid());
}

void TestTokenManager::queuedOperationsRunInOrder()
{
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("partner-api"));
    QStringList order;
    TokenResult last;
    f.manager->login(id, &f.context, [&](const TokenResult &r) {
        order.append(r.error ? QStringLiteral("login failed") : QStringLiteral("login"));
        // Asked for from inside a callback while a logout is queued: runs after the logout.
        f.manager->ensureValid(id, 30, &f.context, [&](const TokenResult &e) {
            order.append(e.error ? QStringLiteral("ensure failed") : QStringLiteral("ensure"));
            last = e;
        });
    });
    f.manager->logout(id, &f.context, [&](const TokenResult &) { order.append(QStringLiteral("logout")); });
    QTRY_COMPARE(order.size(), 3);
    QCOMPARE(order, (QStringList{QStringLiteral("login"), QStringLiteral("logout"), QStringLiteral("ensure")}));
    QVERIFY(!last.accessToken.isEmpty());
    QCOMPARE(f.manager->state(id), TokenState::Valid);
    QVERIFY(!f.manager->isBusy(id));
}

void TestTokenManager::stateFollowsTheClock()
{
    ManualClock clock(QDateTime::currentDateTimeUtc());
    CoreFixture f(nullptr, &clock);
    const QString id = f.addAccount(QStringLiteral("kyc-jwt"));
    QVERIFY(!f.login(id).error);
    QCOMPARE(f.manager->state(id), TokenState::Valid);
    clock.advance(qint64(f.server.accessLifetime() + 5) * 1000);
    QCOMPARE(f.manager->state(id), TokenState::Expired); // derived: nothing had to tick
}

void TestTokenManager::autoRefreshRenewsBeforeExpiry()
{
    CoreFixture f;
    f.server.setAccessLifetime(12); // lead time is its 10 s minimum: renewal due ~2 s after login
    const QString id = f.addAccount(QStringLiteral("partner-api"));
    QVERIFY(!f.login(id).error);
    const QDateTime firstExpiry = f.account(id).token.accessExpiresAt;
    f.manager->setAutoRefresh(true);
    QVERIFY(f.manager->scheduler()->dueAt(id).isValid());
    QTRY_COMPARE_WITH_TIMEOUT(f.server.refreshCount(QStringLiteral("partner-api")), 1, 8000);
    QTRY_VERIFY(f.account(id).token.accessExpiresAt > firstExpiry);
    QCOMPARE(f.manager->state(id), TokenState::Valid);
    QCOMPARE(f.server.reuseDetections(), 0);
}

void TestTokenManager::autoRefreshReloginsWithoutRefreshToken()
{
    CoreFixture f;
    f.server.setAccessLifetime(12);
    const QString id = f.addAccount(QStringLiteral("kyc-jwt"));
    QVERIFY(!f.login(id).error);
    const int logins = f.requestsTo(QStringLiteral("kyc-jwt"));
    f.manager->setAutoRefresh(true);
    QTRY_COMPARE_WITH_TIMEOUT(f.requestsTo(QStringLiteral("kyc-jwt")), logins + 1, 8000);
    QTRY_COMPARE(f.account(id).token.history.size(), 2);
}

void TestTokenManager::failedCredentialsAreNotRetriedAutomatically()
{
    CoreFixture f;
    f.server.setAccessLifetime(12);
    const QString id = f.addAccount(QStringLiteral("kyc-jwt"));
    QVERIFY(!f.login(id).error);
    // The password changes at the provider: the next automatic re-login fails and is not repeated.
    bool written = false;
    f.secrets->write(id, SecretKind::Credential, QByteArrayLiteral("now-wrong"), nullptr,
                     [&](const SecretResult &) { written = true; });
    QTRY_VERIFY(written);
    f.manager->setAutoRefresh(true);
    QTRY_COMPARE_WITH_TIMEOUT(f.manager->state(id), TokenState::Failed, 8000);
    const int requests = f.requestsTo(QStringLiteral("kyc-jwt"));
    QVERIFY(!f.manager->scheduler()->dueAt(id).isValid()
            || f.manager->scheduler()->dueAt(id) >= f.account(id).token.accessExpiresAt);
    QTest::qWait(2500);
    QCOMPARE(f.requestsTo(QStringLiteral("kyc-jwt")), requests);
}

void TestTokenManager::leadTimeSettingMovesTheRenewal()
{
    ManualClock clock(QDateTime::currentDateTimeUtc());
    CoreFixture f(nullptr, &clock);
    f.server.setAccessLifetime(3600);
    const QString id = f.addAccount(QStringLiteral("partner-api"));
    QVERIFY(!f.login(id).error);
    f.manager->setAutoRefresh(true);
    const QDateTime expiry = f.account(id).token.accessExpiresAt;
    auto dueBefore = [&] { return f.manager->scheduler()->dueAt(id).secsTo(expiry); };
    QCOMPARE(f.manager->refreshLeadSeconds(), qint64(300));
    QVERIFY2(qAbs(dueBefore() - 300) <= 1, qPrintable(QString::number(dueBefore())));
    f.manager->setRefreshLeadSeconds(60); // reschedules at once
    QVERIFY2(qAbs(dueBefore() - 60) <= 1, qPrintable(QString::number(dueBefore())));
    QCOMPARE(f.manager->leadSeconds(f.account(id)), qint64(60));
    f.manager->setRefreshLeadSeconds(1800); // a 1 h token still renews at 90 % of its lifetime
    QVERIFY2(qAbs(dueBefore() - 360) <= 1, qPrintable(QString::number(dueBefore())));
    f.manager->setRefreshLeadSeconds(1);
    QCOMPARE(f.manager->refreshLeadSeconds(), qint64(10));
}

void TestTokenManager::canRenewFollowsTheAccount()
{
    CoreFixture f;
    const QString withRefresh = f.addAccount(QStringLiteral("partner-api"));
    const QString relogin = f.addAccount(QStringLiteral("kyc-jwt"));
    QVERIFY(!f.login(withRefresh).error);
    QVERIFY(!f.login(relogin).error);
    QVERIFY(f.manager->canRenew(f.account(withRefresh)));
    QVERIFY(f.manager->canRenew(f.account(relogin))); // keepSignedIn: logs in again
    Account stay = f.account(relogin);
    stay.keepSignedIn = false;
    QVERIFY(!f.manager->canRenew(stay)); // no refresh token, no re-login
    stay.keepSignedIn = true;
    stay.token.lastState = TokenState::Failed;
    stay.token.lastError = AuthError::make(AuthError::Kind::MissingCredential);
    QVERIFY(!f.manager->canRenew(stay)); // retrying cannot fix it
}

void TestTokenManager::automaticFailuresAreSignalledApart()
{
    CoreFixture f;
    f.server.setAccessLifetime(12);
    const QString id = f.addAccount(QStringLiteral("kyc-jwt"));
    QVERIFY(!f.login(id).error);
    QSignalSpy automatic(f.manager.get(), &TokenManager::automaticRenewalFinished);
    QVERIFY(!f.refresh(id).error); // asked for by a person: not automatic
    QCOMPARE(automatic.count(), 0);
    bool written = false;
    f.secrets->write(id, SecretKind::Credential, QByteArrayLiteral("now-wrong"), nullptr,
                     [&](const SecretResult &) { written = true; });
    QTRY_VERIFY(written);
    f.manager->setAutoRefresh(true);
    QTRY_COMPARE_WITH_TIMEOUT(automatic.count(), 1, 8000);
    QCOMPARE(automatic.first().at(0).toString(), id);
    QVERIFY(bool(automatic.first().at(1).value<AuthError>()));
}

void TestTokenManager::concurrentOperationsAreCapped()
{
    CoreFixture f;
    f.manager->setMaxConcurrent(2);
    QStringList ids;
    for (int i = 0; i < 6; ++i)
        ids.append(f.addAccount(QStringLiteral("b2b-api"), QStringLiteral("b2b-%1").arg(i)));
    const QString valid = f.addAccount(QStringLiteral("b2b-api"), QStringLiteral("already-valid"));
    QVERIFY(!f.login(valid).error);

    int mostRunning = 0;
    bool reading = false; // the one operation below that may run beyond the cap
    connect(f.manager.get(), &TokenManager::stateChanged, &f.context,
            [&] { mostRunning = qMax(mostRunning, f.manager->runningCount() - (reading ? 1 : 0)); });
    int done = 0;
    int failed = 0;
    for (const QString &id : std::as_const(ids)) {
        f.manager->login(id, &f.context, [&](const TokenResult &r) {
            ++done;
            failed += r.error ? 1 : 0;
        });
    }
    QCOMPARE(f.manager->runningCount(), 2);
    QCOMPARE(f.manager->waitingCount(), 4);
    // Waiting operations are busy and shown as logging in; they start in arrival order.
    QVERIFY(f.manager->isBusy(ids.last()));
    QCOMPARE(f.manager->state(ids.last()), TokenState::LoggingIn);
    // A token that is still valid is read at once, without waiting for a slot.
    bool read = false;
    reading = true;
    f.manager->ensureValid(valid, 30, &f.context, [&](const TokenResult &r) {
        read = !r.error;
        reading = false;
    });
    QCOMPARE(f.manager->waitingCount(), 4);
    QTRY_VERIFY(read);

    QTRY_COMPARE_WITH_TIMEOUT(done, 6, 15000);
    QCOMPARE(failed, 0);
    QVERIFY(mostRunning <= 2);
    QCOMPARE(f.manager->runningCount(), 0);
    QCOMPARE(f.manager->waitingCount(), 0);
    for (const QString &id : std::as_const(ids))
        QCOMPARE(f.manager->state(id), TokenState::Valid);
    QCOMPARE(f.requestsTo(QStringLiteral("b2b-api")), 7);
}

void TestTokenManager::loginKeepsAConcurrentEdit()
{
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("b2b-api"), QStringLiteral("before"));
    f.server.setFault(QStringLiteral("b2b-api"), DemoFault::delay(500), 1);
    bool done = false;
    TokenResult result;
    f.manager->login(id, &f.context, [&](const TokenResult &r) {
        result = r;
        done = true;
    });
    QTRY_COMPARE(f.requestsTo(QStringLiteral("b2b-api")), 1); // the login is on the network
    QVERIFY(f.store->modify(id, [](Account &a) { a.name = QStringLiteral("renamed"); }));
    QTRY_VERIFY(done);
    QVERIFY2(!result.error, qPrintable(result.error.message));
    const Account a = f.account(id);
    QCOMPARE(a.name, QStringLiteral("renamed"));
    QVERIFY(a.token.hasAccessToken);
    QCOMPARE(f.manager->state(id), TokenState::Valid);

    // A failing login keeps it too.
    bool written = false;
    f.secrets->write(id, SecretKind::Credential, QByteArrayLiteral("now-wrong"), nullptr,
                     [&](const SecretResult &) { written = true; });
    QTRY_VERIFY(written);
    f.server.setFault(QStringLiteral("b2b-api"), DemoFault::delay(500), 1);
    done = false;
    f.manager->login(id, &f.context, [&](const TokenResult &r) {
        result = r;
        done = true;
    });
    QTRY_COMPARE(f.requestsTo(QStringLiteral("b2b-api")), 2);
    QVERIFY(f.store->modify(id, [](Account &x) { x.name = QStringLiteral("renamed again"); }));
    QTRY_VERIFY(done);
    QCOMPARE(result.error.kind, AuthError::Kind::CredentialsRejected);
    QCOMPARE(f.account(id).name, QStringLiteral("renamed again"));
    QCOMPARE(f.account(id).token.lastError.kind, AuthError::Kind::CredentialsRejected);

    // And a logout.
    QVERIFY(f.store->modify(id, [](Account &x) { x.name = QStringLiteral("third"); }));
    QVERIFY(!f.logout(id).error);
    QCOMPARE(f.account(id).name, QStringLiteral("third"));
    QVERIFY(!f.account(id).token.hasAccessToken);
}

void TestTokenManager::tokensForAChangedOriginAreNotStored()
{
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("b2b-api"));
    f.server.setFault(QStringLiteral("b2b-api"), DemoFault::delay(500), 1);
    bool done = false;
    TokenResult result;
    f.manager->login(id, &f.context, [&](const TokenResult &r) {
        result = r;
        done = true;
    });
    QTRY_COMPARE(f.requestsTo(QStringLiteral("b2b-api")), 1);
    const QUrl elsewhere(QStringLiteral("http://127.0.0.1:1/elsewhere"));
    QVERIFY(f.store->modify(id, [&](Account &a) { a.baseUrl = elsewhere; }));
    QTRY_VERIFY(done);
    QVERIFY(result.error);
    QVERIFY2(result.error.message.contains(QStringLiteral("changed")), qPrintable(result.error.message));
    QVERIFY(result.accessToken.isEmpty());
    QVERIFY(!f.secret(id, SecretKind::AccessToken).has_value());
    QVERIFY(!f.secret(id, SecretKind::RefreshToken).has_value());
    const Account a = f.account(id);
    QCOMPARE(a.baseUrl, elsewhere);
    QVERIFY(!a.token.hasAccessToken);
}

void TestTokenManager::logoutDropsALoginWaitingForASlot()
{
    CoreFixture f;
    f.manager->setMaxConcurrent(1);
    const QString busy = f.addAccount(QStringLiteral("b2b-api"), QStringLiteral("busy"));
    const QString other = f.addAccount(QStringLiteral("b2b-api"), QStringLiteral("other"));
    QVERIFY(!f.login(other).error);
    const int requests = f.requestsTo(QStringLiteral("b2b-api"));
    f.server.setFault(QStringLiteral("b2b-api"), DemoFault::delay(3000), 1);
    bool busyDone = false;
    f.manager->login(busy, &f.context, [&](const TokenResult &) { busyDone = true; });
    std::optional<TokenResult> waitingLogin;
    f.manager->login(other, &f.context, [&](const TokenResult &r) { waitingLogin = r; });
    QCOMPARE(f.manager->waitingCount(), 1);

    bool loggedOut = false;
    f.manager->logout(other, &f.context, [&](const TokenResult &r) { loggedOut = !r.error; });
    QVERIFY(waitingLogin.has_value());
    QCOMPARE(waitingLogin->error.kind, AuthError::Kind::Cancelled);
    QCOMPARE(f.manager->waitingCount(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(loggedOut, 2000);
    QVERIFY(!busyDone); // did not wait for the running login
    QCOMPARE(f.manager->state(other), TokenState::SignedOut);
    QTRY_VERIFY_WITH_TIMEOUT(busyDone, 10000);
    QCOMPARE(f.requestsTo(QStringLiteral("b2b-api")), requests + 1); // the dropped login sent nothing
    QVERIFY(!f.manager->isBusy(other));
}

void TestTokenManager::tokenReadsWaitAheadOfLogins()
{
    CoreFixture f;
    f.manager->setMaxConcurrent(1);
    QStringList ids;
    for (int i = 0; i < 3; ++i)
        ids.append(f.addAccount(QStringLiteral("b2b-api"), QStringLiteral("login-%1").arg(i)));
    const QString reader = f.addAccount(QStringLiteral("b2b-api"), QStringLiteral("reader"));
    f.server.setFault(QStringLiteral("b2b-api"), DemoFault::delay(300), 1);
    QStringList order;
    for (const QString &id : std::as_const(ids))
        f.manager->login(id, &f.context, [&order, id](const TokenResult &) { order.append(id); });
    f.manager->ensureValid(reader, 30, &f.context, [&order, reader](const TokenResult &) { order.append(reader); });
    QCOMPARE(f.manager->waitingCount(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 4, 10000);
    QCOMPARE(order, (QStringList{ids.at(0), reader, ids.at(1), ids.at(2)}));
}

void TestTokenManager::removedAccountDoesNotWaitForASlot()
{
    CoreFixture f;
    f.manager->setMaxConcurrent(1);
    const QString busy = f.addAccount(QStringLiteral("b2b-api"), QStringLiteral("busy"));
    const QString gone = f.addAccount(QStringLiteral("b2b-api"), QStringLiteral("gone"));
    f.server.setFault(QStringLiteral("b2b-api"), DemoFault::delay(3000), 1);
    bool busyDone = false;
    f.manager->login(busy, &f.context, [&](const TokenResult &) { busyDone = true; });
    std::optional<TokenResult> goneResult;
    f.manager->login(gone, &f.context, [&](const TokenResult &r) { goneResult = r; });
    QCOMPARE(f.manager->waitingCount(), 1);
    QVERIFY(f.store->remove(gone));
    QTRY_VERIFY_WITH_TIMEOUT(goneResult.has_value(), 1000);
    QVERIFY(goneResult->error);
    QVERIFY(!busyDone);
    QCOMPARE(f.manager->waitingCount(), 0);
    QVERIFY(!f.manager->isBusy(gone));
    QTRY_VERIFY_WITH_TIMEOUT(busyDone, 10000);
    QCOMPARE(f.requestsTo(QStringLiteral("b2b-api")), 1);
}

void TestTokenManager::autoRefreshOffDropsWaitingRenewals()
{
    CoreFixture f;
    f.manager->setMaxConcurrent(1);
    f.server.setAccessLifetime(12); // renewal due about 2 s after login
    const QString renews = f.addAccount(QStringLiteral("partner-api"), QStringLiteral("renews"));
    const QString busy = f.addAccount(QStringLiteral("b2b-api"), QStringLiteral("busy"));
    QVERIFY(!f.login(renews).error);
    f.server.setFault(QStringLiteral("b2b-api"), DemoFault::delay(6000), 1);
    bool busyDone = false;
    f.manager->login(busy, &f.context, [&](const TokenResult &) { busyDone = true; });
    QSignalSpy automatic(f.manager.get(), &TokenManager::automaticRenewalFinished);
    f.manager->setAutoRefresh(true);
    QTRY_COMPARE_WITH_TIMEOUT(f.manager->waitingCount(), 1, 5000); // the renewal waits for the slot
    QVERIFY(f.manager->isBusy(renews));
    f.manager->setAutoRefresh(false);
    QCOMPARE(f.manager->waitingCount(), 0);
    QVERIFY(!f.manager->isBusy(renews));
    QVERIFY(!busyDone);
    QTRY_VERIFY_WITH_TIMEOUT(busyDone, 10000);
    QCOMPARE(f.server.refreshCount(QStringLiteral("partner-api")), 0);
    QCOMPARE(automatic.count(), 0);
}

void TestTokenManager::joinedAutomaticRenewalIsNotAutomatic()
{
    CoreFixture f;
    f.manager->setMaxConcurrent(1);
    f.server.setAccessLifetime(12);
    const QString renews = f.addAccount(QStringLiteral("partner-api"), QStringLiteral("renews"));
    const QString busy = f.addAccount(QStringLiteral("b2b-api"), QStringLiteral("busy"));
    QVERIFY(!f.login(renews).error);
    f.server.setFault(QStringLiteral("b2b-api"), DemoFault::delay(4000), 1);
    f.manager->login(busy, &f.context, [](const TokenResult &) {});
    QSignalSpy automatic(f.manager.get(), &TokenManager::automaticRenewalFinished);
    QSignalSpy renewed(f.manager.get(), &TokenManager::renewed);
    f.manager->setAutoRefresh(true);
    QTRY_COMPARE_WITH_TIMEOUT(f.manager->waitingCount(), 1, 5000);
    bool joined = false;
    f.manager->login(renews, &f.context, [&](const TokenResult &r) { joined = !r.error; }); // a person's Log in
    QTRY_VERIFY_WITH_TIMEOUT(joined, 10000);
    // The other account renews itself too once logged in: count this one's only.
    const auto countFor = [&renews](const QSignalSpy &spy) {
        return std::count_if(spy.cbegin(), spy.cend(), [&renews](const QList<QVariant> &args) {
            return args.at(0).toString() == renews;
        });
    };
    QCOMPARE(countFor(automatic), 0);
    QCOMPARE(countFor(renewed), 1);
    f.manager->setAutoRefresh(false);
}

void TestTokenManager::autoRefreshSchedulesEveryAccountInOneBatch()
{
    ManualClock clock(QDateTime::currentDateTimeUtc());
    CoreFixture f(nullptr, &clock);
    f.server.setAccessLifetime(3600);
    const QString first = f.addAccount(QStringLiteral("partner-api"));
    const QString second = f.addAccount(QStringLiteral("kyc-jwt"));
    const QString signedOut = f.addAccount(QStringLiteral("partner-api"));
    QVERIFY(!f.login(first).error);
    clock.advance(60'000);
    QVERIFY(!f.login(second).error);
    f.manager->setAutoRefresh(true); // the batch
    RefreshScheduler *s = f.manager->scheduler();
    QCOMPARE(s->size(), 2);
    QVERIFY(!s->dueAt(signedOut).isValid());
    const QDateTime firstDue = s->dueAt(first);
    const QDateTime secondDue = s->dueAt(second);
    QCOMPARE(firstDue, f.account(first).token.accessExpiresAt.addSecs(-300));
    QCOMPARE(secondDue, f.account(second).token.accessExpiresAt.addSecs(-300));
    // One account at a time gives the same instants.
    f.manager->scheduler()->clear();
    f.manager->reschedule(second);
    f.manager->reschedule(first);
    QCOMPARE(s->dueAt(first), firstDue);
    QCOMPARE(s->dueAt(second), secondDue);
    // The batch armed the timer for the earliest: moving the clock there makes exactly that one due.
    f.manager->setAutoRefresh(false);
    f.manager->setAutoRefresh(true);
    QSignalSpy due(s, &RefreshScheduler::due);
    clock.set(firstDue.addMSecs(1));
    s->runDue();
    QCOMPARE(due.count(), 1);
    QCOMPARE(due.first().first().toString(), first);
}

QTEST_GUILESS_MAIN(TestTokenManager)
#include "tst_tokenmanager.moc"
