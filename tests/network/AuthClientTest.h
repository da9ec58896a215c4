#pragma once

// The base of the AuthClient tests: a fresh demo server and AuthClient stack for every test case
// (DemoStackTest, with all five presets), the demo server's token lifetimes, and VERIFY_NEAR for instants
// that may be a moment apart.

#include "NetworkTestSupport.h"

#include <QTest>

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

class AuthClientTest : public NetTest::DemoStackTest
{
protected:
    void setUp()
    {
        DemoStackTest::setUp();
        QCOMPARE(m_stack->registry.profiles().size(), 5);
    }
};
