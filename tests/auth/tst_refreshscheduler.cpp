#include "auth/Clock.h"
#include "auth/RefreshScheduler.h"

#include <QSignalSpy>
#include <QTest>

class TestRefreshScheduler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void leadTime_data();
    void leadTime();
    void leadTimeWithAnotherMaximum();
    void emitsOnlyWhatIsDue();
    void rescheduleReplaces();
    void timerFiresForEarliest();
    void scheduleManyAsOne();
    void rescheduledAndUnscheduledEntriesFireOnceInOrder();
};

void TestRefreshScheduler::leadTime_data()
{
    QTest::addColumn<qint64>("lifetime");
    QTest::addColumn<qint64>("lead");
    QTest::newRow("12 s: at least 10 s") << qint64(12) << qint64(10);
    QTest::newRow("5 min: 10%") << qint64(300) << qint64(30);
    QTest::newRow("1 h: at most 5 min") << qint64(3600) << qint64(300);
    QTest::newRow("24 h: at most 5 min") << qint64(86400) << qint64(300);
}

void TestRefreshScheduler::leadTime()
{
    QFETCH(qint64, lifetime);
    QFETCH(qint64, lead);
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    QCOMPARE(RefreshScheduler::leadSeconds(t0, t0.addSecs(lifetime)), lead);
    QCOMPARE(RefreshScheduler::leadSeconds({}, t0), qint64(10)); // unknown start: the minimum
    QCOMPARE(RefreshScheduler::leadSecondsForLifetime(lifetime), lead);
}

void TestRefreshScheduler::leadTimeWithAnotherMaximum()
{
    const QDateTime t0 = QDateTime::currentDateTimeUtc();
    QCOMPARE(RefreshScheduler::leadSeconds(t0, t0.addSecs(3600), 60), qint64(60));    // the setting
    QCOMPARE(RefreshScheduler::leadSeconds(t0, t0.addSecs(86400), 1800), qint64(1800));
    QCOMPARE(RefreshScheduler::leadSeconds(t0, t0.addSecs(3600), 1800), qint64(360)); // still 10 %
    QCOMPARE(RefreshScheduler::leadSeconds(t0, t0.addSecs(3600), 0), qint64(10));     // never below 10 s
}

