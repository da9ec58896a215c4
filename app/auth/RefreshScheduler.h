#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <utility>
#include <vector>

class Clock;
class QTimer;

// Keeps one timer armed for the earliest due account, whatever the number of accounts: O(log n) per
// change, nothing per tick, O(n) to schedule every account at start-up. Emits due(id) when an account's
// time has come.
class RefreshScheduler : public QObject
{
    Q_OBJECT
public:
    explicit RefreshScheduler(const Clock *clock, QObject *parent = nullptr);

    void schedule(const QString &accountId, const QDateTime &when); // replaces an earlier entry
    void schedule(const QString &accountId, qint64 whenMs);         // the same, in ms since epoch
    // schedule() for each entry (ms since epoch), arming the timer once at the end (start-up schedules
    // every account).
    void scheduleMany(const QList<std::pair<QString, qint64>> &entries);
    void unschedule(const QString &accountId);
    void clear();
    QDateTime dueAt(const QString &accountId) const;
    qsizetype size() const { return m_dueById.size(); }

    // Emits due() for every entry whose time has come. The timer calls it; tests call it after moving a
    // ManualClock.
    void runDue();

    // Lead time before expiry: 10% of the lifetime, at least 10 s, at most maxLeadSeconds (default 5 min;
    // the user's "renew ahead" setting). A maximum below 10 s counts as 10 s.
    static qint64 leadSeconds(const QDateTime &obtainedAt, const QDateTime &expiresAt,
                              qint64 maxLeadSeconds = kDefaultMaxLeadSeconds);
    // The same for a lifetime in whole seconds (as QDateTime::secsTo counts it; 0: unknown).
    static qint64 leadSecondsForLifetime(qint64 lifetimeSeconds,
                                         qint64 maxLeadSeconds = kDefaultMaxLeadSeconds)
    {
        return qBound(kMinLeadSeconds, lifetimeSeconds / 10, qMax(kMinLeadSeconds, maxLeadSeconds));
    }

    static constexpr qint64 kMinLeadSeconds = 10;
    static constexpr qint64 kDefaultMaxLeadSeconds = 300;

Q_SIGNALS:
    void due(const QString &accountId);

private:
    using Entry = std::pair<qint64, QString>; // (due ms since epoch, id)

    bool insert(const QString &accountId, qint64 ms); // false: it was due then already
    bool isCurrent(const Entry &entry) const;
    void popStale();
    void rebuildQueue();
    void rearm();

    const Clock *m_clock;
    QTimer *m_timer;
    // A min-heap on (due, id). What an account is due at is m_dueById's; an entry of the heap that no
    // longer matches it (rescheduled, unscheduled) is stale and skipped when it comes up, and the heap is
    // rebuilt from m_dueById when stale entries outnumber the current ones.
    std::vector<Entry> m_queue;
    QHash<QString, qint64> m_dueById;
};
