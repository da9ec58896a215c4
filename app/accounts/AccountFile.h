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

// Identifies file contents without keeping them: size and two independent 64-bit hashes.
struct TextId {
    qsizetype size = -1; // -1: no contents
    size_t hash1 = 0;
    size_t hash2 = 0;
    friend bool operator==(const TextId &a, const TextId &b) {
        return a.size == b.size && a.hash1 == b.hash1 && a.hash2 == b.hash2;
    }
};
TextId identify(QByteArrayView bytes);

// One account's place in a Snapshot: the same index in each of its parallel lists.
struct Entry {
    Account account;
    QJsonObject unknown;
    QByteArray line;
    Span span;
    size_t hash = 0;
};

// One parsed account list. No parsed JSON is kept beside the accounts. An entry is recognised as unchanged
// by its text's size and hash, and written back as it was from the file's text, which is kept only while
// it is needed (dropText(); read() hands it back when the file still holds it).
struct Snapshot {
    QList<Account> accounts;
    // The top-level fields of accounts[i]'s entry that this version does not know (a newer version's or a
    // hand-edited field), kept so that they survive a change of the account; empty when there are none.
    QList<QJsonObject> objects;
    // accounts[i]'s entry as it will be written (compact JSON, one line) when it is not in `text` yet
    // (changed since the file was read or written); empty otherwise.
    QList<QByteArray> lines;
    QList<Span> spans;     // accounts[i]'s entry in `text`, used when lines[i] is empty
    QList<size_t> hashes;  // entryHash() of accounts[i]'s entry text
    QByteArray text;       // the file contents the spans point into (shared, not copied); may be dropped
    TextId textId;         // identifies the contents the spans point into, also once `text` is dropped
    QHash<QString, qsizetype> indexById;
    QJsonObject otherFields; // top-level fields besides version/accounts, written back as found

    // The parallel lists change together only through these; indexById is the caller's to keep.
    qsizetype size() const { return accounts.size(); }
    void reserve(qsizetype count);
    void squeeze();
    void append(Entry entry);
    // A new or changed account whose entry is `line` (compact JSON, not in `text`).
    void appendLine(Account account, QByteArray line);
    Entry entryAt(qsizetype i) const;
    void insert(qsizetype i, Entry entry);
    void replace(qsizetype i, Entry entry);
    void removeAt(qsizetype i);
};

struct ReadResult {
    Status status = Status::Ok;
    QString message;  // for people: names the file and the problem
    QByteArray bytes; // the file exactly as read
    Snapshot snapshot;
    bool unchanged = false; // the file held exactly previous's text: `snapshot` is left empty, not re-parsed
};

// The hash Snapshot::hashes holds.
size_t entryHash(QByteArrayView text);
// The size of accounts[i]'s entry text.
qsizetype entrySize(const Snapshot &snapshot, qsizetype i);
// Whether entry i of `a` and entry j of `b` have the same text (by size and hash).
bool sameEntry(const Snapshot &a, qsizetype i, const Snapshot &b, qsizetype j);
// Frees the file contents; spans stay valid for the same contents (`textId`), which read() hands back.
void dropText(Snapshot *snapshot);

// Reads and parses `path`. `previous` is the last snapshot of the same file: entries whose text is
// unchanged are taken from it instead of being converted again (large lists stay fast). If the file
// holds exactly the contents `previous` came from (its textId), it is not parsed at all (`unchanged`;
// `bytes` holds the contents).
ReadResult read(const QString &path, const Snapshot *previous = nullptr);
// Parses file contents; `path` only names the file in messages.
ReadResult parse(const QString &path, const QByteArray &bytes, const Snapshot *previous = nullptr);

// Upgrades `root` from an older format version to kCurrentVersion in place. No older version exists
// yet, so today every version below 1 is refused with a message.
bool migrate(QJsonObject *root, int fromVersion, QString *error);

// accounts[i]'s entry text: lines[i], its span of `text`, or empty if neither is there (text dropped).
QByteArrayView entryText(const Snapshot &snapshot, qsizetype i);

// The file's text: one account per line (compact JSON), so that the file stays readable and diffable
// and a save costs little more than the bytes it writes. Unchanged entries are copied from their text
// (which must not have been dropped);
// `spans`, if given, receives where each entry is in the result. Leaves `snapshot` as it is.
QByteArray serialize(const Snapshot &snapshot, QList<Span> *spans);
// Makes `snapshot` point at `written`, the result of serialize(*snapshot, &spans): the lines are then in
// its text and are dropped.
void adoptWritten(Snapshot *snapshot, const QByteArray &written, QList<Span> spans);
// serialize() followed by adoptWritten().
QByteArray serialize(Snapshot *snapshot);

// `object` as compact JSON (one line).
QByteArray compactObject(const QJsonObject &object);

// The compact one-line entry for `account`, with the unknown fields `unknown` kept.
QByteArray entryLine(const Account &account, const QJsonObject &unknown);

// Atomically replaces `path` with `contents` (AtomicFile), mode 0600, creating the directory with
// mode 0700 if it is missing.
bool write(const QString &path, const QByteArray &contents, QString *error);
// Replaces `path` atomically (AtomicFile) with `contents`, mode 0600 before any byte is written; the
// folder must exist. `reason` says why not, without the path. Also used for provider profiles.
bool writePrivate(const QString &path, const QByteArray &contents, QString *reason);

// Creates the directory holding `path` (mode 0700) if needed.
bool ensureDirectory(const QString &path, QString *error);

} // namespace AccountFile
