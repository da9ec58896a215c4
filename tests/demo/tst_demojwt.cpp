#include "demo/DemoJwt.h"

#include <QJsonDocument>
#include <QTest>

class TestDemoJwt : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void base64UrlHasNoPadding();
    void signAndVerify();
    void knownVector();
    void refusesTampering_data();
    void refusesTampering();
    void randomIdsDiffer();

private:
    const QByteArray m_key = "0123456789abcdef0123456789abcdef";
    const QJsonObject m_claims{{QStringLiteral("sub"), QStringLiteral("demo")},
                               {QStringLiteral("exp"), 1700000000}};
};

void TestDemoJwt::base64UrlHasNoPadding() {
    QCOMPARE(DemoJwt::base64Url("\xfb\xff"), QByteArray("-_8"));
    QCOMPARE(*DemoJwt::fromBase64Url("-_8"), QByteArray("\xfb\xff"));
    QVERIFY(!DemoJwt::fromBase64Url("-_8="));
    QVERIFY(!DemoJwt::fromBase64Url("+/8"));
}

void TestDemoJwt::signAndVerify() {
    const QByteArray token = DemoJwt::sign(m_claims, m_key);
    const QList<QByteArray> parts = token.split('.');
    QCOMPARE(parts.size(), 3);
    for (const QByteArray &part : parts)
        QVERIFY(!part.contains('='));
    const QJsonObject header = QJsonDocument::fromJson(*DemoJwt::fromBase64Url(parts.at(0))).object();
    QCOMPARE(header.value(u"alg").toString(), QStringLiteral("HS256"));
    QCOMPARE(header.value(u"typ").toString(), QStringLiteral("JWT"));
    QCOMPARE(DemoJwt::fromBase64Url(parts.at(2))->size(), 32);
    const auto claims = DemoJwt::verify(token, m_key);
    QVERIFY(claims);
    QCOMPARE(*claims, m_claims);
}

void TestDemoJwt::knownVector() {
    // RFC 7515 A.1's key and signing input, signed independently: HS256 over "header.payload".
    const QByteArray key = *DemoJwt::fromBase64Url(
        "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
    const QByteArray token =
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
        ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
        ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    const auto claims = DemoJwt::verify(token, key);
    QVERIFY(claims);
    QCOMPARE(claims->value(u"iss").toString(), QStringLiteral("joe"));
}

void TestDemoJwt::refusesTampering_data() {
    const QByteArray token = DemoJwt::sign(m_claims, m_key);
    const QList<QByteArray> parts = token.split('.');
    const QByteArray otherPayload = DemoJwt::base64Url(R"({"sub":"admin","exp":1700000000})");
    const QByteArray noneHeader = DemoJwt::base64Url(R"({"alg":"none","typ":"JWT"})");

    QTest::addColumn<QByteArray>("token");
    QTest::addColumn<QByteArray>("key");
    QTest::newRow("wrong key") << token << QByteArray("another key");
    QTest::newRow("other payload") << QByteArray(parts.at(0) + '.' + otherPayload + '.' + parts.at(2))
                                   << m_key;
    QTest::newRow("alg none") << QByteArray(noneHeader + '.' + parts.at(1) + '.') << m_key;
    QTest::newRow("alg none, signature kept")
        << QByteArray(noneHeader + '.' + parts.at(1) + '.' + parts.at(2)) << m_key;
    QTest::newRow("two parts") << QByteArray(parts.at(0) + '.' + parts.at(1)) << m_key;
    QTest::newRow("four parts") << QByteArray(token + ".x") << m_key;
    QTest::newRow("padded signature") << QByteArray(token + '=') << m_key;
    QTest::newRow("empty") << QByteArray() << m_key;
    QTest::newRow("truncated signature") << token.chopped(2) << m_key;
}

void TestDemoJwt::refusesTampering() {
    QFETCH(QByteArray, token);
    QFETCH(QByteArray, key);
    QVERIFY(!DemoJwt::verify(token, key));
}

void TestDemoJwt::randomIdsDiffer() {
    const QByteArray a = DemoJwt::randomId();
    QCOMPARE(a.size(), 22); // 16 bytes, unpadded
    QVERIFY(a != DemoJwt::randomId());
}

QTEST_GUILESS_MAIN(TestDemoJwt)
#include "tst_demojwt.moc"
