#pragma once

// The base of the AuthClient tests: a fresh demo server and AuthClient stack for every test case (setUp and
// tearDown, called from init and cleanup), the demo server's token lifetimes, and VERIFY_NEAR for instants
// that may be a moment apart.

#include "NetworkTestSupport.h"

#include <QTest>

#include <memory>

namespace AuthClientTesting {
constexpr qint64 kToleranceMs = 2000;
constexpr int kAccessLifetime = 300; // the demo server's defaults
constexpr int kRefreshLifetime = 3600;

inline bool near(const QDateTime &actual, const QDateTime &expected, qint64 toleranceMs = kToleranceMs)
{
    return actual.isValid() && expected.isValid() && qAbs(actual.msecsTo(expected)) <= toleranceMs;
}

inline QString describe(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("(invalid)");
}
} // namespace AuthClientTesting

#define VERIFY_NEAR(actual, expected)                                                                          \
    QVERIFY2(near((actual), (expected)),                                                                       \
             qPrintable(QStringLiteral("%1 is %2, expected %3 (±2 s)")                                          \
                            .arg(QStringLiteral(#actual), describe(actual), describe(expected))))

class AuthClientTest : public QObject
{
protected:
    void setUp()
    {
        // A fresh server per test: the b2b provider throttles a username after repeated failures.
        m_server = std::make_unique<DemoServer>();
        QVERIFY2(m_server->listen(), qPrintable(m_server->errorString()));
        m_stack = std::make_unique<NetTest::AuthStack>();
        QCOMPARE(m_stack->registry.profiles().size(), 5);
    }

    void tearDown()
    {
        m_stack.reset();
        m_server.reset();
    }

    std::unique_ptr<DemoServer> m_server;
    std::unique_ptr<NetTest::AuthStack> m_stack;
};
