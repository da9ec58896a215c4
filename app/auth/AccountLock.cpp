#include "AccountLock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QTimer>

namespace {
constexpr int kPollIntervalMs = 20;
}

AccountLock::AccountLock(const QString &directory, const QString &accountId, QObject *parent)
    : QObject(parent)
    , m_path(QDir(directory).filePath(accountId + QStringLiteral(".lock")))
{
    QDir().mkpath(directory);
    QFile::setPermissions(directory, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_file = std::make_unique<QLockFile>(m_path);
    // Only a dead holder makes the lock stale: a live one may legitimately wait for a slow provider.
    m_file->setStaleLockTime(0);
}

AccountLock::~AccountLock()
{
    release();
}

void AccountLock::acquire(int timeoutMs, std::function<void(bool, const QString &)> done)
{
    m_done = std::move(done);
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
    if (m_file->tryLock(0)) {
        m_timer->stop();
        auto done = std::exchange(m_done, {});
        done(true, {});
        return;
    }
    const bool broken = m_file->error() == QLockFile::PermissionError || m_file->error() == QLockFile::UnknownError;
    if (broken || QDateTime::currentMSecsSinceEpoch() >= m_deadline) {
        m_timer->stop();
        auto done = std::exchange(m_done, {});
        done(false, broken ? QCoreApplication::translate("AccountLock", "Cannot create the lock file %1.").arg(m_path)
                           : QCoreApplication::translate("AccountLock", "Another TokenDesk process is still "
                                                                        "renewing this account; try again shortly."));
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
    if (m_file && m_file->isLocked())
        m_file->unlock();
}
