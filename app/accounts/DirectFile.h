#pragma once

#include <QByteArray>
#include <QString>

// Writing to a path that exists and is not a regular file: a FIFO (`mkfifo p; gpg -c < p &`), a terminal,
// /dev/null, /dev/stdout or a process substitution (/dev/fd/63). Replacing such a path atomically (a
// temporary file renamed over it, AtomicFile) would unlink the FIFO or device node and leave its reader
// waiting; it is opened and written as it is instead. A regular file, or a path that does not exist yet,
// keeps the atomic replace.
namespace DirectFile {

enum class Kind {
    RegularOrMissing, // replace it atomically
    Stream,           // a FIFO or a character device (also behind a symlink such as /dev/stdout): write to it
    Other,            // a directory, a block device, a socket: neither
};

Kind kindOf(const QString &path);

// Opens the existing FIFO or character device `path` (waiting for a FIFO's reader, as every Unix tool
// does) and writes all of `contents`, every write checked; a reader that went away is an error (EPIPE),
// not a signal. `reason` says why not, in the system's words, without the path.
bool write(const QString &path, const QByteArray &contents, QString *reason);

} // namespace DirectFile
