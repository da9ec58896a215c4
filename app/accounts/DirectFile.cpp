#include "DirectFile.h"

#include <QCoreApplication>
#include <QFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace DirectFile {

#ifdef Q_OS_UNIX

namespace {

bool isStream(mode_t mode)
{
    return S_ISFIFO(mode) || S_ISCHR(mode);
}

// SIGPIPE ignored while it lives: a FIFO whose reader has gone makes write() fail with EPIPE instead of
// ending the process without a word.
class IgnoreSigpipe
{
public:
    IgnoreSigpipe()
    {
        struct sigaction ignore = {};
        ignore.sa_handler = SIG_IGN;
        sigemptyset(&ignore.sa_mask);
        m_saved = ::sigaction(SIGPIPE, &ignore, &m_previous) == 0;
    }
    ~IgnoreSigpipe()
    {
        if (m_saved)
            ::sigaction(SIGPIPE, &m_previous, nullptr);
    }
    IgnoreSigpipe(const IgnoreSigpipe &) = delete;
    IgnoreSigpipe &operator=(const IgnoreSigpipe &) = delete;

private:
    struct sigaction m_previous = {};
    bool m_saved = false;
};

} // namespace

Kind kindOf(const QString &path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return Kind::RegularOrMissing; // missing (or unreadable): the atomic replace says why if it fails
    if (S_ISREG(st.st_mode))
        return Kind::RegularOrMissing;
    return isStream(st.st_mode) ? Kind::Stream : Kind::Other;
}

bool write(const QString &path, const QByteArray &contents, QString *reason)
{
    const auto fail = [&](int error) {
        if (reason)
            *reason = qt_error_string(error);
        return false;
    };
    const IgnoreSigpipe ignoreSigpipe;
    // No O_CREAT or O_TRUNC: this is for what exists and is not a regular file.
    int fd = -1;
    do {
        fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_NOCTTY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0)
        return fail(errno);
    // It may have been replaced by a regular file since kindOf(): writing into that without truncating it
    // would leave the old file's tail. Refuse; the caller said what it expected.
    struct stat st = {};
    if (::fstat(fd, &st) != 0 || !isStream(st.st_mode)) {
        ::close(fd);
        if (reason)
            *reason = QCoreApplication::translate("DirectFile",
                                                  "it was replaced while being opened; nothing was written");
        return false;
    }
    for (qsizetype done = 0; done < contents.size();) {
        const ssize_t n = ::write(fd, contents.constData() + done, size_t(contents.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int error = n < 0 ? errno : EIO;
            ::close(fd);
            return fail(error);
        }
        done += n;
    }
    if (::close(fd) != 0 && errno != EINTR)
        return fail(errno);
    return true;
}

#else

Kind kindOf(const QString &)
{
    return Kind::RegularOrMissing;
}

bool write(const QString &, const QByteArray &, QString *reason)
{
    if (reason)
        *reason = QCoreApplication::translate("DirectFile", "not supported on this system");
    return false;
}

#endif

} // namespace DirectFile
