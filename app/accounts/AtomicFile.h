#pragma once

#include <QByteArray>
#include <QFileDevice>
#include <QString>

#include <optional>

// Replacing a file atomically, so that the old file stays whole unless every byte of the new one reached
// the disk. QSaveFile alone is not enough on Qt 6.4: a write that fails when its buffer is flushed inside
// commit() (ENOSPC, EFBIG) is not reported, and the short or empty file replaces the old one.
namespace AtomicFile {

// Replaces `path` with `contents`. With `permissions`, the new file gets them before any byte is
// written. `reason` says why not (the system's words, such as "No space left on device"), without the
// path; the old file is then untouched.
bool replace(const QString &path, const QByteArray &contents, std::optional<QFileDevice::Permissions> permissions,
             QString *reason);

} // namespace AtomicFile
