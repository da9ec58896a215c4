#pragma once

#include <QObject>
#include <QString>

#include <functional>

class QTimer;

// A per-account lock shared by every TokenDesk process (GUI and CLI): one login or refresh at a time per
// account, so a rotating refresh token is never spent twice. Acquired without blocking the event loop
// (polled), released on destruction. A lock left by a dead process is taken over.
//
// It is an flock(2) on `<directory>/<accountId>.lock`: the kernel holds the lock and drops it when its
// holder dies, so taking it writes nothing and syncs nothing. (QLockFile writes the holder's pid into the
// file and fdatasync()s it, 2–5 ms on a loaded disk: "Log in all" with 1,000 accounts stalled the GUI for
// seconds.) The file stays when the lock is released: removing it would let a second process lock a new
// file of the same name while a third still holds the old one.
class AccountLock : public QObject
{
    Q_OBJECT
public:
    AccountLock(const QString &directory, const QString &accountId, QObject *parent = nullptr);
    ~AccountLock() override;

    // Calls `done(true)` once the lock is held, or `done(false)` after timeoutMs. Never synchronously.
    void acquire(int timeoutMs, std::function<void(bool locked, const QString &error)> done);
    void release();
    bool isLocked() const { return m_locked; }
    // After done(false): whether the wait ran out (another process held the lock all along), as opposed
    // to a lock file that could not be created.
    bool timedOut() const { return m_timedOut; }

private:
    void poll();

    QString m_path;
    int m_fd = -1;
    bool m_locked = false;
    bool m_timedOut = false;
    QTimer *m_timer = nullptr;
    qint64 m_deadline = 0;
    int m_timeoutMs = 0;
    std::function<void(bool, const QString &)> m_done;
};
