#include "KeychainSecretStore.h"

#include "KeychainErrors.h"
#include "KeychainLockProbe.h"
#include "LibSecretSession.h"
#include "PendingSecretCall.h"

#include <qt6keychain/keychain.h>

#include <functional>

namespace {

enum class JobKind { Read, Write, Remove };

// Makes a new, not yet started job for one call: run() may need a second one (see LibSecretSession).
using JobFactory = std::function<QKeychain::Job *()>;

// Starts a job from `make` and wires it to its pending call. The job has no parent: it must live until
// QtKeychain is done with it (deleting a running job leaves libsecret calling into freed memory), then
// deletes itself. The handler holds only the pending call, never the store, so the store may go first.
//
// gnome-keyring answers reads in a locked collection with "Entry not found", and deletes there with
// success although nothing was deleted. Those answers are therefore only passed on once the Secret
// Service says it holds no locked item for this entry; if it does, the caller gets Unavailable ("could
// not read", "could not delete"), never "nothing stored", so nobody forgets or overwrites a secret that is
// merely out of reach. Only the item is asked about: a key never stored stays NotFound with a locked
// collection, and so does anything QtKeychain keeps in KWallet. The probe is asynchronous and bounded by
// the call's deadline (the pending call's own timer still delivers Timeout if the bus is slow).
//
// A Secret Service restarted since libsecret opened its session answers "The session does not exist":
// the session is forgotten and the call runs once more, on a new one.
void run(const JobFactory &make, const QString &key, const std::shared_ptr<PendingSecretCall> &call,
         JobKind kind, std::chrono::milliseconds timeout, bool retried = false) {
    QKeychain::Job *job = make();
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    const quint64 session = LibSecretSession::generation();
    QObject::connect(job, &QKeychain::Job::finished, job,
                     [make, key, call, kind, timeout, retried, session](QKeychain::Job *finished) {
        if (!retried && finished->error() == QKeychain::OtherError &&
            LibSecretSession::isStale(finished->errorString()) && LibSecretSession::forget(session)) {
            run(make, key, call, kind, timeout, true);
            return;
        }
        SecretResult result = KeychainErrors::fromJobError(finished->error(), finished->errorString());
        const bool mayBeLocked =
            result.status == SecretResult::Status::NotFound || (result.ok() && kind == JobKind::Remove);
        if (mayBeLocked) {
            KeychainLockProbe::isItemLocked(
                finished->service(), finished->key(), timeout,
                [call, result](bool locked) { call->finish(locked ? KeychainErrors::locked() : result); });
            return;
        }
        if (result.ok() && kind == JobKind::Read)
            result.data = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
        call->finish(std::move(result));
    });
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, std::chrono::milliseconds timeout,
                                         QObject *parent)
    : SecretStore(parent)
    , m_service(service)
    , m_timeout(timeout) {}

KeychainSecretStore::~KeychainSecretStore() = default;

void KeychainSecretStore::read(const QString &accountId, SecretKind kind, QObject *context,
                               Callback callback) {
    auto call = PendingSecretCall::create(context ? context : this, std::move(callback));
    call->setDeadline(m_timeout, KeychainErrors::timeout(m_timeout));
    const QString service = m_service;
    run([service] { return new QKeychain::ReadPasswordJob(service); }, keyFor(accountId, kind), call,
        JobKind::Read, m_timeout);
}

void KeychainSecretStore::write(const QString &accountId, SecretKind kind, const QByteArray &secret,
                                QObject *context, Callback callback) {
    auto call = PendingSecretCall::create(context ? context : this, std::move(callback));
    call->setDeadline(m_timeout, KeychainErrors::timeout(m_timeout));
    const QString service = m_service;
    const auto make = [service, secret] {
        auto *job = new QKeychain::WritePasswordJob(service);
        job->setBinaryData(secret);
        return job;
    };
    run(make, keyFor(accountId, kind), call, JobKind::Write, m_timeout);
}

void KeychainSecretStore::remove(const QString &accountId, SecretKind kind, QObject *context,
                                 Callback callback) {
    auto call = PendingSecretCall::create(context ? context : this, std::move(callback));
    call->setDeadline(m_timeout, KeychainErrors::timeout(m_timeout));
    const QString service = m_service;
    run([service] { return new QKeychain::DeletePasswordJob(service); }, keyFor(accountId, kind), call,
        JobKind::Remove, m_timeout);
}
