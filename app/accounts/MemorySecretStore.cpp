#include "MemorySecretStore.h"
#include "Hardening.h"

#include "PendingSecretCall.h"

#include <QTimer>

namespace {

// A private copy, so that wiping it cannot touch (or miss) a buffer shared with a caller.
QByteArray deepCopy(const QByteArray &bytes) {
    return QByteArray(bytes.constData(), bytes.size());
}

void wipe(QByteArray &bytes) {
    Hardening::wipe(bytes);
}

} // namespace

MemorySecretStore::MemorySecretStore(QObject *parent)
    : SecretStore(parent) {}

MemorySecretStore::~MemorySecretStore() {
    for (QByteArray &secret : m_secrets)
        wipe(secret);
}

void MemorySecretStore::read(const QString &accountId, SecretKind kind, QObject *context, Callback callback) {
    SecretResult result = check();
    if (result.ok()) {
        const auto it = m_secrets.constFind(keyFor(accountId, kind));
        if (it == m_secrets.constEnd()) {
            result.status = SecretResult::Status::NotFound;
            result.errorString = tr("No secret is stored for this account.");
        } else {
            result.data = deepCopy(*it);
        }
    }
    answer(context, std::move(callback), std::move(result));
}

void MemorySecretStore::write(const QString &accountId, SecretKind kind, const QByteArray &secret,
                              QObject *context, Callback callback) {
    SecretResult result = check();
    if (result.ok()) {
        const QString key = keyFor(accountId, kind);
        erase(key);
        m_secrets.insert(key, deepCopy(secret));
    }
    answer(context, std::move(callback), std::move(result));
}

void MemorySecretStore::remove(const QString &accountId, SecretKind kind, QObject *context,
                               Callback callback) {
    SecretResult result = check();
    if (result.ok()) {
        const QString key = keyFor(accountId, kind);
        if (m_secrets.contains(key)) {
            erase(key);
        } else {
            result.status = SecretResult::Status::NotFound;
            result.errorString = tr("No secret is stored for this account.");
        }
    }
    answer(context, std::move(callback), std::move(result));
}

bool MemorySecretStore::contains(const QString &accountId, SecretKind kind) const {
    return m_secrets.contains(keyFor(accountId, kind));
}

std::optional<QByteArray> MemorySecretStore::peek(const QString &accountId, SecretKind kind) const {
    const auto it = m_secrets.constFind(keyFor(accountId, kind));
    if (it == m_secrets.constEnd())
        return std::nullopt;
    return deepCopy(*it);
}

SecretResult MemorySecretStore::check() const {
    SecretResult r;
    if (m_neverAnswer) {
        r.status = SecretResult::Status::Timeout; // not reported: the call is simply never answered
        return r;
    }
    r.status = m_failure;
    switch (m_failure) {
    case SecretResult::Status::Ok:
        break;
    case SecretResult::Status::NotFound:
        r.errorString = tr("No secret is stored for this account.");
        break;
    case SecretResult::Status::Unavailable:
        r.errorString =
            tr("The system keychain is not available: simulated failure. Unlock it or start a Secret "
               "Service, then try again.");
        break;
    case SecretResult::Status::Timeout:
        r.errorString = tr("The system keychain did not answer in time (simulated).");
        break;
    case SecretResult::Status::Error:
        r.errorString = tr("The system keychain reported an error: simulated failure.");
        break;
    }
    return r;
}

void MemorySecretStore::answer(QObject *context, Callback callback, SecretResult result) {
    ++m_calls;
    if (m_neverAnswer)
        return;
    auto call = PendingSecretCall::create(context ? context : this, std::move(callback));
    if (m_delayMs <= 0) {
        call->finish(std::move(result));
        return;
    }
    QTimer::singleShot(m_delayMs, this, [call, result = std::move(result)]() { call->finish(result); });
}

void MemorySecretStore::erase(const QString &key) {
    auto it = m_secrets.find(key);
    if (it == m_secrets.end())
        return;
    wipe(*it);
    m_secrets.erase(it);
}
