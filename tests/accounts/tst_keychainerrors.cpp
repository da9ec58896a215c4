// KeychainErrors: every QtKeychain error seen on Debian 12 mapped to a status and a sentence, "locked"
// only for whole phrases. The store against a real keyring: tst_keychainroundtrip; without one:
// tst_keychainsecretstore.
#include "accounts/Account.h"
#include "accounts/KeychainErrors.h"

#include <QTest>

class TestKeychainErrors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void errorMapping_data() {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("message");
        QTest::addColumn<SecretResult::Status>("status");
        QTest::addColumn<bool>("saysLocked"); // the "keychain is locked" text, with the way out

        // The answers seen on Debian 12 (see ENVIRONMENT.md).
        QTest::newRow("no bus") << int(QKeychain::OtherError)
                                << "Cannot autolaunch D-Bus without X11 $DISPLAY"
                                << SecretResult::Status::Unavailable << false;
        QTest::newRow("no secret service")
            << int(QKeychain::OtherError)
            << "The name org.freedesktop.secrets was not provided by any .service files"
            << SecretResult::Status::Unavailable << false;
        QTest::newRow("bus address points nowhere")
            << int(QKeychain::OtherError) << "Could not connect: No such file or directory"
            << SecretResult::Status::Unavailable << false;
        QTest::newRow("no collection")
            << int(QKeychain::OtherError)
            << "Object does not exist at path \u201c/org/freedesktop/secrets/collection/login\u201d"
            << SecretResult::Status::Unavailable << false;
        QTest::newRow("locked") << int(QKeychain::AccessDenied)
                                << "Cannot create an item in a locked collection"
                                << SecretResult::Status::Unavailable << true;
        QTest::newRow("denied by user")
            << int(QKeychain::AccessDeniedByUser) << "" << SecretResult::Status::Unavailable << false;
        QTest::newRow("no backend") << int(QKeychain::NoBackendAvailable) << ""
                                    << SecretResult::Status::Unavailable << false;
        QTest::newRow("not implemented")
            << int(QKeychain::NotImplemented) << "" << SecretResult::Status::Unavailable << false;
        QTest::newRow("not found") << int(QKeychain::EntryNotFound) << "Entry not found"
                                   << SecretResult::Status::NotFound << false;
        QTest::newRow("other") << int(QKeychain::OtherError) << "Unknown error" << SecretResult::Status::Error
                               << false;
        // Only whole phrases mean "locked": not "unlocked", "blocked" or "not locked".
        QTest::newRow("is locked") << int(QKeychain::OtherError) << "The keyring is locked"
                                   << SecretResult::Status::Unavailable << true;
        QTest::newRow("IsLocked error name")
            << int(QKeychain::OtherError) << "org.freedesktop.Secret.Error.IsLocked: Cannot get secret"
            << SecretResult::Status::Unavailable << true;
        QTest::newRow("unlocked") << int(QKeychain::OtherError) << "Item was unlocked but has no secret"
                                  << SecretResult::Status::Error << false;
        QTest::newRow("blocked") << int(QKeychain::OtherError) << "Request blocked by policy"
                                 << SecretResult::Status::Error << false;
        QTest::newRow("not locked") << int(QKeychain::OtherError) << "The collection is not locked"
                                    << SecretResult::Status::Error << false;
        QTest::newRow("denied, blocked")
            << int(QKeychain::AccessDenied) << "Access blocked; collection unlocked"
            << SecretResult::Status::Unavailable << false;
        QTest::newRow("bus error, unlocked")
            << int(QKeychain::OtherError) << "D-Bus call failed after the wallet was unlocked"
            << SecretResult::Status::Unavailable << false;
        QTest::newRow("delete") << int(QKeychain::CouldNotDeleteEntry) << "nope"
                                << SecretResult::Status::Error << false;
    }

    void errorMapping() {
        QFETCH(int, error);
        QFETCH(QString, message);
        QFETCH(SecretResult::Status, status);
        QFETCH(bool, saysLocked);
        const SecretResult r = KeychainErrors::fromJobError(static_cast<QKeychain::Error>(error), message);
        QCOMPARE(r.status, status);
        QVERIFY(!r.errorString.isEmpty());
        QCOMPARE(r.errorString.contains(QLatin1String("keychain is locked")), saysLocked);
        if (saysLocked) {
            // Said plainly, with the way out (tst_lockedkeychain covers a really locked keyring).
            QVERIFY2(r.errorString.contains(QLatin1String("keychain is locked")), qPrintable(r.errorString));
            QVERIFY2(r.errorString.contains(QLatin1String("Unlock it")), qPrintable(r.errorString));
            return;
        }
        if (status == SecretResult::Status::Unavailable) {
            QVERIFY2(r.errorString.contains(QLatin1String("keychain is not available")),
                     qPrintable(r.errorString));
            QVERIFY2(r.errorString.contains(QLatin1String("Unlock it or start a Secret Service")),
                     qPrintable(r.errorString));
        }
        if (status != SecretResult::Status::NotFound)
            QVERIFY(r.errorString.contains(message)); // the backend's words help whoever fixes it
    }
};

QTEST_GUILESS_MAIN(TestKeychainErrors)
#include "tst_keychainerrors.moc"
