#include "PendingSecretCall.h"
#include "Hardening.h"

#include <QMetaObject>
#include <QTimer>

std::shared_ptr<PendingSecretCall> PendingSecretCall::create(QObject *context,
                                                             SecretStore::Callback callback) {
    return std::shared_ptr<PendingSecretCall>(new PendingSecretCall(context, std::move(callback)));
}

PendingSecretCall::PendingSecretCall(QObject *context, SecretStore::Callback callback)
    : m_context(context)
    , m_callback(std::move(callback)) {}

void PendingSecretCall::setDeadline(std::chrono::milliseconds timeout, SecretResult timeoutResult) {
    if (!m_context)
        return;
    // The timer keeps the call alive: a backend that drops its job without answering still ends in a
    // Timeout rather than in silence.
    QTimer::singleShot(
        timeout, m_context.data(),
        [self = shared_from_this(), result = std::move(timeoutResult)]() { self->finish(result); });
}

bool PendingSecretCall::finish(SecretResult result) {
    if (m_finished.exchange(true))
        return false;
    SecretStore::Callback callback = std::move(m_callback);
    m_callback = nullptr;
    QObject *context = m_context.data();
    if (!context || !callback)
        return false;
    // Queued on the context: if the context is destroyed before the event is processed, Qt drops the
    // event together with the callback, so it never runs against a dead object.
    // The result is the last TokenDesk-owned copy of a secret that was read: wipe it once the callback
    // has run (callbacks get a const reference; whatever they keep shares the buffer and wins).
    QMetaObject::invokeMethod(
        context,
        [callback = std::move(callback), result = std::move(result)]() mutable {
            callback(result);
            Hardening::wipe(result.data);
        },
        Qt::QueuedConnection);
    return true;
}
