#include "accounts/MemorySecretStore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTest>

#include <memory>
#include <optional>

namespace {

// Collects the answers one call gets.
struct Answer {
    int calls = 0;
    SecretResult last;
    SecretStore::Callback callback() {
        return [this](const SecretResult &r) {
            ++calls;
            last = r;
        };
    }
};

} // namespace

class TestMemorySecretStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writeReadRemove() {
        MemorySecretStore store;
        Answer w;
        store.write(QStringLiteral("acc"), SecretKind::RefreshToken, QByteArrayLiteral("r-1"), this,
                    w.callback());
        QCOMPARE(w.calls, 0); // never from inside the call
        QTRY_COMPARE(w.calls, 1);
        QVERIFY(w.last.ok());
        QVERIFY(store.contains(QStringLiteral("acc"), SecretKind::RefreshToken));
        QVERIFY(!store.contains(QStringLiteral("acc"), SecretKind::AccessToken));
        QCOMPARE(store.count(), 1);
        QCOMPARE(store.peek(QStringLiteral("acc"), SecretKind::RefreshToken), QByteArrayLiteral("r-1"));

        Answer r;
        store.read(QStringLiteral("acc"), SecretKind::RefreshToken, this, r.callback());
        QCOMPARE(r.calls, 0);
        QTRY_COMPARE(r.calls, 1);
        QCOMPARE(r.last.data, QByteArrayLiteral("r-1"));

        Answer d;
        store.remove(QStringLiteral("acc"), SecretKind::RefreshToken, this, d.callback());
        QTRY_COMPARE(d.calls, 1);
        QVERIFY(d.last.ok());
        QCOMPARE(store.count(), 0);

        Answer missing;
        store.read(QStringLiteral("acc"), SecretKind::RefreshToken, this, missing.callback());
        QTRY_COMPARE(missing.calls, 1);
        QCOMPARE(missing.last.status, SecretResult::Status::NotFound);
        QVERIFY(!missing.last.errorString.isEmpty());
    }

    void binarySecretsRoundTrip() {
        MemorySecretStore store;
        QByteArray secret(10000, '\0');
        for (int i = 0; i < secret.size(); ++i)
            secret[i] = char(i % 256);
        Answer w;
        store.write(QStringLiteral("a"), SecretKind::Credential, secret, this, w.callback());
        Answer r;
        store.read(QStringLiteral("a"), SecretKind::Credential, this, r.callback());
        QTRY_COMPARE(r.calls, 1);
        QCOMPARE(w.calls, 1); // answered in call order
        QCOMPARE(r.last.data, secret);
    }

    void removeAllTreatsMissingAsSuccess() {
        MemorySecretStore store;
        Answer w;
        store.write(QStringLiteral("a"), SecretKind::Credential, "k", this, w.callback());
        store.write(QStringLiteral("b"), SecretKind::Credential, "k", this, w.callback());
        Answer all;
        store.removeAll(QStringLiteral("a"), this, all.callback());
        QTRY_COMPARE(all.calls, 1);
        QVERIFY(all.last.ok());
        QCOMPARE(store.count(), 1);
        QVERIFY(store.contains(QStringLiteral("b"), SecretKind::Credential));
    }

    void failureKnob_data() {
        QTest::addColumn<SecretResult::Status>("status");
        QTest::newRow("unavailable") << SecretResult::Status::Unavailable;
        QTest::newRow("timeout") << SecretResult::Status::Timeout;
        QTest::newRow("error") << SecretResult::Status::Error;
    }

    void failureKnob() {
        QFETCH(SecretResult::Status, status);
        MemorySecretStore store;
        store.setFailure(status);
        Answer w;
        store.write(QStringLiteral("a"), SecretKind::AccessToken, "t", this, w.callback());
        QTRY_COMPARE(w.calls, 1);
        QCOMPARE(w.last.status, status);
        QVERIFY(!w.last.errorString.isEmpty());
        QCOMPARE(store.count(), 0); // a failed write stores nothing

        store.setFailure(SecretResult::Status::Ok);
        store.write(QStringLiteral("a"), SecretKind::AccessToken, "t", this, w.callback());
        QTRY_COMPARE(w.calls, 2);
        store.setFailure(status);
        Answer r;
        store.read(QStringLiteral("a"), SecretKind::AccessToken, this, r.callback());
        QTRY_COMPARE(r.calls, 1);
        QCOMPARE(r.last.status, status);
        QVERIFY(r.last.data.isEmpty());
        Answer d;
        store.remove(QStringLiteral("a"), SecretKind::AccessToken, this, d.callback());
        QTRY_COMPARE(d.calls, 1);
        QCOMPARE(d.last.status, status);
        QCOMPARE(store.count(), 1); // a failed remove removes nothing
    }

    void delayKnob() {
        MemorySecretStore store;
        store.setDelay(150);
        QElapsedTimer timer;
        timer.start();
        Answer w;
        store.write(QStringLiteral("a"), SecretKind::Credential, "k", this, w.callback());
        QVERIFY(store.contains(QStringLiteral("a"), SecretKind::Credential)); // applied at once...
        QCoreApplication::processEvents();
        QCOMPARE(w.calls, 0); // ...answered later
        QTRY_COMPARE(w.calls, 1);
        QVERIFY(timer.elapsed() >= 140);
    }

    void neverAnswerKnob() {
        MemorySecretStore store;
        store.setNeverAnswer(true);
        Answer w;
        store.write(QStringLiteral("a"), SecretKind::Credential, "k", this, w.callback());
        MemorySecretStore answering; // its answer is queued after any answer the first store could give
        Answer marker;
        answering.read(QStringLiteral("a"), SecretKind::Credential, this, marker.callback());
        QTRY_COMPARE(marker.calls, 1);
        QCOMPARE(w.calls, 0);
        QCOMPARE(store.callCount(), 1);
        QCOMPARE(store.count(), 0);
    }

    void noCallbackAfterContextIsDestroyed() {
        MemorySecretStore store;
        Answer w;
        auto context = std::make_unique<QObject>();
        store.write(QStringLiteral("a"), SecretKind::Credential, "k", context.get(), w.callback());
        context.reset(); // the queued answer dies with it
        Answer marker;
        store.read(QStringLiteral("a"), SecretKind::Credential, this, marker.callback());
        QTRY_COMPARE(marker.calls, 1);
        QCOMPARE(w.calls, 0);

        store.setDelay(30);
        context = std::make_unique<QObject>();
        store.write(QStringLiteral("a"), SecretKind::Credential, "k", context.get(), w.callback());
        context.reset();
        store.read(QStringLiteral("a"), SecretKind::Credential, this, marker.callback());
        QTRY_COMPARE(marker.calls, 2);
        QCOMPARE(w.calls, 0);
    }

    void nullContextStillAnswers() {
        MemorySecretStore store;
        Answer w;
        store.write(QStringLiteral("a"), SecretKind::Credential, "k", nullptr, w.callback());
        QTRY_COMPARE(w.calls, 1);
    }
};

QTEST_GUILESS_MAIN(TestMemorySecretStore)
#include "tst_memorysecretstore.moc"
