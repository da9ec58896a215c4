#pragma once

#include "SecretStore.h"

#include <QPointer>

#include <atomic>
#include <chrono>
#include <memory>

// One outstanding SecretStore call: delivers at most one SecretResult to its callback, always later
// (queued, never from inside the call that started it), on the context object's thread, and never after
// the context is destroyed. With a deadline it delivers a Timeout result when the backend is too slow
// and drops the backend's late answer. Whoever holds the shared pointer (a backend job's finished
// handler, a timer) may outlive the store and the context safely.
class PendingSecretCall : public std::enable_shared_from_this<PendingSecretCall> {
public:
    static std::shared_ptr<PendingSecretCall> create(QObject *context, SecretStore::Callback callback);

    // Delivers `timeoutResult` if nothing was delivered within `timeout`. The timer lives on the
    // context, so it dies with it.
    void setDeadline(std::chrono::milliseconds timeout, SecretResult timeoutResult);

    // Queues the callback with `result`. Returns false (and drops `result`) if a result was already
    // delivered or timed out, or the context is gone.
    bool finish(SecretResult result);

    bool isFinished() const { return m_finished.load(); }

private:
    PendingSecretCall(QObject *context, SecretStore::Callback callback);

    QPointer<QObject> m_context;
    SecretStore::Callback m_callback;
    std::atomic_bool m_finished{false};
};
