#pragma once

#include <QString>

#include <chrono>

// The store-wide lock of AccountStore: flock(2) on "<file>.lock". The kernel releases it when the holder
// dies, however it dies; QLockFile's lock file, left empty by a process killed while creating it, counted as
// held for its whole stale time (found by tst_configcrash).
class AccountStoreLock {
public:
    // Opens (creates) the lock file; it is not locked yet.
    explicit AccountStoreLock(const QString &path);
    ~AccountStoreLock() { unlock(); }
    AccountStoreLock(const AccountStoreLock &) = delete;
    AccountStoreLock &operator=(const AccountStoreLock &) = delete;

    bool isOpen() const { return m_fd >= 0; }
    // Waits up to `timeout` for the lock.
    bool tryLock(std::chrono::milliseconds timeout);
    void unlock();

private:
    int m_fd = -1;
};
