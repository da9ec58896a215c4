#pragma once

// The base of the HttpClient fault tests: a fresh demo server and AuthClient stack for every test case
// (DemoStackTest, with the b2b-api preset) and a b2b-api login at any base URL.

#include "NetworkTestSupport.h"

#include "demo/DemoCredentials.h"

#include <QTest>

#include <optional>

class HttpFaultsTest : public NetTest::DemoStackTest
{
protected:
    void setUp()
    {
        DemoStackTest::setUp();
        QVERIFY(m_stack->registry.find(QStringLiteral("b2b-api")));
    }

    // Logs the demo b2b-api account in at `base`, with `secret` in place of its password if one is given.
    std::optional<AuthOutcome> loginB2b(const QUrl &base, const QByteArray &secret = {})
    {
        const QString preset = QStringLiteral("b2b-api");
        const Account account = NetTest::account(preset, base, DemoCredentials::b2bUsername());
        const QByteArray password = secret.isEmpty() ? DemoCredentials::b2bPassword().toUtf8() : secret;
        return NetTest::finish(m_stack->client.login(account, m_stack->profile(preset), password));
    }
};
