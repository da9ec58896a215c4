// ExpiryNotifier with an injected clock: a notice once, at the lead time, for a token that will not renew
// itself; nothing for one that will or for tokens far from expiry; and a notice when an automatic renewal
// fails (against the demo providers), never one with a secret in it. The notice names the time of day the
// token expires, not "in 2 minutes", which it would still say later on.
#include "CoreFixture.h"
#include "ExpiryNotifier.h"
#include "auth/RefreshScheduler.h"

#include <QLocale>
#include <QSignalSpy>
#include <QTest>

class TestExpiryNotifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noticeOnceForATokenThatCannotRenew();
    void silentForATokenThatRenewsItself();
    void autoRefreshOffMakesEveryTokenNoticeable();
    void nothingFarFromExpiryAndOneTimerForAll();
    void zeroLeadTurnsNoticesOff();
    void automaticRenewalFailureIsNotified();
    void failureNoticeClearedOnlyByANewToken();
    void timeOfDayAndWithdrawnAtExpiry();
    void dateWhenNotToday();

private:
    static Account tokenAccount(CoreFixture &f, const QString &preset, const QString &name, qint64 expiresInSecs,
                                bool refreshToken, bool keepSignedIn);
};

Account TestExpiryNotifier::tokenAccount(CoreFixture &f, const QString &preset, const QString &name,
                                         qint64 expiresInSecs, bool refreshToken, bool keepSignedIn)
{
    Account a;
    a.id = Account::newId();
    a.name = name;
    a.providerId = preset;
    a.baseUrl = f.server.baseUrl(preset);
    a.username = QStringLiteral("someone");
    a.keepSignedIn = keepSignedIn;
    a.token.hasAccessToken = true;
    a.token.hasRefreshToken = refreshToken;
    a.token.accessObtainedAt = f.clock->now();
    a.token.accessExpiresAt = f.clock->now().addSecs(expiresInSecs);
    a.token.lastState = TokenState::Valid;
    return a;
}

void TestExpiryNotifier::noticeOnceForATokenThatCannotRenew()
{
    ManualClock clock(QDateTime::currentDateTimeUtc());
    CoreFixture f(nullptr, &clock);
    f.manager->setAutoRefresh(true);
    ExpiryNotifier notifier(f.store.get(), f.manager.get(), &clock);
    notifier.setNoticeLeadSeconds(600);
    QSignalSpy spy(&notifier, &ExpiryNotifier::notify);
    // kyc-jwt has no refresh token; without "keep me signed in" nothing renews it.
    const Account a = tokenAccount(f, QStringLiteral("kyc-jwt"), QStringLiteral("prod-kyc"), 1800, false, false);
    QVERIFY(f.store->add(a));
    QCOMPARE(notifier.pendingCount(), 1);

    clock.advance(1190 * 1000); // 610 s left: not yet
    notifier.runDue();
    QCOMPARE(spy.count(), 0);
    clock.advance(15 * 1000);   // 595 s left: inside the lead time
    notifier.runDue();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), a.id);
    QVERIFY(spy.at(0).at(2).toString().contains(QStringLiteral("prod-kyc")));
    const QString expiresAt = QLocale().toString(a.token.accessExpiresAt.toLocalTime().time(), QLocale::LongFormat);
    QVERIFY(spy.at(0).at(2).toString().contains(expiresAt));

    // Once per token: later ticks, unrelated changes and a rescan do not repeat it.
    clock.advance(120 * 1000);
    notifier.runDue();
    QVERIFY(f.store->modify(a.id, [](Account &x) { x.username = QStringLiteral("other"); }));
    notifier.rescan();
    notifier.runDue();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(notifier.pendingCount(), 0);

    // A new token (a manual login) is a new expiry: announced again at its own lead time.
    QVERIFY(f.store->modify(a.id, [&clock](Account &x) {
        x.token.accessObtainedAt = clock.now();
        x.token.accessExpiresAt = clock.now().addSecs(3600);
    }));
    QCOMPARE(notifier.pendingCount(), 1);
    clock.advance(3000 * 1000 + 1000);
    notifier.runDue();
    QCOMPARE(spy.count(), 2);
}

void TestExpiryNotifier::silentForATokenThatRenewsItself()
{
    ManualClock clock(QDateTime::currentDateTimeUtc());
    CoreFixture f(nullptr, &clock);
    f.manager->setAutoRefresh(true);
    ExpiryNotifier notifier(f.store.get(), f.manager.get(), &clock);
    notifier.setNoticeLeadSeconds(600);
    QSignalSpy spy(&notifier, &ExpiryNotifier::notify);
    QVERIFY(f.store->add(tokenAccount(f, QStringLiteral("partner-api"), QStringLiteral("refreshes"), 1800, true, false)));
    QVERIFY(f.store->add(tokenAccount(f, QStringLiteral("kyc-jwt"), QStringLiteral("relogs"), 1800, false, true)));
    QCOMPARE(notifier.pendingCount(), 0);
    clock.advance(1790 * 1000);
    notifier.runDue();
    QCOMPARE(spy.count(), 0);

    // The last renewal failed (a network error, say): from now on it is worth a notice.
    const QString id = f.store->findByName(QStringLiteral("relogs"))->id;
    QVERIFY(f.store->modify(id, [](Account &x) {
        x.token.lastState = TokenState::Failed;
        x.token.lastError = AuthError::make(AuthError::Kind::Network);
    }));
    notifier.runDue();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), id);
}

