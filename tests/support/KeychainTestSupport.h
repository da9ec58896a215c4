#pragma once

// What the KeychainSecretStore tests share (tests/accounts and tst_keychainedges): one store call run to
// completion, and a result described.

#include "accounts/SecretStore.h"

#include <QByteArray>
#include <QString>
#include <QTest>

inline constexpr int kAnswerWaitMs = 15000;

// Runs one store call and waits for its answer.
struct Call {
    int answers = 0;
    SecretResult result;
    SecretStore::Callback callback() {
        return [this](const SecretResult &r) {
            ++answers;
            result = r;
        };
    }
    bool wait() {
        return QTest::qWaitFor([this] { return answers > 0; }, kAnswerWaitMs);
    }
};

inline QString statusName(SecretResult::Status s) {
    switch (s) {
    case SecretResult::Status::Ok:
        return QStringLiteral("Ok");
    case SecretResult::Status::NotFound:
        return QStringLiteral("NotFound");
    case SecretResult::Status::Unavailable:
        return QStringLiteral("Unavailable");
    case SecretResult::Status::Timeout:
        return QStringLiteral("Timeout");
    case SecretResult::Status::Error:
        return QStringLiteral("Error");
    }
    return {};
}

inline QByteArray describe(const SecretResult &r) {
    return (statusName(r.status) + QStringLiteral(": ") + r.errorString).toUtf8();
}
