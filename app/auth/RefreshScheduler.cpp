#include "RefreshScheduler.h"

#include "Clock.h"

#include <QTimeZone>
#include <QTimer>

namespace {
constexpr qint64 kMaxTimerMs = 24LL * 3600 * 1000; // QTimer takes an int; re-check at least daily
}

RefreshScheduler::RefreshScheduler(const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setTimerType(Qt::CoarseTimer);
    connect(m_timer, &QTimer::timeout, this, &RefreshScheduler::runDue);
}

qint64 RefreshScheduler::leadSeconds(const QDateTime &obtainedAt, const QDateTime &expiresAt, qint64 maxLeadSeconds)
{
    const qint64 lifetime = obtainedAt.isValid() && expiresAt.isValid() ? obtainedAt.secsTo(expiresAt) : 0;
    return qBound(kMinLeadSeconds, lifetime / 10, qMax(kMinLeadSeconds, maxLeadSeconds));
}

void RefreshScheduler::schedule(const QString &accountId, const QDateTime &when)
{
    const qint64 ms = when.toMSecsSinceEpoch();
    if (const auto it = m_dueById.constFind(accountId); it != m_dueById.constEnd() && *it == ms)
        return;
    insert(accountId, ms);
    rearm();
}

void RefreshScheduler::scheduleMany(const QList<std::pair<QString, QDateTime>> &entries)
{
    if (entries.isEmpty())
        return;
    m_dueById.reserve(m_dueById.size() + entries.size());
    for (const auto &[id, when] : entries)
        insert(id, when.toMSecsSinceEpoch());
    rearm();
}

void RefreshScheduler::insert(const QString &accountId, qint64 ms)
{
    const auto it = m_dueById.find(accountId);
    if (it != m_dueById.end()) {
        if (*it == ms)
            return;
        m_queue.erase({*it, accountId});
        *it = ms;
    } else {
        m_dueById.insert(accountId, ms);
    }
    m_queue.insert({ms, accountId});
}

void RefreshScheduler::unschedule(const QString &accountId)
{
    const auto it = m_dueById.constFind(accountId);
    if (it == m_dueById.constEnd())
        return;
    m_queue.erase({*it, accountId});
    m_dueById.erase(it);
    rearm();
}

void RefreshScheduler::clear()
{
    m_queue.clear();
    m_dueById.clear();
    m_timer->stop();
}

QDateTime RefreshScheduler::dueAt(const QString &accountId) const
{
    const auto it = m_dueById.constFind(accountId);
    return it == m_dueById.constEnd() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(*it, QTimeZone::utc());
}

void RefreshScheduler::runDue()
{
    const qint64 now = m_clock->now().toMSecsSinceEpoch();
    QStringList dueIds;
    while (!m_queue.empty() && m_queue.begin()->first <= now) {
        dueIds.append(m_queue.begin()->second);
        m_dueById.remove(m_queue.begin()->second);
        m_queue.erase(m_queue.begin());
    }
    rearm();
    for (const QString &id : std::as_const(dueIds))
        Q_EMIT due(id); // receivers may schedule again
}

void RefreshScheduler::rearm()
{
    if (m_queue.empty()) {
        m_timer->stop();
        return;
    }
    const qint64 delay = m_queue.begin()->first - m_clock->now().toMSecsSinceEpoch();
    m_timer->start(int(qBound<qint64>(0, delay, kMaxTimerMs)));
}
