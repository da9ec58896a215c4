#include "providers/Timestamp.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QTest>
#include <QTimeZone>

#include <limits>

using namespace Qt::StringLiterals;

namespace {
QDateTime utc(int y, int mo, int d, int h, int mi, int s, int ms = 0) {
    return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc());
}
} // namespace

class TestTimestamp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parseText_data();
    void parseText();
    void parseJson_data();
    void parseJson();
    void fromUnixSeconds_data();
    void fromUnixSeconds();
    void resultIsUtc();
};

void TestTimestamp::parseText_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected"); // invalid: nullopt

    // The documents' own examples.
    QTest::newRow("partner offset+ms")
        << u"2026-06-26T07:56:42.199+00:00"_s << utc(2026, 6, 26, 7, 56, 42, 199);
    QTest::newRow("partner refresh") << u"2026-07-25T07:56:42.201+00:00"_s
                                     << utc(2026, 7, 25, 7, 56, 42, 201);
    QTest::newRow("partner no zone = UTC") << u"2026-06-01T12:00:00"_s << utc(2026, 6, 1, 12, 0, 0);
    QTest::newRow("b2b Z") << u"2024-01-15T10:30:00Z"_s << utc(2024, 1, 15, 10, 30, 0);
    QTest::newRow("user no zone") << u"2024-06-15T18:30:00"_s << utc(2024, 6, 15, 18, 30, 0);

    // Offsets move the instant.
    QTest::newRow("+02:00") << u"2026-06-01T12:00:00+02:00"_s << utc(2026, 6, 1, 10, 0, 0);
    QTest::newRow("-05:30") << u"2026-06-01T12:00:00-05:30"_s << utc(2026, 6, 1, 17, 30, 0);
    QTest::newRow("+0530 no colon") << u"2026-06-01T12:00:00+0530"_s << utc(2026, 6, 1, 6, 30, 0);
    QTest::newRow("+01 hours only") << u"2026-06-01T12:00:00+01"_s << utc(2026, 6, 1, 11, 0, 0);
    QTest::newRow("offset crosses midnight") << u"2026-06-01T01:00:00+03:00"_s << utc(2026, 5, 31, 22, 0, 0);
    QTest::newRow("lower-case z") << u"2026-06-01T12:00:00z"_s << utc(2026, 6, 1, 12, 0, 0);

    // Fractions: milliseconds kept, longer fractions truncated, shorter ones scaled.
    QTest::newRow("fraction .5") << u"2026-06-01T12:00:00.5Z"_s << utc(2026, 6, 1, 12, 0, 0, 500);
    QTest::newRow("fraction .05") << u"2026-06-01T12:00:00.05Z"_s << utc(2026, 6, 1, 12, 0, 0, 50);
    QTest::newRow("fraction micro") << u"2026-06-01T12:00:00.123456Z"_s << utc(2026, 6, 1, 12, 0, 0, 123);
    QTest::newRow("fraction nano") << u"2026-06-01T12:00:00.987654321+00:00"_s
                                   << utc(2026, 6, 1, 12, 0, 0, 987);
    QTest::newRow("fraction comma") << u"2026-06-01T12:00:00,25Z"_s << utc(2026, 6, 1, 12, 0, 0, 250);

    // Lenient but unambiguous variants.
    QTest::newRow("space separator") << u"2026-06-01 12:00:00Z"_s << utc(2026, 6, 1, 12, 0, 0);
    QTest::newRow("no seconds") << u"2026-06-01T12:00Z"_s << utc(2026, 6, 1, 12, 0, 0);
    QTest::newRow("surrounding spaces") << u"  2026-06-01T12:00:00Z \n"_s << utc(2026, 6, 1, 12, 0, 0);
    QTest::newRow("leap day") << u"2028-02-29T00:00:00Z"_s << utc(2028, 2, 29, 0, 0, 0);

    // Range: 1970..2200 inclusive.
    QTest::newRow("epoch") << u"1970-01-01T00:00:00Z"_s << utc(1970, 1, 1, 0, 0, 0);
    QTest::newRow("2200 exactly") << u"2200-01-01T00:00:00Z"_s << utc(2200, 1, 1, 0, 0, 0);
    QTest::newRow("before epoch") << u"1969-12-31T23:59:59Z"_s << QDateTime();
    QTest::newRow("offset pushes before epoch") << u"1970-01-01T00:30:00+01:00"_s << QDateTime();
    QTest::newRow("after 2200") << u"2200-01-01T00:00:01Z"_s << QDateTime();
    QTest::newRow("year 9999") << u"9999-12-31T23:59:59Z"_s << QDateTime();

    // Not timestamps.
    QTest::newRow("empty") << QString() << QDateTime();
    QTest::newRow("blank") << u"   "_s << QDateTime();
    QTest::newRow("date only") << u"2026-06-01"_s << QDateTime();
    QTest::newRow("words") << u"tomorrow"_s << QDateTime();
    QTest::newRow("unix seconds as text") << u"1780000000"_s << QDateTime();
    QTest::newRow("HTTP date") << u"Mon, 01 Jun 2026 12:00:00 GMT"_s << QDateTime();
    QTest::newRow("Feb 30") << u"2026-02-30T00:00:00Z"_s << QDateTime();
    QTest::newRow("Feb 29 non-leap") << u"2026-02-29T00:00:00Z"_s << QDateTime();
    QTest::newRow("month 13") << u"2026-13-01T00:00:00Z"_s << QDateTime();
    QTest::newRow("hour 24") << u"2026-06-01T24:00:00Z"_s << QDateTime();
    QTest::newRow("minute 60") << u"2026-06-01T12:60:00Z"_s << QDateTime();
    QTest::newRow("second 61") << u"2026-06-01T12:00:61Z"_s << QDateTime();
    QTest::newRow("offset +19:00") << u"2026-06-01T12:00:00+19:00"_s << QDateTime();
    QTest::newRow("offset minutes 60") << u"2026-06-01T12:00:00+01:60"_s << QDateTime();
    QTest::newRow("named zone") << u"2026-06-01T12:00:00 CET"_s << QDateTime();
    QTest::newRow("two-digit year") << u"26-06-01T12:00:00Z"_s << QDateTime();
    QTest::newRow("trailing junk") << u"2026-06-01T12:00:00Zjunk"_s << QDateTime();
    QTest::newRow("empty fraction") << u"2026-06-01T12:00:00.Z"_s << QDateTime();
    QTest::newRow("ten-digit fraction") << u"2026-06-01T12:00:00.1234567890Z"_s << QDateTime();
}

