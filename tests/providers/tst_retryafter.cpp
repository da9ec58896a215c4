#include "auth/RetryAfter.h"

#include <QTest>
#include <QTimeZone>

#include <ctime>

using namespace Qt::StringLiterals;

namespace {
// Sunday 2026-03-01 12:00:00 UTC.
const QDateTime kNow(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());
} // namespace

class TestRetryAfter : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void httpDate_data();
    void httpDate();
    void httpDateIgnoresLocalDaylightSaving();
};

void TestRetryAfter::parse_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<qint64>("expectedDelay"); // seconds after kNow; -1: nullopt

    // delay-seconds
    QTest::newRow("120") << QByteArrayLiteral("120") << qint64(120);
    QTest::newRow("0") << QByteArrayLiteral("0") << qint64(0);
    QTest::newRow("1") << QByteArrayLiteral("1") << qint64(1);
    QTest::newRow("spaces around") << QByteArrayLiteral("  30 ") << qint64(30);
    QTest::newRow("leading zeros") << QByteArrayLiteral("0060") << qint64(60);
    QTest::newRow("exactly a day") << QByteArrayLiteral("86400") << qint64(86400);
    QTest::newRow("over a day: capped") << QByteArrayLiteral("86401") << qint64(86400);
    QTest::newRow("a year: capped") << QByteArrayLiteral("31536000") << qint64(86400);
    QTest::newRow("12 digits: capped") << QByteArrayLiteral("999999999999") << qint64(86400);
    // Any delay-seconds is a valid value (RFC 9110: 1*DIGIT); a long one is still "wait a long time".
    QTest::newRow("13 digits: capped") << QByteArrayLiteral("9999999999999") << qint64(86400);
    QTest::newRow("30 digits: capped") << QByteArray(30, '9') << qint64(86400);

    // HTTP-date, all three forms RFC 9110 requires recipients to accept.
    QTest::newRow("IMF-fixdate +5 min") << QByteArrayLiteral("Sun, 01 Mar 2026 12:05:00 GMT") << qint64(300);
    QTest::newRow("IMF-fixdate next day")
        << QByteArrayLiteral("Mon, 02 Mar 2026 11:00:00 GMT") << qint64(82800);
    QTest::newRow("IMF-fixdate in the past: now")
        << QByteArrayLiteral("Sun, 01 Mar 2026 11:00:00 GMT") << qint64(0);
    QTest::newRow("IMF-fixdate long past: now")
        << QByteArrayLiteral("Wed, 01 Jan 2020 00:00:00 GMT") << qint64(0);
    QTest::newRow("IMF-fixdate far future: capped")
        << QByteArrayLiteral("Tue, 01 Jan 2030 00:00:00 GMT") << qint64(86400);
    QTest::newRow("IMF-fixdate exactly now")
        << QByteArrayLiteral("Sun, 01 Mar 2026 12:00:00 GMT") << qint64(0);
    QTest::newRow("asctime +5 min") << QByteArrayLiteral("Sun Mar  1 12:05:00 2026") << qint64(300);
    QTest::newRow("RFC 850 +5 min") << QByteArrayLiteral("Sunday, 01-Mar-26 12:05:00 GMT") << qint64(300);

    // Not Retry-After values.
    QTest::newRow("empty") << QByteArray() << qint64(-1);
    QTest::newRow("blank") << QByteArrayLiteral("   ") << qint64(-1);
    QTest::newRow("negative") << QByteArrayLiteral("-5") << qint64(-1);
    QTest::newRow("plus sign") << QByteArrayLiteral("+5") << qint64(-1);
    QTest::newRow("fraction") << QByteArrayLiteral("1.5") << qint64(-1);
    QTest::newRow("unit") << QByteArrayLiteral("30s") << qint64(-1);
    QTest::newRow("words") << QByteArrayLiteral("later") << qint64(-1);
    QTest::newRow("ISO date") << QByteArrayLiteral("2026-03-01T12:05:00Z") << qint64(-1);
    QTest::newRow("not GMT") << QByteArrayLiteral("Sun, 01 Mar 2026 12:05:00 UTC") << qint64(-1);
    QTest::newRow("no zone") << QByteArrayLiteral("Sun, 01 Mar 2026 12:05:00") << qint64(-1);
    QTest::newRow("invalid date") << QByteArrayLiteral("Mon, 30 Feb 2026 12:05:00 GMT") << qint64(-1);
    QTest::newRow("very long") << QByteArray(500, 'a') << qint64(-1);
}

