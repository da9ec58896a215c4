#pragma once

#include "SecretStore.h"

#include <chrono>

// SecretStore over QtKeychain (Secret Service on Linux, Keychain on macOS, Credential Manager on
// Windows). Entries: service `service()`, key SecretStore::keyFor(accountId, kind). Never falls back to
// a plaintext file: no keychain means an Unavailable result, and so does a locked one (gnome-keyring
// reports a locked collection's entries as missing; KeychainLockProbe tells the two apart).
//
// QtKeychain has no timeout and runs its jobs one after another: a backend that never answers (a
// prompt nobody sees) would block every later call. Each call here therefore has its own deadline;
// after it the caller gets Timeout and the late answer is dropped. A Timeout on write or remove means
// "unknown": the backend may still carry the change out.
//
// Secrets are stored as binary data, which QtKeychain keeps base64-encoded (attribute type=base64) so
// that any bytes round-trip; other tools (secret-tool, Seahorse) show the base64 text.
class KeychainSecretStore : public SecretStore {
    Q_OBJECT
public:
    static constexpr std::chrono::milliseconds kDefaultTimeout{10000};

    explicit KeychainSecretStore(const QString &service = QStringLiteral("TokenDesk"),
                                 std::chrono::milliseconds timeout = kDefaultTimeout,
                                 QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    QString service() const { return m_service; }
    std::chrono::milliseconds timeout() const { return m_timeout; }

    void read(const QString &accountId, SecretKind kind, QObject *context, Callback callback) override;
    void write(const QString &accountId, SecretKind kind, const QByteArray &secret, QObject *context,
               Callback callback) override;
    void remove(const QString &accountId, SecretKind kind, QObject *context, Callback callback) override;

private:
    QString m_service;
    std::chrono::milliseconds m_timeout;
};
