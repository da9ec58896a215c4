#include "AccountStoreLock.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QThread>

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

AccountStoreLock::AccountStoreLock(const QString &path)
    : m_fd(::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {}

bool AccountStoreLock::tryLock(std::chrono::milliseconds timeout) {
    const QDeadlineTimer deadline(timeout);
    while (m_fd >= 0) {
        if (::flock(m_fd, LOCK_EX | LOCK_NB) == 0)
            return true;
        if ((errno != EWOULDBLOCK && errno != EINTR) || deadline.hasExpired())
            return false;
        QThread::msleep(5);
    }
    return false;
}

void AccountStoreLock::unlock() {
    if (m_fd >= 0)
        ::close(m_fd); // releases the lock
    m_fd = -1;
}
