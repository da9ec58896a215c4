#pragma once

#include "Account.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

// The on-disk form of the account list: {"version": 1, "accounts": [ ... ]}. Reading, parsing,
// migrating and writing live here; AccountStore decides when.
namespace AccountFile {

constexpr int kCurrentVersion = 1;

enum class Status { Ok, Missing, ParseError, NewerVersion, IoError };

// Where an entry's JSON text is in Snapshot::text; offset -1: not there.
struct Span {
    qsizetype offset = -1;
    qsizetype size = 0;
};

// One parsed account list. No parsed JSON is kept beside the accounts: an entry's text is kept once, as
// the bytes of the file it was read from (or written to), so that an unchanged entry is recognised by
// comparing bytes and written back without converting it again.
struct Snapshot {
    QList<Account> accounts;
    // The top-level fields of accounts[i]'s entry that this version does not know (a newer version's or a
    // hand-edited field), kept so that they survive a change of the account; empty when there are none.
    QList<QJsonObject> objects;
    // accounts[i]'s entry as it will be written (compact JSON, one line) when it is not in `text` yet
    // (changed since the file was read or written); empty otherwise.
    QList<QByteArray> lines;
    QList<Span> spans;     // accounts[i]'s entry in `text`, used when lines[i] is empty
    QByteArray text;       // the file contents the spans point into (shared, not copied)
    QHash<QString, qsizetype> indexById;
    QJsonObject otherFields; // top-level fields besides version/accounts, written back as found
};

struct ReadResult {
    Status status = Status::Ok;
    QString message;  // for people: names the file and the problem
    QByteArray bytes; // the file exactly as read
    Snapshot snapshot;
    bool unchanged = false; // the file held exactly previous->text: `snapshot` is left empty, not re-parsed
};

// Reads and parses `path`. `previous` is the last snapshot of the same file: entries whose text is
// unchanged are taken from it instead of being converted again (large lists stay fast). If the file
// holds exactly `previous->text`, it is not parsed at all (`unchanged`).
ReadResult read(const QString &path, const Snapshot *previous = nullptr);
// Parses file contents; `path` only names the file in messages.
ReadResult parse(const QString &path, const QByteArray &bytes, const Snapshot *previous = nullptr);

// Upgrades `root` from an older format version to kCurrentVersion in place. No older version exists
// yet, so today every version below 1 is refused with a message.
bool migrate(QJsonObject *root, int fromVersion, QString *error);

// accounts[i]'s entry text: lines[i], its span of `text`, or empty if neither is known.
QByteArrayView entryText(const Snapshot &snapshot, qsizetype i);

// The file's text: one account per line (compact JSON), so that the file stays readable and diffable
// and a save costs little more than the bytes it writes. Unchanged entries are copied from their text;
// `spans`, if given, receives where each entry is in the result. Leaves `snapshot` as it is.
QByteArray serialize(const Snapshot &snapshot, QList<Span> *spans);
// Makes `snapshot` point at `written`, the result of serialize(*snapshot, &spans): the lines are then in
// its text and are dropped.
void adoptWritten(Snapshot *snapshot, const QByteArray &written, QList<Span> spans);
// serialize() followed by adoptWritten().
QByteArray serialize(Snapshot *snapshot);

// The compact one-line entry for `account`, with the unknown fields `unknown` kept.
QByteArray entryLine(const Account &account, const QJsonObject &unknown);

// Atomically replaces `path` with `contents` (QSaveFile), mode 0600, creating the directory with
// mode 0700 if it is missing.
bool write(const QString &path, const QByteArray &contents, QString *error);

// Creates the directory holding `path` (mode 0700) if needed.
bool ensureDirectory(const QString &path, QString *error);

} // namespace AccountFile
