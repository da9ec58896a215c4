#include "RefreshScheduler.h"

#include "Clock.h"

#include <QTimeZone>
#include <QTimer>

#include <algorithm>
#include <functional>

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
    return leadSecondsForLifetime(lifetime, maxLeadSeconds);
}

void RefreshScheduler::schedule(const QString &accountId, const QDateTime &when)
{
    schedule(accountId, when.toMSecsSinceEpoch());
}

void RefreshScheduler::schedule(const QString &accountId, qint64 whenMs)
{
    if (insert(accountId, whenMs))
        rearm();
}

void RefreshScheduler::scheduleMany(const QList<std::pair<QString, qint64>> &entries)
{
    if (entries.isEmpty())
        return;
    if (!m_dueById.isEmpty()) {
        m_dueById.reserve(m_dueById.size() + entries.size());
        for (const auto &[id, when] : entries)
            insert(id, when);
        rearm();
        return;
    }
    // Nothing scheduled yet (start-up): the times first (a repeated id: the last one, as with schedule()),
    // then the heap built from them at once.
    m_dueById.reserve(entries.size());
    for (const auto &[id, when] : entries)
        m_dueById.insert(id, when);
    rebuildQueue();
    rearm();
}

bool RefreshScheduler::insert(const QString &accountId, qint64 ms)
{
    const qsizetype before = m_dueById.size();
    qint64 &due = m_dueById[accountId];
    if (m_dueById.size() == before && due == ms)
        return false;
    due = ms; // an entry for the old time, if any, is stale from now on
    m_queue.emplace_back(ms, accountId);
    std::push_heap(m_queue.begin(), m_queue.end(), std::greater<>());
    if (qsizetype(m_queue.size()) > 2 * m_dueById.size() + 64)
        rebuildQueue();
    return true;
}

bool RefreshScheduler::isCurrent(const Entry &entry) const
{
    const auto it = m_dueById.constFind(entry.second);
    return it != m_dueById.constEnd() && *it == entry.first;
}

void RefreshScheduler::popStale()
{
    while (!m_queue.empty() && !isCurrent(m_queue.front())) {
        std::pop_heap(m_queue.begin(), m_queue.end(), std::greater<>());
        m_queue.pop_back();
    }
}

void RefreshScheduler::rebuildQueue()
{
    m_queue.clear();
    m_queue.reserve(size_t(m_dueById.size()));
    for (auto it = m_dueById.cbegin(); it != m_dueById.cend(); ++it)
        m_queue.emplace_back(it.value(), it.key());
    std::make_heap(m_queue.begin(), m_queue.end(), std::greater<>());
}

void RefreshScheduler::unschedule(const QString &accountId)
{
    if (m_dueById.remove(accountId)) // its heap entry is stale from now on
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
    for (popStale(); !m_queue.empty() && m_queue.front().first <= now; popStale()) {
        std::pop_heap(m_queue.begin(), m_queue.end(), std::greater<>());
        dueIds.append(std::move(m_queue.back().second));
        m_queue.pop_back();
        m_dueById.remove(dueIds.constLast()); // a second entry for the same time is stale now
    }
    rearm();
    for (const QString &id : std::as_const(dueIds))
        Q_EMIT due(id); // receivers may schedule again
}

void RefreshScheduler::rearm()
{
    popStale();
    if (m_queue.empty()) {
        m_timer->stop();
        return;
    }
    const qint64 delay = m_queue.front().first - m_clock->now().toMSecsSinceEpoch();
    m_timer->start(int(qBound<qint64>(0, delay, kMaxTimerMs)));
}
