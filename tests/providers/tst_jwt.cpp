#include "TestJwt.h"
#include "providers/Jwt.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const QByteArray kHeader = QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})");
} // namespace

class TestJwt : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void decodesHeaderAndClaims();
    void paddingOptional_data();
    void paddingOptional();
    void unsecuredJwtHasEmptySignature();
    void exp_data();
    void exp();
    void issuedAtAndNotBefore();
    void notJwt_data();
    void notJwt();
    void oversizedToken();
    void garbageNeverCrashes();
};

void TestJwt::decodesHeaderAndClaims() {
    const QByteArray token = JwtForTests::make(
        QJsonObject{{u"sub"_s, u"user-1"_s}, {u"exp"_s, 1780315200}, {u"roles"_s, QJsonArray{u"admin"_s}}});
    const JwtInfo info = JwtInfo::decode(token);
    QVERIFY(info.isJwt);
    QCOMPARE(info.header.value(u"alg"_s).toString(), u"HS256"_s);
    QCOMPARE(info.header.value(u"typ"_s).toString(), u"JWT"_s);
    QCOMPARE(info.claims.value(u"sub"_s).toString(), u"user-1"_s);
    QCOMPARE(info.claims.value(u"roles"_s).toArray().first().toString(), u"admin"_s);
    QVERIFY(info.expiresAt().has_value());
    QCOMPARE(info.expiresAt()->toSecsSinceEpoch(), qint64(1780315200));
    QCOMPARE(info.expiresAt()->offsetFromUtc(), 0);
}

void TestJwt::paddingOptional_data() {
    QTest::addColumn<QByteArray>("claimsJson");
    QTest::addColumn<bool>("padded");

    // Lengths chosen so that base64 needs 0, 1 and 2 padding characters.
    const QByteArray needsOne = QByteArrayLiteral(R"({"exp":1780315200,"a":"x"})");   // 26 bytes
    const QByteArray needsNone = QByteArrayLiteral(R"({"exp":1780315200,"a":"xy"})"); // 27 bytes
    const QByteArray needsTwo = QByteArrayLiteral(R"({"exp":1780315200,"a":"xyz"})"); // 28 bytes
    QCOMPARE(needsNone.size() % 3, 0);
    QCOMPARE(needsTwo.size() % 3, 1);
    QCOMPARE(needsOne.size() % 3, 2);
    QTest::newRow("no padding needed") << needsNone << false;
    QTest::newRow("two '=' stripped") << needsTwo << false;
    QTest::newRow("two '=' kept") << needsTwo << true;
    QTest::newRow("one '=' stripped") << needsOne << false;
    QTest::newRow("one '=' kept") << needsOne << true;
}

void TestJwt::paddingOptional() {
    QFETCH(QByteArray, claimsJson);
    QFETCH(bool, padded);

    const QByteArray token = JwtForTests::fromRawJson(kHeader, claimsJson, padded);
    QCOMPARE(token.contains('='), padded);
    const JwtInfo info = JwtInfo::decode(token);
    QVERIFY(info.isJwt);
    QVERIFY(info.expiresAt().has_value());
    QCOMPARE(info.expiresAt()->toSecsSinceEpoch(), qint64(1780315200));
}

void TestJwt::unsecuredJwtHasEmptySignature() {
    // alg "none": the third part is empty. Still a JWT for display purposes.
    const QByteArray token = JwtForTests::fromRawJson(QByteArrayLiteral(R"({"alg":"none"})"),
                                                      QByteArrayLiteral(R"({"exp":1780315200})"), false, {});
    QVERIFY(token.endsWith('.'));
    const JwtInfo info = JwtInfo::decode(token);
    QVERIFY(info.isJwt);
    QCOMPARE(info.expiresAt()->toSecsSinceEpoch(), qint64(1780315200));
}

void TestJwt::exp_data() {
    QTest::addColumn<QByteArray>("claimsJson");
    QTest::addColumn<qint64>("expectedSeconds"); // -1: nullopt

    QTest::newRow("whole number") << QByteArrayLiteral(R"({"exp":1780315200})") << qint64(1780315200);
    QTest::newRow("exponent notation, whole")
        << QByteArrayLiteral(R"({"exp":1.7803152e9})") << qint64(1780315200);
    QTest::newRow("zero") << QByteArrayLiteral(R"({"exp":0})") << qint64(0);
    QTest::newRow("string") << QByteArrayLiteral(R"({"exp":"1780315200"})") << qint64(-1);
    QTest::newRow("ISO string") << QByteArrayLiteral(R"({"exp":"2026-06-01T12:00:00Z"})") << qint64(-1);
    QTest::newRow("float") << QByteArrayLiteral(R"({"exp":1780315200.5})") << qint64(-1);
    QTest::newRow("negative") << QByteArrayLiteral(R"({"exp":-1780315200})") << qint64(-1);
    QTest::newRow("absurd") << QByteArrayLiteral(R"({"exp":99999999999999999999})") << qint64(-1);
    QTest::newRow("milliseconds") << QByteArrayLiteral(R"({"exp":1780315200000})") << qint64(-1);
    QTest::newRow("huge exponent") << QByteArrayLiteral(R"({"exp":1e308})") << qint64(-1);
    QTest::newRow("bool") << QByteArrayLiteral(R"({"exp":true})") << qint64(-1);
    QTest::newRow("null") << QByteArrayLiteral(R"({"exp":null})") << qint64(-1);
    QTest::newRow("array") << QByteArrayLiteral(R"({"exp":[1780315200]})") << qint64(-1);
    QTest::newRow("object") << QByteArrayLiteral(R"({"exp":{"v":1780315200}})") << qint64(-1);
    QTest::newRow("missing") << QByteArrayLiteral(R"({"sub":"x"})") << qint64(-1);
}

