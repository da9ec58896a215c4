// Automatic renewal against the demo providers: refresh or re-login before expiry, the lead-time setting,
// which accounts can renew, failures signalled apart and not retried, and scheduling every account at once.
#include "CoreFixture.h"

#include "auth/RefreshScheduler.h"

#include <QSignalSpy>

#include <algorithm>
#include <limits>

class TestTokenRenewal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void autoRefreshRenewsBeforeExpiry();
    void autoRefreshReloginsWithoutRefreshToken();
    void failedCredentialsAreNotRetriedAutomatically();
    void keychainFailureBacksOffToo();
    void leadTimeSettingMovesTheRenewal();
    void canRenewFollowsTheAccount();
    void automaticFailuresAreSignalledApart();
    void autoRefreshOffDropsWaitingRenewals();
    void joinedAutomaticRenewalIsNotAutomatic();
    void autoRefreshSchedulesEveryAccountInOneBatch();
    void dueTimesAtTheEdges_data();
    void dueTimesAtTheEdges();
};

void TestTokenRenewal::autoRefreshRenewsBeforeExpiry()
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

void TestTokenRenewal::autoRefreshReloginsWithoutRefreshToken()
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

void TestTokenRenewal::failedCredentialsAreNotRetriedAutomatically()
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

// A keychain failure is not written into the shared account file, but automatic renewal backs off from it
// all the same: not a D-Bus call (or a keyring prompt) every 2 s while the keychain is locked.
void TestTokenRenewal::keychainFailureBacksOffToo()
{
    CoreFixture f;
    f.server.setAccessLifetime(12); // renewal due ~2 s after login
    const QString id = f.addAccount(QStringLiteral("kyc-jwt"));
    QVERIFY(!f.login(id).error);
    QSignalSpy finished(f.manager.get(), &TokenManager::automaticRenewalFinished);
    f.memory->setFailure(SecretResult::Status::Unavailable);
    f.manager->setAutoRefresh(true);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 8000);
    QCOMPARE(finished.at(0).at(1).value<AuthError>().kind, AuthError::Kind::Keychain);
    QCOMPARE(f.account(id).token.lastState, TokenState::Valid); // not recorded
    const QDateTime due = f.manager->scheduler()->dueAt(id);
    QVERIFY(due.isValid());
    QVERIFY2(due >= QDateTime::currentDateTimeUtc().addSecs(TokenManager::kFailureBackoffSeconds - 5),
             qPrintable(due.toString(Qt::ISODateWithMs)));
    QTest::qWait(2500);
    QCOMPARE(finished.count(), 1);
    f.memory->setFailure(SecretResult::Status::Ok);
}

void TestTokenRenewal::leadTimeSettingMovesTheRenewal()
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

void TestTokenRenewal::canRenewFollowsTheAccount()
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

void TestTokenRenewal::automaticFailuresAreSignalledApart()
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

void TestTokenRenewal::autoRefreshOffDropsWaitingRenewals()
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

void TestTokenRenewal::joinedAutomaticRenewalIsNotAutomatic()
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

void TestTokenRenewal::autoRefreshSchedulesEveryAccountInOneBatch()
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

namespace {
constexpr qint64 kNone = std::numeric_limits<qint64>::min(); // an instant that is not set
constexpr qint64 kSec = 1000;

QDateTime at(const QDateTime &t0, qint64 offsetMs)
{
    return offsetMs == kNone ? QDateTime() : t0.addMSecs(offsetMs);
}
} // namespace

