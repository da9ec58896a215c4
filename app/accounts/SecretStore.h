#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

// Which of an account's secrets. Each is stored apart under "<accountId>/<kind>".
enum class SecretKind { Credential, AccessToken, RefreshToken };

struct SecretResult
{
    enum class Status {
        Ok,
        NotFound,    // no such entry: not an error for reads of optional secrets
        Unavailable, // no keychain, no D-Bus session, locked collection
        Timeout,     // the backend did not answer in time; a late answer is ignored
        Error,       // anything else the backend reported
    };
    Status status = Status::Ok;
    QString errorString; // for people; never contains the secret
    QByteArray data;     // the secret, for successful reads

    bool ok() const { return status == Status::Ok; }
};

// Asynchronous secret storage. Callbacks run on the caller's thread, at most once, and never after
// `context` is destroyed. Implementations: KeychainSecretStore (QtKeychain, the real thing) and
// MemorySecretStore (tests and the demo).
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const SecretResult &)>;

    using QObject::QObject;
    ~SecretStore() override = default;

    virtual void read(const QString &accountId, SecretKind kind, QObject *context, Callback callback) = 0;
    virtual void write(const QString &accountId, SecretKind kind, const QByteArray &secret, QObject *context,
                       Callback callback) = 0;
    virtual void remove(const QString &accountId, SecretKind kind, QObject *context, Callback callback) = 0;

    // Removes all three secrets of an account; NotFound counts as success.
    void removeAll(const QString &accountId, QObject *context, Callback callback);

    static QString keyFor(const QString &accountId, SecretKind kind);
};
