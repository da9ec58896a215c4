#include "KeychainSecretStore.h"

#include "KeychainErrors.h"
#include "PendingSecretCall.h"

#include <qt6keychain/keychain.h>

namespace {

// Wires a started job to its pending call. The job has no parent: it must live until QtKeychain is
// done with it (deleting a running job leaves libsecret calling into freed memory), then deletes itself.
// The handler holds only the pending call, never the store, so the store may go first.
void run(QKeychain::Job *job, const QString &key, const std::shared_ptr<PendingSecretCall> &call,
         bool isRead) {
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, job, [call, isRead](QKeychain::Job *finished) {
        SecretResult result = KeychainErrors::fromJobError(finished->error(), finished->errorString());
        if (result.ok() && isRead)
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
    run(new QKeychain::ReadPasswordJob(m_service), keyFor(accountId, kind), call, true);
}

void KeychainSecretStore::write(const QString &accountId, SecretKind kind, const QByteArray &secret,
                                QObject *context, Callback callback) {
    auto call = PendingSecretCall::create(context ? context : this, std::move(callback));
    call->setDeadline(m_timeout, KeychainErrors::timeout(m_timeout));
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setBinaryData(secret);
    run(job, keyFor(accountId, kind), call, false);
}

void KeychainSecretStore::remove(const QString &accountId, SecretKind kind, QObject *context,
                                 Callback callback) {
    auto call = PendingSecretCall::create(context ? context : this, std::move(callback));
    call->setDeadline(m_timeout, KeychainErrors::timeout(m_timeout));
    run(new QKeychain::DeletePasswordJob(m_service), keyFor(accountId, kind), call, false);
}
