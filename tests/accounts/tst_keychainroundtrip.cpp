// KeychainSecretStore against the real Secret Service when TOKENDESK_TEST_KEYRING=1 (scripts/test.sh),
// skipped otherwise: every kind round-trips, entries stay apart, binary and long secrets, secret-tool sees
// the item, timeouts, and a store or context that goes away while a job runs.
#include "KeychainTestSupport.h"

#include "accounts/Account.h"
#include "accounts/KeychainSecretStore.h"

#include <QProcess>
#include <QUuid>

#include <chrono>
#include <memory>

using namespace std::chrono_literals;

class TestKeychainRoundTrip : public QObject {
    Q_OBJECT

private:
    bool m_keyringRequired = false;
    QString m_service;

    bool skipWithoutKeyring() { return !m_keyringRequired; }

private Q_SLOTS:
    void initTestCase() {
        m_keyringRequired = qEnvironmentVariable("TOKENDESK_TEST_KEYRING") == QLatin1String("1");
        m_service = QStringLiteral("TokenDeskTest-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (!m_keyringRequired)
            return;
        // Fail loudly (not skip) when the keyring we were promised is not usable.
        KeychainSecretStore store(m_service);
        Call probe;
        store.write(QStringLiteral("probe"), SecretKind::Credential, "probe", this, probe.callback());
        QVERIFY2(probe.wait(), "the keychain did not answer at all");
        QVERIFY2(probe.result.ok(), describe(probe.result).constData());
    }

    void cleanupTestCase() {
        if (m_keyringRequired)
            QProcess::execute(QStringLiteral("secret-tool"),
                              {QStringLiteral("clear"), QStringLiteral("server"), m_service});
    }

    void roundTripEveryKind_data() {
        QTest::addColumn<SecretKind>("kind");
        QTest::newRow("credential") << SecretKind::Credential;
        QTest::newRow("access token") << SecretKind::AccessToken;
        QTest::newRow("refresh token") << SecretKind::RefreshToken;
    }

    void roundTripEveryKind() {
        if (skipWithoutKeyring())
            QSKIP("Needs a running, unlocked Secret Service; scripts/test.sh provides one and sets "
                  "TOKENDESK_TEST_KEYRING=1.");
        QFETCH(SecretKind, kind);
        KeychainSecretStore store(m_service);
        const QString id = Account::newId();
        const QByteArray secret = "s3cr3t-" + QByteArray::number(int(kind)) + "-\xc3\xa9";

        Call write;
        store.write(id, kind, secret, this, write.callback());
        QCOMPARE(write.answers, 0); // never synchronous
        QVERIFY(write.wait());
        QVERIFY2(write.result.ok(), describe(write.result).constData());

        Call read;
        store.read(id, kind, this, read.callback());
        QVERIFY(read.wait());
        QVERIFY2(read.result.ok(), describe(read.result).constData());
        QCOMPARE(read.result.data, secret);

        // The other kinds of this account are separate entries.
        const SecretKind other =
            kind == SecretKind::Credential ? SecretKind::AccessToken : SecretKind::Credential;
        Call readOther;
        store.read(id, other, this, readOther.callback());
        QVERIFY(readOther.wait());
        QCOMPARE(readOther.result.status, SecretResult::Status::NotFound);

        Call remove;
        store.remove(id, kind, this, remove.callback());
        QVERIFY(remove.wait());
        QVERIFY2(remove.result.ok(), describe(remove.result).constData());

        Call gone;
        store.read(id, kind, this, gone.callback());
        QVERIFY(gone.wait());
        QCOMPARE(gone.result.status, SecretResult::Status::NotFound);
        QVERIFY(gone.result.data.isEmpty());
        QCOMPARE(write.answers + read.answers + remove.answers + gone.answers, 4); // each answered once
    }

    void missingEntryIsNotFound() {
        if (skipWithoutKeyring())
            QSKIP("Needs a running, unlocked Secret Service (TOKENDESK_TEST_KEYRING=1).");
        KeychainSecretStore store(m_service);
        Call read;
        store.read(Account::newId(), SecretKind::AccessToken, this, read.callback());
        QVERIFY(read.wait());
        QCOMPARE(read.result.status, SecretResult::Status::NotFound);
    }

    void accountsAndServicesDoNotCollide() {
        if (skipWithoutKeyring())
            QSKIP("Needs a running, unlocked Secret Service (TOKENDESK_TEST_KEYRING=1).");
        KeychainSecretStore store(m_service);
        KeychainSecretStore otherService(m_service + QStringLiteral("-other"));
        const QString a = Account::newId();
        const QString b = Account::newId();
        Call w1, w2, w3;
        store.write(a, SecretKind::Credential, "key-a", this, w1.callback());
        store.write(b, SecretKind::Credential, "key-b", this, w2.callback());
        otherService.write(a, SecretKind::Credential, "key-a-elsewhere", this, w3.callback());
        QVERIFY(w1.wait() && w2.wait() && w3.wait());
        QVERIFY(w1.result.ok() && w2.result.ok() && w3.result.ok());

        Call r1, r2, r3;
        store.read(a, SecretKind::Credential, this, r1.callback());
        store.read(b, SecretKind::Credential, this, r2.callback());
        otherService.read(a, SecretKind::Credential, this, r3.callback());
        QVERIFY(r1.wait() && r2.wait() && r3.wait());
        QCOMPARE(r1.result.data, QByteArrayLiteral("key-a"));
        QCOMPARE(r2.result.data, QByteArrayLiteral("key-b"));
        QCOMPARE(r3.result.data, QByteArrayLiteral("key-a-elsewhere"));

        Call c;
        otherService.remove(a, SecretKind::Credential, this, c.callback());
        QVERIFY(c.wait());
    }

    void binaryAndLongSecretsRoundTrip() {
        if (skipWithoutKeyring())
            QSKIP("Needs a running, unlocked Secret Service (TOKENDESK_TEST_KEYRING=1).");
        KeychainSecretStore store(m_service);
        QByteArray secret(10000, '\0');
        for (int i = 0; i < secret.size(); ++i)
            secret[i] = char((i * 131 + 7) % 256); // NULs, 0xFF, invalid UTF-8, newlines
        const QString id = Account::newId();
        Call write;
        store.write(id, SecretKind::RefreshToken, secret, this, write.callback());
        QVERIFY(write.wait());
        QVERIFY2(write.result.ok(), describe(write.result).constData());
        Call read;
        store.read(id, SecretKind::RefreshToken, this, read.callback());
        QVERIFY(read.wait());
        QVERIFY2(read.result.ok(), describe(read.result).constData());
        QCOMPARE(read.result.data.size(), secret.size());
        QCOMPARE(read.result.data, secret);

        // Overwriting replaces.
        Call rewrite;
        store.write(id, SecretKind::RefreshToken, "short", this, rewrite.callback());
        QVERIFY(rewrite.wait());
        Call reread;
        store.read(id, SecretKind::RefreshToken, this, reread.callback());
        QVERIFY(reread.wait());
        QCOMPARE(reread.result.data, QByteArrayLiteral("short"));
    }

    void secretToolSeesTheItem() {
        if (skipWithoutKeyring())
            QSKIP("Needs a running, unlocked Secret Service (TOKENDESK_TEST_KEYRING=1).");
        KeychainSecretStore store(m_service);
        const QString id = Account::newId();
        const QByteArray secret = "api-key-" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
        Call write;
        store.write(id, SecretKind::Credential, secret, this, write.callback());
        QVERIFY(write.wait());
        QVERIFY(write.result.ok());

        QProcess lookup;
        lookup.start(QStringLiteral("secret-tool"),
                     {QStringLiteral("lookup"), QStringLiteral("server"), m_service, QStringLiteral("user"),
                      SecretStore::keyFor(id, SecretKind::Credential)});
        QVERIFY(lookup.waitForFinished(10000));
        QCOMPARE(lookup.exitCode(), 0);
        // Stored as binary data, which QtKeychain keeps base64-encoded (type=base64).
        QCOMPARE(lookup.readAllStandardOutput().trimmed(), secret.toBase64());
    }

    void tinyTimeoutReportsTimeoutOnceAndDropsTheLateAnswer() {
        if (skipWithoutKeyring())
            QSKIP("Needs a running, unlocked Secret Service (TOKENDESK_TEST_KEYRING=1).");
        // A 1 ms deadline expires before a D-Bus round trip to the keyring can complete.
        KeychainSecretStore hasty(m_service, 1ms);
        const QString id = Account::newId();
        Call write;
        hasty.write(id, SecretKind::AccessToken, "late-but-written", this, write.callback());
        QVERIFY(write.wait());
        QCOMPARE(write.result.status, SecretResult::Status::Timeout);
        QVERIFY2(write.result.errorString.contains(QLatin1String("did not answer")),
                 qPrintable(write.result.errorString));

        // QtKeychain runs jobs one after another: once this read is answered, the timed-out write
        // has finished too, and its late answer must have been dropped.
        KeychainSecretStore patient(m_service);
        Call read;
        patient.read(id, SecretKind::AccessToken, this, read.callback());
        QVERIFY(read.wait());
        QVERIFY2(read.result.ok(),
                 describe(read.result).constData()); // "Timeout" meant "unknown": it was written
        QCOMPARE(read.result.data, QByteArrayLiteral("late-but-written"));
        QCOMPARE(write.answers, 1);
        QCOMPARE(write.result.status, SecretResult::Status::Timeout);
    }

    void storeOrContextMayGoAwayWhileAJobRuns() {
        if (skipWithoutKeyring())
            QSKIP("Needs a running, unlocked Secret Service (TOKENDESK_TEST_KEYRING=1).");
        const QString id = Account::newId();

        // The store goes first: the answer still arrives.
        auto store = std::make_unique<KeychainSecretStore>(m_service);
        Call write;
        store->write(id, SecretKind::Credential, "k", this, write.callback());
        store.reset();
        QVERIFY(write.wait());
        QVERIFY(write.result.ok());

        // The context goes first: no callback, no crash.
        KeychainSecretStore kept(m_service);
        auto context = std::make_unique<QObject>();
        Call orphan;
        kept.read(id, SecretKind::Credential, context.get(), orphan.callback());
        context.reset();
        Call marker; // answered after the orphaned read (jobs run in order)
        kept.read(id, SecretKind::Credential, this, marker.callback());
        QVERIFY(marker.wait());
        QCOMPARE(orphan.answers, 0);
    }
};

QTEST_GUILESS_MAIN(TestKeychainRoundTrip)
#include "tst_keychainroundtrip.moc"
