#pragma once

#include "Account.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

// The on-disk form of the account list: {"version": 1, "accounts": [ ... ]}. Reading, parsing,
// migrating and writing live here; AccountStore decides when.
namespace AccountFile {

constexpr int kCurrentVersion = 1;

enum class Status { Ok, Missing, ParseError, NewerVersion, IoError };

// One parsed account list. `objects[i]` is the JSON `accounts[i]` came from, kept so an unchanged
// entry can be recognised (and written back) without converting it again.
struct Snapshot {
    QList<Account> accounts;
    QList<QJsonObject> objects;
    // objects[i] as written to the file (compact JSON), or empty until it is first written: a save
    // serializes only the entries that changed.
    QList<QByteArray> lines;
    QHash<QString, qsizetype> indexById;
    QJsonObject otherFields; // top-level fields besides version/accounts, written back as found
};

struct ReadResult {
    Status status = Status::Ok;
    QString message;  // for people: names the file and the problem
    QByteArray bytes; // the file exactly as read
    Snapshot snapshot;
    bool unchanged = false; // the file held exactly `previousBytes`: snapshot is `previous`, not re-parsed
};

// Reads and parses `path`. `previous` is the last snapshot of the same file: entries whose JSON is
// unchanged are taken from it instead of being converted again (large lists stay fast). If the file
// holds exactly `previousBytes` (the contents `previous` came from), it is not parsed at all.
ReadResult read(const QString &path, const Snapshot *previous = nullptr,
                const QByteArray *previousBytes = nullptr);
// Parses file contents; `path` only names the file in messages.
ReadResult parse(const QString &path, const QByteArray &bytes, const Snapshot *previous = nullptr);

// Upgrades `root` from an older format version to kCurrentVersion in place. No older version exists
// yet, so today every version below 1 is refused with a message.
bool migrate(QJsonObject *root, int fromVersion, QString *error);

// The file's text: one account per line (compact JSON), so that the file stays readable and diffable
// and a save costs little more than the bytes it writes. Fills in `snapshot->lines`.
QByteArray serialize(Snapshot *snapshot);

// Atomically replaces `path` with `contents` (QSaveFile), mode 0600, creating the directory with
// mode 0700 if it is missing.
bool write(const QString &path, const QByteArray &contents, QString *error);

// Creates the directory holding `path` (mode 0700) if needed.
bool ensureDirectory(const QString &path, QString *error);

} // namespace AccountFile
