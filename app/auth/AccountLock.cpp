#include "AccountLock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace {
constexpr int kPollIntervalMs = 20;
}

AccountLock::AccountLock(const QString &directory, const QString &accountId, QObject *parent)
    : QObject(parent)
    , m_path(QDir(directory).filePath(accountId + QStringLiteral(".lock")))
{
    QDir().mkpath(directory);
    QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

AccountLock::~AccountLock()
{
    release();
}

void AccountLock::acquire(int timeoutMs, std::function<void(bool, const QString &)> done)
{
    m_done = std::move(done);
    m_timedOut = false;
    m_timeoutMs = timeoutMs;
    m_deadline = QDateTime::currentMSecsSinceEpoch() + timeoutMs;
    if (!m_timer) {
        m_timer = new QTimer(this);
        m_timer->setInterval(kPollIntervalMs);
        connect(m_timer, &QTimer::timeout, this, &AccountLock::poll);
    }
    QTimer::singleShot(0, this, &AccountLock::poll);
}

void AccountLock::poll()
{
    if (!m_done)
        return;
    if (m_fd < 0)
        m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    bool broken = m_fd < 0;
    if (!broken && ::flock(m_fd, LOCK_EX | LOCK_NB) == 0) {
        m_locked = true;
        m_timer->stop();
        auto done = std::exchange(m_done, {});
        done(true, {});
        return;
    }
    broken = broken || (errno != EWOULDBLOCK && errno != EINTR);
    if (broken || QDateTime::currentMSecsSinceEpoch() >= m_deadline) {
        m_timer->stop();
        m_timedOut = !broken;
        auto done = std::exchange(m_done, {});
        const int waitedSeconds = (m_timeoutMs + 999) / 1000;
        const QString error =
            broken ? QCoreApplication::translate("AccountLock", "Cannot create the lock file %1.").arg(m_path)
                   : QCoreApplication::translate("AccountLock", "Another TokenDesk process is still renewing this "
                                                                "account; gave up after %n second(s). Try again "
                                                                "shortly.", nullptr, waitedSeconds);
        done(false, error);
        return;
    }
    if (!m_timer->isActive())
        m_timer->start();
}

void AccountLock::release()
{
    if (m_timer)
        m_timer->stop();
    m_done = {};
    if (m_fd >= 0) {
        ::close(m_fd); // releases the flock
        m_fd = -1;
    }
    m_locked = false;
}
