#include "AtomicFile.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSaveFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>
#endif

#ifdef Q_OS_UNIX
namespace {
// fsync, again when a signal interrupted it; file systems that cannot sync (EINVAL, EROFS) count as synced.
bool synced(int fd) {
    int result;
    do {
        result = ::fsync(fd);
    } while (result != 0 && errno == EINTR);
    return result == 0 || errno == EINVAL || errno == EROFS;
}
} // namespace
#endif

namespace AtomicFile {

bool replace(const QString &path, const QByteArray &contents, std::optional<QFileDevice::Permissions> permissions,
             QString *reason) {
    QSaveFile file(path);
    const auto fail = [&](const QString &why) {
        if (reason)
            *reason = why;
        file.cancelWriting(); // the temporary file goes, the old file stays
        return false;
    };
    // Unbuffered: each write reaches the system at once, so its error is seen here and not lost in commit().
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return fail(file.errorString());
    if (permissions && !file.setPermissions(*permissions))
        return fail(QCoreApplication::translate("AccountFile", "could not restrict its permissions"));
    // A write that stops short (the disk filled up) is repeated, so that the next one reports why.
    for (qsizetype done = 0; done < contents.size();) {
        const qint64 n = file.write(contents.constData() + done, contents.size() - done);
        if (n <= 0)
            return fail(file.errorString());
        done += n;
    }
    if (!file.flush() || file.error() != QFileDevice::NoError)
        return fail(file.errorString());
#ifdef Q_OS_UNIX
    // commit() syncs too but ignores the result; a file system that reports a full disk only now (NFS,
    // delayed allocation) must not get the file renamed into place.
    if (!synced(file.handle()))
        return fail(qt_error_string(errno));
#endif
    if (!file.commit()) {
        if (reason)
            *reason = file.errorString();
        return false;
    }
#ifdef Q_OS_UNIX
    // The rename is on disk only once the directory is: callers go on to delete what the old file referred
    // to (keychain entries of a replaced account), which a power cut must not bring back. The new file is
    // in place already, so a failure here is not reported as a failed save.
    const QString written = QFileInfo(path).canonicalFilePath(); // QSaveFile replaces a symlink's target
    const QByteArray folder = QFile::encodeName(QFileInfo(written.isEmpty() ? path : written).absolutePath());
    const int dir = ::open(folder.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        synced(dir);
        ::close(dir);
    }
#endif
    return true;
}

} // namespace AtomicFile
