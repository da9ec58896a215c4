#pragma once

#include <QByteArray>
#include <QString>

// Writing and removing one user provider profile file (<config dir>/providers/<id>.json).
namespace ProfileFile {
// Atomically replaces `path` (QSaveFile), mode 0600, creating its directory (mode 0700) if needed.
bool write(const QString &path, const QByteArray &contents, QString *error);
// Removes `path`; a file that is already gone is fine.
bool remove(const QString &path, QString *error);
} // namespace ProfileFile
