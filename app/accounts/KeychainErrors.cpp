#include "KeychainErrors.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <array>

namespace KeychainErrors {
namespace {

SecretResult make(SecretResult::Status status, const QString &message) {
    SecretResult r;
    r.status = status;
    r.errorString = message;
    return r;
}

// A backend saying the keychain is locked, in the words seen: gnome-keyring's "Cannot create an item in a
// locked collection", the Secret Service error name org.freedesktop.Secret.Error.IsLocked, "... is
// locked". Whole phrases only, so that "unlocked", "blocked" or "is not locked" never read as locked.
bool saysLocked(const QString &backendMessage) {
    static const QRegularExpression kLocked(
        QStringLiteral(
            R"(\blocked (?:collection|keyring|item|wallet)s?\b|\b(?:is|are) locked\b|\bIsLocked\b)"),
        QRegularExpression::CaseInsensitiveOption);
    return backendMessage.contains(kLocked);
}

} // namespace

bool looksUnavailable(QKeychain::Error error, const QString &backendMessage) {
    switch (error) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::NotImplemented:
        return true;
    case QKeychain::OtherError: {
        // What libsecret/GDBus say when there is no session bus (or a dead one), no Secret Service, no
        // default collection or a locked one (seen on Debian 12 with gnome-keyring).
        if (saysLocked(backendMessage))
            return true;
        static constexpr std::array kHints{
            "D-Bus",
            "DBus",
            "org.freedesktop.secrets",
            "org.freedesktop.DBus",
            "Secret Service",
            "Object does not exist at path",
            "No such secret collection",
            "autolaunch",
            "Could not connect",
            "The connection is closed",
        };
        for (const char *hint : kHints) {
            if (backendMessage.contains(QLatin1String(hint), Qt::CaseInsensitive))
                return true;
        }
        return false;
    }
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
    case QKeychain::CouldNotDeleteEntry:
        return false;
    }
    return false;
}

SecretResult fromJobError(QKeychain::Error error, const QString &backendMessage) {
    if (error == QKeychain::NoError)
        return {};
    if (error == QKeychain::EntryNotFound) {
        return make(
            SecretResult::Status::NotFound,
            QCoreApplication::translate("KeychainSecretStore", "No secret is stored for this account."));
    }
    QString detail = backendMessage.trimmed();
    while (detail.endsWith(u'.'))
        detail.chop(1);
    if (detail.isEmpty())
        detail = QCoreApplication::translate("KeychainSecretStore", "no details given");
    if (looksUnavailable(error, backendMessage)) {
        // gnome-keyring on a write to a locked collection: "Cannot create an item in a locked collection".
        if (saysLocked(backendMessage))
            return locked();
        return make(
            SecretResult::Status::Unavailable,
            QCoreApplication::translate("KeychainSecretStore",
                                        "The system keychain is not available: %1. Unlock it or start "
                                        "a Secret Service (such as GNOME Keyring or KWallet), then try "
                                        "again.")
                .arg(detail));
    }
    return make(
        SecretResult::Status::Error,
        QCoreApplication::translate("KeychainSecretStore", "The system keychain reported an error: %1.")
            .arg(detail));
}

SecretResult locked() {
    return make(SecretResult::Status::Unavailable,
                QCoreApplication::translate("KeychainSecretStore",
                                            "The system keychain is locked, so TokenDesk cannot read or "
                                            "store this account's secrets. Unlock it (by logging in to "
                                            "your desktop session, or with Seahorse \"Passwords and "
                                            "Keys\"), then try again."));
}

SecretResult timeout(std::chrono::milliseconds after) {
    const auto seconds = static_cast<int>((after.count() + 999) / 1000);
    return make(
        SecretResult::Status::Timeout,
        QCoreApplication::translate("KeychainSecretStore",
                                    "The system keychain did not answer within %n second(s). It may be "
                                    "waiting for you to unlock it; try again.",
                                    nullptr, seconds));
}

} // namespace KeychainErrors