// When an account's renewal is due, by hand: unknown and past expiry, a lead longer than the lifetime,
// lifetimes in fractions of a second, rate limits, back-off after a failure, nothing to renew with. All
// offsets in ms from "now", which itself is half a second past a whole second.
void TestTokenRenewal::dueTimesAtTheEdges_data()
{
    QTest::addColumn<bool>("hasAccess");
    QTest::addColumn<qint64>("obtained");
    QTest::addColumn<qint64>("expires");
    QTest::addColumn<bool>("hasRefresh");
    QTest::addColumn<qint64>("refreshExpires");
    QTest::addColumn<bool>("keepSignedIn");
    QTest::addColumn<qint64>("rateLimitedUntil");
    QTest::addColumn<qint64>("failedAt"); // kNone: the last operation did not fail
    QTest::addColumn<qint64>("due");      // kNone: not scheduled

    const qint64 h = 3600 * kSec;
    QTest::newRow("1 h token: 5 min ahead") << true << qint64(0) << h << true << kNone << false << kNone << kNone
                                            << h - 300 * kSec;
    QTest::newRow("signed out") << false << qint64(0) << h << true << kNone << true << kNone << kNone << kNone;
    QTest::newRow("unknown expiry") << true << qint64(0) << kNone << true << kNone << true << kNone << kNone << kNone;
    QTest::newRow("unknown start: 10 s ahead") << true << kNone << h << true << kNone << false << kNone << kNone
                                               << h - 10 * kSec;
    QTest::newRow("lead longer than the lifetime") << true << qint64(0) << 5 * kSec << true << kNone << false << kNone
                                                   << kNone << -5 * kSec;
    QTest::newRow("lifetime 1999.9 s counts as 1999 s") << true << qint64(0) << 1999900LL << true << kNone << false
                                                        << kNone << kNone << 1999900LL - 199 * kSec;
    QTest::newRow("lifetime 2000.1 s counts as 2000 s") << true << qint64(-600) << 1999500LL << true << kNone << false
                                                        << kNone << kNone << 1999500LL - 200 * kSec;
    QTest::newRow("past expiry, renewable") << true << -2 * h << -h << true << kNone << false << kNone << kNone
                                            << -h - 300 * kSec;
    QTest::newRow("past expiry, nothing to renew with") << true << -2 * h << -h << false << kNone << false << kNone
                                                        << kNone << kNone;
    QTest::newRow("nothing to renew with: at expiry") << true << qint64(0) << h << false << kNone << false << kNone
                                                      << kNone << h;
    QTest::newRow("expiry now, nothing to renew with") << true << -h << qint64(0) << false << kNone << false << kNone
                                                       << kNone << kNone;
    QTest::newRow("refresh token expiring now is unusable") << true << qint64(0) << h << true << qint64(0) << false
                                                            << kNone << kNone << h;
    QTest::newRow("refresh token valid 1 ms more") << true << qint64(0) << h << true << qint64(1) << false << kNone
                                                   << kNone << h - 300 * kSec;
    QTest::newRow("re-login when the refresh token expired") << true << qint64(0) << h << true << -kSec << true
                                                             << kNone << kNone << h - 300 * kSec;
    QTest::newRow("rate limited: until then") << true << qint64(0) << 20 * kSec << true << kNone << false << 1800 * kSec
                                              << kNone << 1800 * kSec;
    QTest::newRow("rate limit over") << true << qint64(0) << h << true << kNone << false << qint64(0) << kNone
                                     << h - 300 * kSec;
    QTest::newRow("failed: not before the back-off") << true << qint64(0) << 30 * kSec << true << kNone << false
                                                     << kNone << qint64(-1) << 60 * kSec - 1;
    QTest::newRow("failed long ago: as usual") << true << qint64(0) << h << true << kNone << false << kNone << -h
                                               << h - 300 * kSec;
}

void TestTokenRenewal::dueTimesAtTheEdges()
{
    QFETCH(bool, hasAccess);
    QFETCH(qint64, obtained);
    QFETCH(qint64, expires);
    QFETCH(bool, hasRefresh);
    QFETCH(qint64, refreshExpires);
    QFETCH(bool, keepSignedIn);
    QFETCH(qint64, rateLimitedUntil);
    QFETCH(qint64, failedAt);
    QFETCH(qint64, due);

    const QDateTime t0 = QDateTime::fromString(QStringLiteral("2026-03-01T12:00:00.500Z"), Qt::ISODateWithMs);
    QVERIFY(t0.isValid());
    ManualClock clock(t0);
    CoreFixture f(nullptr, &clock);
    const QString id = f.addAccount(QStringLiteral("partner-api"));
    QVERIFY(f.store
                ->modify(id,
                         [&](Account &a) {
                             a.keepSignedIn = keepSignedIn;
                             TokenMeta &t = a.token;
                             t.hasAccessToken = hasAccess;
                             t.hasRefreshToken = hasRefresh;
                             t.accessObtainedAt = at(t0, obtained);
                             t.accessExpiresAt = at(t0, expires);
                             t.refreshExpiresAt = at(t0, refreshExpires);
                             t.rateLimitedUntil = at(t0, rateLimitedUntil);
                             t.lastState = failedAt == kNone ? TokenState::Valid : TokenState::Failed;
                             t.lastError = failedAt == kNone ? AuthError() : AuthError::make(AuthError::Kind::Network);
                             t.lastErrorAt = at(t0, failedAt);
                         })
                .ok);
    f.manager->setAutoRefresh(true); // schedules every account at once
    const QDateTime batch = f.manager->scheduler()->dueAt(id);
    f.manager->scheduler()->clear();
    f.manager->reschedule(id); // one account
    const QDateTime single = f.manager->scheduler()->dueAt(id);
    f.manager->setAutoRefresh(false);
    QCOMPARE(batch, single);
    if (due == kNone)
        QVERIFY2(!batch.isValid(), qPrintable(batch.toString(Qt::ISODateWithMs)));
    else
        QCOMPARE(batch.toMSecsSinceEpoch() - t0.toMSecsSinceEpoch(), due);
}

QTEST_GUILESS_MAIN(TestTokenRenewal)
#include "tst_tokenrenewal.moc"
