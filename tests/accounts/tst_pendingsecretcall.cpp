#include "accounts/PendingSecretCall.h"

#include <QTest>
#include <QTimer>

#include <chrono>
#include <memory>

using namespace std::chrono_literals;

namespace {

SecretResult withStatus(SecretResult::Status status) {
    SecretResult r;
    r.status = status;
    return r;
}

// Processes events until every event queued before this call has been handled.
bool drainQueue(QObject *context) {
    bool done = false;
    QMetaObject::invokeMethod(
        context, [&done] { done = true; }, Qt::QueuedConnection);
    return QTest::qWaitFor([&done] { return done; });
}

// Processes events until `duration` has passed, driven by a timer (for checking that nothing happens).
bool letTimePass(QObject *context, std::chrono::milliseconds duration) {
    bool done = false;
    QTimer::singleShot(duration, context, [&done] { done = true; });
    return QTest::qWaitFor([&done] { return done; });
}

} // namespace

// The once-only, queued, context-guarded delivery and the deadline that KeychainSecretStore's
// timeout is built on.
class TestPendingSecretCall : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void deliversOnceAndLater() {
        int calls = 0;
        SecretResult got;
        auto call = PendingSecretCall::create(this, [&](const SecretResult &r) {
            ++calls;
            got = r;
        });
        QVERIFY(call->finish(withStatus(SecretResult::Status::NotFound)));
        QCOMPARE(calls, 0);                                           // queued, not synchronous
        QVERIFY(!call->finish(withStatus(SecretResult::Status::Ok))); // second answer dropped
        QTRY_COMPARE(calls, 1);
        QCOMPARE(got.status, SecretResult::Status::NotFound);
        QVERIFY(drainQueue(this));
        QCOMPARE(calls, 1);
    }

    void deadlineDeliversTimeoutAndDropsTheLateAnswer() {
        int calls = 0;
        SecretResult got;
        auto call = PendingSecretCall::create(this, [&](const SecretResult &r) {
            ++calls;
            got = r;
        });
        SecretResult timeout = withStatus(SecretResult::Status::Timeout);
        timeout.errorString = QStringLiteral("too slow");
        call->setDeadline(30ms, timeout);
        QTRY_COMPARE(calls, 1);
        QCOMPARE(got.status, SecretResult::Status::Timeout);
        QCOMPARE(got.errorString, QStringLiteral("too slow"));
        QVERIFY(call->isFinished());

        SecretResult late = withStatus(SecretResult::Status::Ok);
        late.data = "late";
        QVERIFY(!call->finish(late));
        QVERIFY(drainQueue(this));
        QCOMPARE(calls, 1);
        QCOMPARE(got.status, SecretResult::Status::Timeout);
    }

    void answerBeforeDeadlineCancelsTheTimeout() {
        int calls = 0;
        auto call = PendingSecretCall::create(this, [&](const SecretResult &) { ++calls; });
        call->setDeadline(30ms, withStatus(SecretResult::Status::Timeout));
        QVERIFY(call->finish(withStatus(SecretResult::Status::Ok)));
        QTRY_COMPARE(calls, 1);
        QVERIFY(letTimePass(this, 60ms)); // past the deadline
        QCOMPARE(calls, 1);
    }

    void deadlineKeepsTheCallAlive() {
        // The backend dropped its handle without answering: the timeout still comes.
        int calls = 0;
        PendingSecretCall::create(this, [&](const SecretResult &) {
            ++calls;
        })->setDeadline(10ms, withStatus(SecretResult::Status::Timeout));
        QTRY_COMPARE(calls, 1);
    }

    void nothingAfterTheContextIsGone() {
        int calls = 0;
        auto context = std::make_unique<QObject>();
        auto queued = PendingSecretCall::create(context.get(), [&](const SecretResult &) { ++calls; });
        auto timed = PendingSecretCall::create(context.get(), [&](const SecretResult &) { ++calls; });
        timed->setDeadline(10ms, withStatus(SecretResult::Status::Timeout));
        QVERIFY(queued->finish(withStatus(SecretResult::Status::Ok))); // queued, then the context dies
        context.reset();
        QVERIFY(!timed->finish(withStatus(SecretResult::Status::Ok))); // a late answer after that
        QVERIFY(letTimePass(this, 50ms));                              // past the deadline
        QCOMPARE(calls, 0);
    }

    void theCallbacksCapturesAreReleasedAfterDelivery() {
        auto token = std::make_shared<int>(1);
        auto call = PendingSecretCall::create(this, [token](const SecretResult &) {});
        QCOMPARE(token.use_count(), 2);
        call->finish({});
        QTRY_COMPARE(token.use_count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPendingSecretCall)
#include "tst_pendingsecretcall.moc"
