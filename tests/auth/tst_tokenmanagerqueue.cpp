// TokenManager's queue against the demo providers: operations on one account run in order, at most
// maxConcurrent run at once, token reads go ahead of logins, and a logout or a removal drops what waits.
#include "CoreFixture.h"

class TestTokenManagerQueue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void queuedOperationsRunInOrder();
    void concurrentOperationsAreCapped();
    void logoutDropsALoginWaitingForASlot();
    void tokenReadsWaitAheadOfLogins();
    void removedAccountDoesNotWaitForASlot();
};

void TestTokenManagerQueue::queuedOperationsRunInOrder()
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

void TestTokenManagerQueue::concurrentOperationsAreCapped()
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

void TestTokenManagerQueue::logoutDropsALoginWaitingForASlot()
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

void TestTokenManagerQueue::tokenReadsWaitAheadOfLogins()
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

void TestTokenManagerQueue::removedAccountDoesNotWaitForASlot()
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

QTEST_GUILESS_MAIN(TestTokenManagerQueue)
#include "tst_tokenmanagerqueue.moc"