void TestRetryAfter::parse() {
    QFETCH(QByteArray, value);
    QFETCH(qint64, expectedDelay);

    const auto until = RetryAfter::parse(value, kNow);
    if (expectedDelay < 0) {
        QVERIFY2(!until, qPrintable(until ? until->toString(Qt::ISODate) : QString()));
        return;
    }
    QVERIFY2(until.has_value(), value.constData());
    QCOMPARE(kNow.secsTo(*until), expectedDelay);
}

void TestRetryAfter::httpDate_data() {
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QDateTime>("expected"); // invalid: nullopt

    const QDateTime oct21(QDate(2026, 10, 21), QTime(7, 28), QTimeZone::utc());
    QTest::newRow("IMF-fixdate") << QByteArrayLiteral("Wed, 21 Oct 2026 07:28:00 GMT") << oct21;
    QTest::newRow("RFC 850") << QByteArrayLiteral("Wednesday, 21-Oct-26 07:28:00 GMT") << oct21;
    QTest::newRow("asctime") << QByteArrayLiteral("Wed Oct 21 07:28:00 2026") << oct21;
    QTest::newRow("RFC 850, last century")
        << QByteArrayLiteral("Sunday, 06-Nov-94 08:49:37 GMT")
        << QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), QTimeZone::utc());
    QTest::newRow("RFC 9110 example") << QByteArrayLiteral("Sun, 06 Nov 1994 08:49:37 GMT")
                                      << QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), QTimeZone::utc());
    QTest::newRow("asctime, one-digit day")
        << QByteArrayLiteral("Sun Nov  6 08:49:37 1994")
        << QDateTime(QDate(1994, 11, 6), QTime(8, 49, 37), QTimeZone::utc());
    QTest::newRow("seconds") << QByteArrayLiteral("120") << QDateTime();
    QTest::newRow("garbage") << QByteArrayLiteral("Wed, 21 Oct") << QDateTime();
}

void TestRetryAfter::httpDate() {
    QFETCH(QByteArray, value);
    QFETCH(QDateTime, expected);

    const auto t = RetryAfter::parseHttpDate(value);
    if (!expected.isValid()) {
        QVERIFY(!t);
        return;
    }
    QVERIFY2(t.has_value(), value.constData());
    QCOMPARE(t->toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
    QCOMPARE(t->offsetFromUtc(), 0);
}

void TestRetryAfter::httpDateIgnoresLocalDaylightSaving() {
    // An HTTP-date is GMT. 02:30 on 29 March 2026 does not exist in Berlin local time (clocks jump from
    // 02:00 to 03:00), which must not matter to a GMT instant.
    const QByteArray previousTz = qgetenv("TZ");
    const bool hadTz = qEnvironmentVariableIsSet("TZ");
    qputenv("TZ", "Europe/Berlin");
    tzset();
    const auto t = RetryAfter::parseHttpDate(QByteArrayLiteral("Sun, 29 Mar 2026 02:30:00 GMT"));
    const auto unaffected = RetryAfter::parseHttpDate(QByteArrayLiteral("Sun, 29 Mar 2026 04:30:00 GMT"));
    if (hadTz)
        qputenv("TZ", previousTz);
    else
        qunsetenv("TZ");
    tzset();

    QVERIFY(unaffected.has_value());
    QCOMPARE(unaffected->toMSecsSinceEpoch(),
             QDateTime(QDate(2026, 3, 29), QTime(4, 30), QTimeZone::utc()).toMSecsSinceEpoch());
    QVERIFY2(t.has_value(), "an HTTP-date inside the local DST gap was rejected");
    QCOMPARE(t->toMSecsSinceEpoch(),
             QDateTime(QDate(2026, 3, 29), QTime(2, 30), QTimeZone::utc()).toMSecsSinceEpoch());
}

QTEST_GUILESS_MAIN(TestRetryAfter)
#include "tst_retryafter.moc"
