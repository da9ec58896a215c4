// Hardening: apply() in this process, and wiping secret buffers only where the wipe reaches the one copy.
#include "Hardening.h"

#include <QTest>

#include <sys/prctl.h>
#include <sys/resource.h>

class TestHardening : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void applyDisablesCoreDumps() {
        QCOMPARE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 1); // a freshly started process is dumpable
        const Hardening::Status status = Hardening::apply();
        QVERIFY(status.dumpableOff);
        QVERIFY(status.coreLimitZero);
        QVERIFY(status.ok());
        QCOMPARE(::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
        rlimit core{1, 1};
        QCOMPARE(::getrlimit(RLIMIT_CORE, &core), 0);
        QCOMPARE(core.rlim_cur, rlim_t(0));
        QCOMPARE(core.rlim_max, rlim_t(0));
        QVERIFY(Hardening::current().ok());
        QVERIFY(Hardening::apply().ok()); // idempotent
    }

    void soleOwnerIsZeroedInPlace() {
        QByteArray secret("refresh-token-0123456789");
        secret.chop(4); // the chopped bytes stay in the buffer: they are zeroed too
        const char *buffer = secret.constData();
        const qsizetype capacity = secret.capacity();
        QVERIFY(capacity >= 24);
        QVERIFY(Hardening::zeroIfSoleOwner(secret));
        QCOMPARE(secret.constData(), buffer); // no detach: the original bytes were overwritten
        QCOMPARE(secret.size(), 20);
        for (qsizetype i = 0; i < capacity; ++i)
            QCOMPARE(buffer[i], '\0');
    }

    void sharedBufferIsLeftToItsLastOwner() {
        QByteArray first("access-token-abcdef");
        QByteArray second = first; // implicitly shared: one buffer, two owners
        const char *buffer = first.constData();
        QVERIFY(!Hardening::zeroIfSoleOwner(second));
        QCOMPARE(second.constData(), buffer); // not detached: no fresh copy was made and zeroed
        QCOMPARE(first, QByteArrayLiteral("access-token-abcdef"));

        Hardening::wipe(second); // drops one reference only
        QVERIFY(second.isEmpty());
        QCOMPARE(first, QByteArrayLiteral("access-token-abcdef")); // the other owner is intact
        QCOMPARE(first.constData(), buffer);
        QVERIFY(first.isDetached()); // now the sole owner: its wipe reaches the buffer
        QVERIFY(Hardening::zeroIfSoleOwner(first));
        QCOMPARE(first, QByteArray(19, '\0'));
        Hardening::wipe(first);
        QVERIFY(first.isEmpty());
    }

    void movedSecretIsWipedByItsNewOwner() {
        QByteArray source("api-key-xyz");
        const char *buffer = source.constData();
        QByteArray moved = std::move(source);
        QCOMPARE(moved.constData(), buffer); // moving hands over the buffer itself
        QVERIFY(Hardening::zeroIfSoleOwner(moved));
        QCOMPARE(moved, QByteArray(11, '\0'));
    }

    void rawAndNullDataAreNotWritten() {
        static const char text[] = "not-ours";
        QByteArray raw = QByteArray::fromRawData(text, 8);
        QVERIFY(!Hardening::zeroIfSoleOwner(raw));
        Hardening::wipe(raw);
        QVERIFY(raw.isEmpty());
        QCOMPARE(QByteArray(text), QByteArrayLiteral("not-ours"));

        QByteArray null;
        QVERIFY(!Hardening::zeroIfSoleOwner(null));
        Hardening::wipe(null);
        QVERIFY(null.isNull());
    }
};

QTEST_GUILESS_MAIN(TestHardening)
#include "tst_hardening.moc"