void TestJwt::exp() {
    QFETCH(QByteArray, claimsJson);
    QFETCH(qint64, expectedSeconds);

    const JwtInfo info = JwtInfo::decode(JwtForTests::fromRawJson(kHeader, claimsJson));
    QVERIFY(info.isJwt); // the token itself is fine; only exp is unusable
    const auto exp = info.expiresAt();
    if (expectedSeconds < 0) {
        QVERIFY2(!exp, qPrintable(exp ? exp->toString(Qt::ISODate) : QString()));
        return;
    }
    QVERIFY(exp.has_value());
    QCOMPARE(exp->toSecsSinceEpoch(), expectedSeconds);
}

void TestJwt::issuedAtAndNotBefore() {
    const JwtInfo info = JwtInfo::decode(JwtForTests::fromRawJson(
        kHeader, QByteArrayLiteral(R"({"iat":1780000000,"nbf":1780000060,"exp":"x"})")));
    QVERIFY(info.isJwt);
    QCOMPARE(info.issuedAt()->toSecsSinceEpoch(), qint64(1780000000));
    QCOMPARE(info.notBefore()->toSecsSinceEpoch(), qint64(1780000060));
    QVERIFY(!info.expiresAt());

    const JwtInfo bad = JwtInfo::decode(
        JwtForTests::fromRawJson(kHeader, QByteArrayLiteral(R"({"iat":"1780000000","nbf":-5})")));
    QVERIFY(bad.isJwt);
    QVERIFY(!bad.issuedAt());
    QVERIFY(!bad.notBefore());
}

void TestJwt::notJwt_data() {
    QTest::addColumn<QByteArray>("token");

    const QByteArray header = JwtForTests::base64Url(kHeader);
    const QByteArray claims = JwtForTests::base64Url(QByteArrayLiteral(R"({"exp":1780315200})"));
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("opaque hex") << QByteArrayLiteral("3f9a0c7d2e1b4a5f8c6d");
    QTest::newRow("opaque with dots") << QByteArrayLiteral("abc.def.ghi");
    QTest::newRow("only dots") << QByteArrayLiteral("..");
    QTest::newRow("two parts") << QByteArray(header + '.' + claims);
    QTest::newRow("four parts") << QByteArray(header + '.' + claims + ".sig.extra");
    QTest::newRow("JWE-like five parts") << QByteArray(header + '.' + claims + ".a.b.c");
    QTest::newRow("empty header") << QByteArray('.' + claims + ".sig");
    QTest::newRow("empty claims") << QByteArray(header + "..sig");
    QTest::newRow("claims not JSON") << QByteArray(header + '.' + JwtForTests::base64Url("not json") +
                                                   ".sig");
    QTest::newRow("claims an array") << QByteArray(
        header + '.' + JwtForTests::base64Url(QByteArrayLiteral("[1780315200]")) + ".sig");
    QTest::newRow("claims a number") << QByteArray(header + '.' + JwtForTests::base64Url("42") + ".sig");
    QTest::newRow("header a string") << QByteArray(JwtForTests::base64Url("\"HS256\"") + '.' + claims +
                                                   ".sig");
    QTest::newRow("standard base64 alphabet")
        << QByteArray(header + '.' + QByteArrayLiteral("eyJ+/w") + ".sig");
    QTest::newRow("wrong padding") << QByteArray(header + '.' + QByteArrayLiteral("YQ=") + ".sig");
    QTest::newRow("space inside") << QByteArray(header + ". " + claims + ".sig");
    QTest::newRow("Bearer prefix kept") << QByteArray("Bearer " + header + '.' + claims + ".sig");
    QTest::newRow("truncated JSON claims")
        << QByteArray(header + '.' + JwtForTests::base64Url(QByteArrayLiteral(R"({"exp":17803)")) + ".sig");
}

void TestJwt::notJwt() {
    QFETCH(QByteArray, token);

    const JwtInfo info = JwtInfo::decode(token);
    QVERIFY(!info.isJwt);
    QVERIFY(info.header.isEmpty());
    QVERIFY(info.claims.isEmpty());
    QVERIFY(!info.expiresAt());
    QVERIFY(!info.issuedAt());
    QVERIFY(!info.notBefore());
}

void TestJwt::oversizedToken() {
    // A valid JWT just over 64 KiB is refused before any decoding work.
    QByteArray padding(70 * 1024, 'a');
    const QByteArray big =
        JwtForTests::make(QJsonObject{{u"exp"_s, 1780315200}, {u"pad"_s, QString::fromLatin1(padding)}});
    QVERIFY(big.size() > 64 * 1024);
    QVERIFY(!JwtInfo::decode(big).isJwt);

    const QByteArray small = JwtForTests::make(QJsonObject{{u"exp"_s, 1780315200}, {u"pad"_s, u"aaaa"_s}});
    QVERIFY(JwtInfo::decode(small).isJwt);
}

void TestJwt::garbageNeverCrashes() {
    // Deterministic junk: every byte value, lots of dots, embedded NULs.
    QByteArray junk;
    for (int i = 0; i < 4096; ++i)
        junk.append(char((i * 131 + 7) & 0xff));
    QVERIFY(!JwtInfo::decode(junk).isJwt);
    QVERIFY(!JwtInfo::decode(QByteArray(1000, '.')).isJwt);
    QVERIFY(!JwtInfo::decode(QByteArray("\0.\0.\0", 5)).isJwt);
    for (int cut = 0; cut < 60; ++cut) {
        const QByteArray token = JwtForTests::withExp(1780315200).left(cut);
        const JwtInfo info = JwtInfo::decode(token); // must not crash; result depends on where it was cut
        if (!info.isJwt)
            QVERIFY(!info.expiresAt());
    }
}

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
