#pragma once

#include "SecretStore.h"

#include <QHash>

#include <optional>

// SecretStore in memory, for tests and the demo. Asynchronous like the real thing (callbacks are
// queued), with knobs to make it fail, slow or silent. A change is applied when the call is made and
// only if the call will succeed and answer; the answer may come later (setDelay).
class MemorySecretStore : public SecretStore {
    Q_OBJECT
public:
    explicit MemorySecretStore(QObject *parent = nullptr);
    ~MemorySecretStore() override; // overwrites the stored secrets

    void read(const QString &accountId, SecretKind kind, QObject *context, Callback callback) override;
    void write(const QString &accountId, SecretKind kind, const QByteArray &secret, QObject *context,
               Callback callback) override;
    void remove(const QString &accountId, SecretKind kind, QObject *context, Callback callback) override;

    // Test knobs.
    void setFailure(SecretResult::Status status) { m_failure = status; } // Ok: no failure
    void setDelay(int ms) { m_delayMs = ms; }
    void setNeverAnswer(bool never) { m_neverAnswer = never; }

    qsizetype count() const { return m_secrets.size(); }
    bool contains(const QString &accountId, SecretKind kind) const;
    std::optional<QByteArray> peek(const QString &accountId, SecretKind kind) const; // for assertions
    int callCount() const { return m_calls; }

private:
    // Returns the failure to report, or an Ok result if the call goes ahead.
    SecretResult check() const;
    void answer(QObject *context, Callback callback, SecretResult result);
    void erase(const QString &key);

    QHash<QString, QByteArray> m_secrets;
    SecretResult::Status m_failure = SecretResult::Status::Ok;
    int m_delayMs = 0;
    bool m_neverAnswer = false;
    int m_calls = 0;
};