void TestRefreshScheduler::emitsOnlyWhatIsDue()
{
    ManualClock clock;
    RefreshScheduler s(&clock);
    QSignalSpy due(&s, &RefreshScheduler::due);
    for (int i = 0; i < 1000; ++i)
        s.schedule(QStringLiteral("a%1").arg(i), clock.now().addSecs(100 + i));
    QCOMPARE(s.size(), 1000);
    clock.advance(104'500);
    s.runDue();
    QCOMPARE(due.count(), 5); // a0..a4
    QCOMPARE(due.first().first().toString(), QStringLiteral("a0"));
    QCOMPARE(s.size(), 995);
    s.unschedule(QStringLiteral("a5"));
    clock.advance(1000);
    s.runDue();
    QCOMPARE(due.count(), 5);
}

void TestRefreshScheduler::rescheduleReplaces()
{
    ManualClock clock;
    RefreshScheduler s(&clock);
    QSignalSpy due(&s, &RefreshScheduler::due);
    s.schedule(QStringLiteral("x"), clock.now().addSecs(10));
    s.schedule(QStringLiteral("x"), clock.now().addSecs(60));
    QCOMPARE(s.size(), 1);
    clock.advance(30'000);
    s.runDue();
    QCOMPARE(due.count(), 0);
    QCOMPARE(s.dueAt(QStringLiteral("x")), clock.now().addSecs(30));
}

void TestRefreshScheduler::timerFiresForEarliest()
{
    SystemClock clock;
    RefreshScheduler s(&clock);
    QSignalSpy due(&s, &RefreshScheduler::due);
    s.schedule(QStringLiteral("late"), clock.now().addSecs(3600));
    s.schedule(QStringLiteral("soon"), clock.now().addMSecs(50));
    QTRY_COMPARE(due.count(), 1);
    QCOMPARE(due.first().first().toString(), QStringLiteral("soon"));
}

void TestRefreshScheduler::scheduleManyAsOne()
{
    SystemClock clock;
    RefreshScheduler s(&clock);
    QSignalSpy due(&s, &RefreshScheduler::due);
    s.schedule(QStringLiteral("a1"), clock.now().addSecs(5)); // replaced by the batch
    s.scheduleMany({});
    QCOMPARE(s.size(), 1);
    QList<std::pair<QString, qint64>> batch;
    for (int i = 0; i < 500; ++i)
        batch.append({QStringLiteral("a%1").arg(i), clock.now().addSecs(3600 + i).toMSecsSinceEpoch()});
    batch.append({QStringLiteral("soon"), clock.now().addMSecs(50).toMSecsSinceEpoch()});
    s.scheduleMany(batch);
    QCOMPARE(s.size(), 501);
    QCOMPARE(s.dueAt(QStringLiteral("a1")).toMSecsSinceEpoch(), batch.at(1).second);
    QCOMPARE(s.dueAt(QStringLiteral("a499")).toMSecsSinceEpoch(), batch.at(499).second);
    // The batch armed the timer for its earliest entry, wherever it was in the batch.
    QTRY_COMPARE(due.count(), 1);
    QCOMPARE(due.first().first().toString(), QStringLiteral("soon"));
    QCOMPARE(s.size(), 500);
}

QTEST_GUILESS_MAIN(TestRefreshScheduler)
#include "tst_refreshscheduler.moc"

// Rescheduling and unscheduling leave stale entries in the queue: none of them fires, every account fires
// once at its latest time, in (time, id) order, also after many changes (the queue is compacted).
void TestRefreshScheduler::rescheduledAndUnscheduledEntriesFireOnceInOrder()
{
    ManualClock clock;
    const QDateTime t0 = clock.now();
    RefreshScheduler s(&clock);
    QSignalSpy due(&s, &RefreshScheduler::due);
    QList<std::pair<QString, qint64>> batch;
    for (int i = 0; i < 300; ++i)
        batch.append({QStringLiteral("a%1").arg(i, 3, 10, QLatin1Char('0')), t0.addSecs(1000 + i).toMSecsSinceEpoch()});
    batch.append({QStringLiteral("a000"), t0.addSecs(2000).toMSecsSinceEpoch()}); // a repeated id in a batch: the last time
    s.scheduleMany(batch);
    QCOMPARE(s.size(), 300);
    QCOMPARE(s.dueAt(QStringLiteral("a000")), t0.addSecs(2000));
    // Back and forth: the old times must not fire, nor the time an account had twice fire it twice.
    for (int round = 0; round < 5; ++round) {
        for (int i = 1; i < 300; i += 2) {
            const QString id = QStringLiteral("a%1").arg(i, 3, 10, QLatin1Char('0'));
            s.schedule(id, t0.addSecs(500 + i));
            s.schedule(id, t0.addSecs(1000 + i));
        }
    }
    s.unschedule(QStringLiteral("a002"));
    s.schedule(QStringLiteral("a004"), t0.addSecs(1000)); // ties with nobody now; a000 moved to 2000
    QCOMPARE(s.size(), 299);

    clock.set(t0.addSecs(1000 + 299));
    s.runDue();
    QStringList fired;
    for (const QList<QVariant> &signal : std::as_const(due))
        fired.append(signal.first().toString());
    QStringList expected{QStringLiteral("a004")}; // at 1000
    for (int i = 1; i < 300; ++i) {
        if (i != 2 && i != 4)
            expected.append(QStringLiteral("a%1").arg(i, 3, 10, QLatin1Char('0')));
    }
    QCOMPARE(fired, expected);
    QCOMPARE(s.size(), 1);
    clock.set(t0.addSecs(5000));
    s.runDue();
    QCOMPARE(due.count(), expected.size() + 1);
    QCOMPARE(due.last().first().toString(), QStringLiteral("a000"));
    QCOMPARE(s.size(), 0);
    s.runDue();
    QCOMPARE(due.count(), expected.size() + 1);
}
