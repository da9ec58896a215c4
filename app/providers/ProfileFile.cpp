#include "ProfileFile.h"

#include "accounts/AccountFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ProfileFile", text);
}
} // namespace

namespace ProfileFile {

bool write(const QString &path, const QByteArray &contents, QString *error)
{
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = tr("Could not save the provider profile %1: %2").arg(QDir::toNativeSeparators(path), reason);
        return false;
    };
    const QString dirPath = QFileInfo(path).absolutePath();
    // <config>/tokendesk and its providers/ folder, both 0700, the way the account file's folder is made:
    // a profile saved before the account file exists must not leave the config folder 0755.
    if (!QFileInfo(dirPath).isDir()
        && (!AccountFile::ensureDirectory(dirPath, nullptr) || !AccountFile::ensureDirectory(path, nullptr)))
        return fail(tr("the folder %1 could not be created").arg(QDir::toNativeSeparators(dirPath)));
    QString reason;
    return AccountFile::writePrivate(path, contents, &reason) || fail(reason);
}

bool remove(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists() || file.remove())
        return true;
    if (error)
        *error = tr("Could not remove the provider profile %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
    return false;
}

} // namespace ProfileFile