void TestTimestamp::parseText() {
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);

    const auto parsed = Timestamp::parse(text);
    if (!expected.isValid()) {
        QVERIFY2(!parsed, qPrintable(parsed ? parsed->toString(Qt::ISODateWithMs) : QString()));
        return;
    }
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
    // Also through the QJsonValue overload: strings are the same parse.
    const auto viaJson = Timestamp::parse(QJsonValue(text));
    QVERIFY(viaJson.has_value());
    QCOMPARE(*viaJson, *parsed);
}

void TestTimestamp::parseJson_data() {
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<qint64>("expectedMs"); // -1: nullopt

    QTest::newRow("unix seconds") << QJsonValue(1780000000.0) << qint64(1780000000000);
    QTest::newRow("zero") << QJsonValue(0) << qint64(0);
    QTest::newRow("fractional seconds") << QJsonValue(1780000000.25) << qint64(1780000000250);
    QTest::newRow("2200 exactly") << QJsonValue(7258118400.0) << qint64(7258118400000);
    QTest::newRow("beyond 2200") << QJsonValue(7258118401.0) << qint64(-1);
    QTest::newRow("milliseconds by mistake") << QJsonValue(1780000000000.0) << qint64(-1);
    QTest::newRow("negative") << QJsonValue(-1) << qint64(-1);
    QTest::newRow("huge") << QJsonValue(1e300) << qint64(-1);
    QTest::newRow("ISO string") << QJsonValue(u"2026-06-01T12:00:00Z"_s) << qint64(1780315200000);
    QTest::newRow("numeric string") << QJsonValue(u"1780000000"_s) << qint64(-1);
    QTest::newRow("bool") << QJsonValue(true) << qint64(-1);
    QTest::newRow("null") << QJsonValue(QJsonValue::Null) << qint64(-1);
    QTest::newRow("undefined") << QJsonValue(QJsonValue::Undefined) << qint64(-1);
    QTest::newRow("object") << QJsonValue(QJsonObject{{u"t"_s, 1}}) << qint64(-1);
}

void TestTimestamp::parseJson() {
    QFETCH(QJsonValue, value);
    QFETCH(qint64, expectedMs);

    const auto parsed = Timestamp::parse(value);
    if (expectedMs < 0) {
        QVERIFY(!parsed);
        return;
    }
    QVERIFY(parsed.has_value());
    QCOMPARE(parsed->toMSecsSinceEpoch(), expectedMs);
}

void TestTimestamp::fromUnixSeconds_data() {
    QTest::addColumn<double>("seconds");
    QTest::addColumn<qint64>("expectedMs");

    QTest::newRow("whole") << 1700000000.0 << qint64(1700000000000);
    QTest::newRow("rounds to ms") << 1700000000.0004 << qint64(1700000000000);
    QTest::newRow("nan") << std::numeric_limits<double>::quiet_NaN() << qint64(-1);
    QTest::newRow("inf") << std::numeric_limits<double>::infinity() << qint64(-1);
    QTest::newRow("-inf") << -std::numeric_limits<double>::infinity() << qint64(-1);
    QTest::newRow("just below zero") << -0.5 << qint64(-1);
}

void TestTimestamp::fromUnixSeconds() {
    QFETCH(double, seconds);
    QFETCH(qint64, expectedMs);

    const auto t = Timestamp::fromUnixSeconds(seconds);
    if (expectedMs < 0) {
        QVERIFY(!t);
        return;
    }
    QVERIFY(t.has_value());
    QCOMPARE(t->toMSecsSinceEpoch(), expectedMs);
}

void TestTimestamp::resultIsUtc() {
    // Callers display and compare these; a local-time result would shift countdowns by the user's offset.
    const auto a = Timestamp::parse(u"2026-06-01T12:00:00+02:00"_s);
    QVERIFY(a.has_value());
    QCOMPARE(a->offsetFromUtc(), 0);
    QCOMPARE(a->time(), QTime(10, 0));
    const auto b = Timestamp::fromUnixSeconds(1780315200);
    QVERIFY(b.has_value());
    QCOMPARE(b->offsetFromUtc(), 0);
    QCOMPARE(b->date(), QDate(2026, 6, 1));
    QCOMPARE(b->time(), QTime(12, 0));
}

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