void TestExpiryNotifier::autoRefreshOffMakesEveryTokenNoticeable()
{
    ManualClock clock(QDateTime::currentDateTimeUtc());
    CoreFixture f(nullptr, &clock);
    f.manager->setAutoRefresh(true);
    ExpiryNotifier notifier(f.store.get(), f.manager.get(), &clock);
    notifier.setNoticeLeadSeconds(300);
    QSignalSpy spy(&notifier, &ExpiryNotifier::notify);
    QVERIFY(f.store->add(tokenAccount(f, QStringLiteral("partner-api"), QStringLiteral("refreshes"), 200, true, true)));
    notifier.runDue();
    QCOMPARE(spy.count(), 0);
    f.manager->setAutoRefresh(false);
    notifier.rescan();
    notifier.runDue();
    QCOMPARE(spy.count(), 1);
    QVERIFY(spy.at(0).at(2).toString().contains(QStringLiteral("off")));
}

void TestExpiryNotifier::nothingFarFromExpiryAndOneTimerForAll()
{
    ManualClock clock(QDateTime::currentDateTimeUtc());
    CoreFixture f(nullptr, &clock);
    ExpiryNotifier notifier(f.store.get(), f.manager.get(), &clock);
    notifier.setNoticeLeadSeconds(600);
    QSignalSpy spy(&notifier, &ExpiryNotifier::notify);
    for (int i = 0; i < 200; ++i) {
        QVERIFY(f.store->add(tokenAccount(f, QStringLiteral("kyc-jwt"), QStringLiteral("far-%1").arg(i),
                                          86400 + i * 60, false, false)));
    }
    QCOMPARE(notifier.pendingCount(), 200); // one queue, one timer for the earliest
    clock.advance(3600 * 1000);
    notifier.runDue();
    QCOMPARE(spy.count(), 0);
    clock.advance((86400 - 3600 - 600 + 61) * 1000); // the first two are now inside their lead time
    notifier.runDue();
    QCOMPARE(spy.count(), 2);
}

void TestExpiryNotifier::zeroLeadTurnsNoticesOff()
{
    ManualClock clock(QDateTime::currentDateTimeUtc());
    CoreFixture f(nullptr, &clock);
    ExpiryNotifier notifier(f.store.get(), f.manager.get(), &clock);
    notifier.setNoticeLeadSeconds(0);
    QSignalSpy spy(&notifier, &ExpiryNotifier::notify);
    QVERIFY(f.store->add(tokenAccount(f, QStringLiteral("kyc-jwt"), QStringLiteral("soon"), 60, false, false)));
    notifier.runDue();
    QCOMPARE(notifier.pendingCount(), 0);
    QCOMPARE(spy.count(), 0);
}

void TestExpiryNotifier::automaticRenewalFailureIsNotified()
{
    CoreFixture f;
    f.server.setAccessLifetime(12); // renewal due about 2 s after login
    const QByteArray wrong = QByteArrayLiteral("now-wrong-password");
    const QString id = f.addAccount(QStringLiteral("kyc-jwt"), QStringLiteral("prod-kyc"));
    const QString manual = f.addAccount(QStringLiteral("b2b-api"), QStringLiteral("prod-b2b"), {}, wrong);
    QVERIFY(!f.login(id).error);
    ExpiryNotifier notifier(f.store.get(), f.manager.get(), f.clock);
    notifier.setNoticeLeadSeconds(0); // only failures here
    QSignalSpy spy(&notifier, &ExpiryNotifier::notify);

    // A failure a person caused and saw is not a notification.
    QVERIFY(f.login(manual).error);
    QCOMPARE(spy.count(), 0);

    bool written = false;
    f.secrets->write(id, SecretKind::Credential, wrong, nullptr, [&](const SecretResult &) { written = true; });
    QTRY_VERIFY(written);
    f.manager->setAutoRefresh(true);
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, 8000);
    QCOMPARE(spy.at(0).at(0).toString(), id);
    const QString text = spy.at(0).at(1).toString() + spy.at(0).at(2).toString();
    QVERIFY2(text.contains(QStringLiteral("prod-kyc")), qPrintable(text));
    QVERIFY(!text.contains(QString::fromLatin1(wrong)));
    const QByteArray token = f.secret(id, SecretKind::AccessToken).value_or(QByteArray("x-no-token-x"));
    QVERIFY(!text.contains(QString::fromLatin1(token)));
}

