#include "SecretStore.h"

#include <QPointer>

#include <memory>

QString SecretStore::keyFor(const QString &accountId, SecretKind kind)
{
    switch (kind) {
    case SecretKind::Credential:
        return accountId + QStringLiteral("/credential");
    case SecretKind::AccessToken:
        return accountId + QStringLiteral("/access-token");
    case SecretKind::RefreshToken:
        return accountId + QStringLiteral("/refresh-token");
    }
    return accountId;
}

void SecretStore::removeAll(const QString &accountId, QObject *context, Callback callback)
{
    // Remove the three entries one after another; report the first real failure.
    struct State
    {
        SecretResult firstError;
        int pending = 3;
    };
    auto state = std::make_shared<State>();
    auto done = [state, callback](const SecretResult &r) {
        if (!r.ok() && r.status != SecretResult::Status::NotFound && state->firstError.ok())
            state->firstError = r;
        if (--state->pending == 0)
            callback(state->firstError);
    };
    for (SecretKind kind : {SecretKind::Credential, SecretKind::AccessToken, SecretKind::RefreshToken})
        remove(accountId, kind, context, done);
}
