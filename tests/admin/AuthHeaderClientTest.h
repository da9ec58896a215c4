#pragma once

// The base of the AuthHeaderClient tests: a fresh core and client for every test case (setUp/tearDown,
// called from init/cleanup), the client's calls run to completion, and the demo server's request log.

#include "CoreFixture.h"

#include "admin/AuthHeaderClient.h"

#include <memory>

inline const QString kPreset = QStringLiteral("user-authheader");

struct ListOutcome {
    QList<AuthHeader> headers;
    AuthError error;
};

struct AddOutcome {
    AuthHeader header;
    AuthError error;
};

class AuthHeaderClientTest : public QObject {
protected:
    void setUp() {
        m_core = std::make_unique<CoreFixture>();
        m_client = std::make_unique<AuthHeaderClient>(m_core->manager.get(), m_core->store.get(),
                                                      &m_core->registry, m_core->http.get());
    }

    void tearDown() {
        m_client.reset();
        m_core.reset();
    }

    ListOutcome list(const QString &accountId) {
        ListOutcome outcome;
        bool done = false;
        m_client->list(accountId, &m_core->context,
                       [&](const QList<AuthHeader> &headers, const AuthError &error) {
                           outcome = {headers, error};
                           done = true;
                       });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 15000); }();
        return outcome;
    }

    AddOutcome add(const QString &accountId, const QString &name) {
        AddOutcome outcome;
        bool done = false;
        m_client->add(accountId, name, &m_core->context, [&](const AuthHeader &header, const AuthError &error) {
            outcome = {header, error};
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 15000); }();
        return outcome;
    }

    AuthError remove(const QString &accountId, const QByteArray &token) {
        AuthError outcome;
        bool done = false;
        m_client->remove(accountId, token, &m_core->context, [&](const AuthError &error) {
            outcome = error;
            done = true;
        });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 15000); }();
        return outcome;
    }

    int requestsEndingWith(const QByteArray &suffix) const {
        int n = 0;
        for (const DemoRequest &r : m_core->server.requests())
            n += r.path.endsWith(suffix) ? 1 : 0;
        return n;
    }

    void armOnce(const DemoFault &fault) { m_core->server.setFault(kPreset, fault, 1); }

    std::unique_ptr<CoreFixture> m_core;
    std::unique_ptr<AuthHeaderClient> m_client;
};