void TestExpiryNotifier::failureNoticeClearedOnlyByANewToken()
{
    CoreFixture f;
    const QString id = f.addAccount(QStringLiteral("kyc-jwt"), QStringLiteral("prod-kyc"));
    ExpiryNotifier notifier(f.store.get(), f.manager.get(), f.clock);
    notifier.setNoticeLeadSeconds(0);
    QSignalSpy spy(&notifier, &ExpiryNotifier::notify);
    const AuthError failure = AuthError::make(AuthError::Kind::Network);
    Q_EMIT f.manager->operationFinished(id, failure);
    Q_EMIT f.manager->automaticRenewalFinished(id, failure);
    QCOMPARE(spy.count(), 1);
    // Someone copies the still-valid token, or logs out: no new token, so the next retry's failure is no news.
    Q_EMIT f.manager->operationFinished(id, AuthError());
    Q_EMIT f.manager->operationFinished(id, failure);
    Q_EMIT f.manager->automaticRenewalFinished(id, failure);
    QCOMPARE(spy.count(), 1);
    // A login or refresh that got a new token: a later failure is news again.
    Q_EMIT f.manager->operationFinished(id, AuthError());
    Q_EMIT f.manager->renewed(id);
    Q_EMIT f.manager->operationFinished(id, failure);
    Q_EMIT f.manager->automaticRenewalFinished(id, failure);
    QCOMPARE(spy.count(), 2);
}

// A black-box test saw the banner still say "expires in 2 minutes" with 0:23 left: the notice is worded
// once. So it says when ("expires at 14:05:30 CET"), which stays true; once the token expired the notice
// is outdated (the banner drops it).
void TestExpiryNotifier::timeOfDayAndWithdrawnAtExpiry()
{
    ManualClock clock(QDateTime::currentDateTimeUtc());
    CoreFixture f(nullptr, &clock);
    f.manager->setAutoRefresh(true);
    ExpiryNotifier notifier(f.store.get(), f.manager.get(), &clock);
    notifier.setNoticeLeadSeconds(600);
    QSignalSpy spy(&notifier, &ExpiryNotifier::notify);
    QSignalSpy outdated(&notifier, &ExpiryNotifier::outdated);
    const Account a = tokenAccount(f, QStringLiteral("kyc-jwt"), QStringLiteral("nokeep"), 17, false, false);
    QVERIFY(f.store->add(a));
    notifier.runDue();
    QCOMPARE(spy.count(), 1);
    const QString text = spy.at(0).at(2).toString();
    const QDateTime expires = a.token.accessExpiresAt.toLocalTime();
    const QString at = QStringLiteral("expires at ") + QLocale().toString(expires.time(), QLocale::LongFormat);
    QVERIFY2(text.contains(at), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("expires in")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("nokeep")), qPrintable(text));
    QCOMPARE(outdated.count(), 0);

    clock.advance(16 * 1000); // not yet
    notifier.runDue();
    QCOMPARE(outdated.count(), 0);
    clock.advance(2 * 1000); // expired
    notifier.runDue();
    QCOMPARE(outdated.count(), 1);
    QCOMPARE(outdated.at(0).at(0).toString(), a.id);
    QCOMPARE(spy.count(), 1); // and no new notice about the expired token
}

// With a lead time of up to a day the token may expire tomorrow: the notice gives the date too.
void TestExpiryNotifier::dateWhenNotToday()
{
    const QDateTime lateEvening(QDate(2026, 11, 23), QTime(22, 30)); // local time
    ManualClock clock(lateEvening.toUTC());
    CoreFixture f(nullptr, &clock);
    f.manager->setAutoRefresh(false);
    ExpiryNotifier notifier(f.store.get(), f.manager.get(), &clock);
    notifier.setNoticeLeadSeconds(6 * 3600);
    QSignalSpy spy(&notifier, &ExpiryNotifier::notify);
    const Account a = tokenAccount(f, QStringLiteral("kyc-jwt"), QStringLiteral("overnight"), 3 * 3600, false, false);
    QVERIFY(f.store->add(a));
    notifier.runDue();
    QCOMPARE(spy.count(), 1);
    const QString text = spy.at(0).at(2).toString();
    const QDateTime expires = a.token.accessExpiresAt.toLocalTime(); // 01:30 the next day
    QCOMPARE(expires.date(), lateEvening.date().addDays(1));
    QVERIFY2(text.contains(QLocale().toString(expires.date(), QLocale::ShortFormat)), qPrintable(text));
    QVERIFY2(text.contains(QLocale().toString(expires.time(), QLocale::LongFormat)), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestExpiryNotifier)
#include "tst_expirynotifier.moc"
