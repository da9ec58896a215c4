// What TokenManager keeps and shows against the demo providers when a login fails or the account changes
// under it: documented errors keep the credential and say why, a rate limit holds requests back until
// Retry-After, a missing or unavailable credential sends nothing, logout keeps the credential, the state
// follows the clock, and an edit made while a login is on the network is kept (a new origin's tokens are
// not stored). Login and refresh: tst_tokenmanager.
#include "CoreFixture.h"

#include "demo/DemoCredentials.h"

class TestTokenManagerState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void documentedErrorsKeepTheCredential_data();
    void documentedErrorsKeepTheCredential();
    void rateLimitBlocksRequestsUntilRetryAfter();
    void missingCredentialIsClear();
    void keychainUnavailableWritesNothingElse();
    void keychainFailureIsNotRecordedOnTheAccount();
    void logoutKeepsCredential();
    void stateFollowsTheClock();
    void loginKeepsAConcurrentEdit();
    void tokensForAChangedOriginAreNotStored();
};

void TestTokenManagerState::documentedErrorsKeepTheCredential_data()
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

void TestTokenManagerState::documentedErrorsKeepTheCredential()
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

void TestTokenManagerState::rateLimitBlocksRequestsUntilRetryAfter()
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

    // Once the wait is over the account still shows the failed login (and needs attention), not "signed out".
    QTRY_COMPARE_WITH_TIMEOUT(f.manager->state(id), TokenState::Failed, 10000);
}

void TestTokenManagerState::missingCredentialIsClear()
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

void TestTokenManagerState::keychainUnavailableWritesNothingElse()
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

// A cron job without a session bus cannot reach the keychain: that is the process's problem, reported to it,
// not written into the account file the window and other processes share.
void TestTokenManagerState::keychainFailureIsNotRecordedOnTheAccount()
{
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("partner-api"));
    QVERIFY(!f.login(id).error);
    const Account before = f.account(id);
    f.memory->setFailure(SecretResult::Status::Unavailable);
    const TokenResult r = f.refresh(id);
    QCOMPARE(r.error.kind, AuthError::Kind::Keychain);
    f.memory->setFailure(SecretResult::Status::Ok);
    const Account after = f.account(id);
    QCOMPARE(after.token.lastError.kind, AuthError::Kind::None);
    QCOMPARE(after.token.lastState, TokenState::Valid);
    QCOMPARE(after.token.history.size(), before.token.history.size());
    QCOMPARE(f.manager->state(id), TokenState::Valid);
}

void TestTokenManagerState::logoutKeepsCredential()
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

void TestTokenManagerState::stateFollowsTheClock()
{
    ManualClock clock(QDateTime::currentDateTimeUtc());
    CoreFixture f(nullptr, &clock);
    const QString id = f.addAccount(QStringLiteral("kyc-jwt"));
    QVERIFY(!f.login(id).error);
    QCOMPARE(f.manager->state(id), TokenState::Valid);
    clock.advance(qint64(f.server.accessLifetime() + 5) * 1000);
    QCOMPARE(f.manager->state(id), TokenState::Expired); // derived: nothing had to tick
}

void TestTokenManagerState::loginKeepsAConcurrentEdit()
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

void TestTokenManagerState::tokensForAChangedOriginAreNotStored()
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

QTEST_GUILESS_MAIN(TestTokenManagerState)
#include "tst_tokenmanagerstate.moc"
