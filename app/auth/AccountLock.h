#pragma once

#include <QLockFile>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class QTimer;

// A per-account lock shared by every TokenDesk process (GUI and CLI): one login or refresh at a time per
// account, so a rotating refresh token is never spent twice. Acquired without blocking the event loop
// (polled), released on destruction. A lock left by a dead process is taken over.
class AccountLock : public QObject
{
    Q_OBJECT
public:
    AccountLock(const QString &directory, const QString &accountId, QObject *parent = nullptr);
    ~AccountLock() override;

    // Calls `done(true)` once the lock is held, or `done(false)` after timeoutMs. Never synchronously.
    void acquire(int timeoutMs, std::function<void(bool locked, const QString &error)> done);
    void release();
    bool isLocked() const { return m_file && m_file->isLocked(); }

private:
    void poll();

    QString m_path;
    std::unique_ptr<QLockFile> m_file;
    QTimer *m_timer = nullptr;
    qint64 m_deadline = 0;
    std::function<void(bool, const QString &)> m_done;
};
