#include "AccountEntryReader.h"
#include "AccountFile.h"
#include "AccountFileScanner.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>
#include <limits>

// Reading: a small scanner (AccountFileScanner.h) finds the file's top-level fields and each account entry's
// bytes, and each entry is read on its own (straight from its bytes by AccountEntryReader.h where it can,
// else parsed with QJsonDocument and converted): the whole file never exists as one parsed
// JSON tree, and an entry whose bytes equal those of the previous snapshot's entry is taken as it was.
// Whatever the scanner does not expect (a syntax error, an escaped or repeated top-level key, a byte order
// mark, another format version) sends the file through the general path (parseWhole), which parses it with
// QJsonDocument as a whole and produces every error message.

namespace AccountFile {
namespace {

QString leftUnchanged() {
    return QCoreApplication::translate("AccountFile", "TokenDesk has left it unchanged and will not save account changes until it is fixed or moved "
              "away.");
}

ReadResult failure(Status status, const QString &message) {
    ReadResult r;
    r.status = status;
    r.message = message;
    return r;
}

ReadResult brokenEntry(const QString &path, qsizetype index, const QString &problem) {
    return failure(Status::ParseError,
                   QCoreApplication::translate("AccountFile", "The account file %1 has a broken account entry (account %2): %3. %4")
                       .arg(QDir::toNativeSeparators(path))
                       .arg(index + 1)
                       .arg(problem, leftUnchanged()));
}

// The top-level fields of an entry that accountToJson() does not write.
QJsonObject unknownFields(const QJsonObject &entry) {
    static const QLatin1String kKnown[] = {
        QLatin1String("id"),       QLatin1String("name"),
        QLatin1String("providerId"), QLatin1String("baseUrl"),
        QLatin1String("username"), QLatin1String("allowInsecureHttp"),
        QLatin1String("keepSignedIn"), QLatin1String("token"),
    };
    qsizetype known = 0;
    for (const QLatin1String key : kKnown)
        known += entry.contains(key) ? 1 : 0;
    if (known == entry.size())
        return {};
    QJsonObject unknown;
    for (auto it = entry.begin(); it != entry.end(); ++it) {
        if (std::find(std::begin(kKnown), std::end(kKnown), it.key()) == std::end(kKnown))
            unknown.insert(it.key(), it.value());
    }
    return unknown;
}

// About the shortest entry accountToJson() writes (an account with no token is some 190 bytes): a bound
// on how many entries the rest of a file can hold.
constexpr qsizetype kMinEntryBytes = 160;

// Builds a snapshot entry by entry, checking ids and names for repeats and taking unchanged entries from
// the previous snapshot.
class Builder {
public:
    Builder(const QString &path, const Snapshot *previous)
        : m_path(path)
        , m_previous(previous) {}

    // Room for `expected` entries, made once before the first.
    void reserve(qsizetype expected) {
        m_result.snapshot.reserve(expected);
        m_indexByName.reserve(expected);
    }

    // The entry `text`: its bytes in the file at `span` (one line, or spread over several lines), or,
    // with no span, the already parsed entry `parsed` as compact JSON. False if it cannot be used, with
    // failed() and result() saying why if it is a broken entry.
    // `direct`, if given, is the entry as readAccountEntryAt() read it (nullopt: it could not), so that it is
    // not read again.
    bool add(QByteArrayView text, Span span, const QJsonObject *parsed, bool oneLine,
             std::optional<Account> *direct = nullptr) {
        Snapshot &s = m_result.snapshot;
        const qsizetype i = s.accounts.size();
        const size_t hash = entryHash(text);
        const qsizetype prev = previousMatch(i, text, hash);
        Account account;
        QJsonObject unknown;
        QJsonObject object;
        if (prev >= 0) {
            account = m_previous->accounts.at(prev);
            unknown = m_previous->objects.value(prev);
        } else {
            // Entries in the file's text as one line are read straight from their bytes if they can be
            // (AccountEntryReader.h); all else, and every problem, goes through QJsonDocument.
            std::optional<Account> converted;
            if (!parsed && oneLine && span.offset >= 0) {
                if (direct)
                    converted = std::move(*direct);
                else
                    converted = readAccountEntry(text, &m_cache);
                if (converted)
                    m_cache.unknownFields = false;
            }
            if (!converted) {
                if (parsed) {
                    object = *parsed;
                } else {
                    QJsonParseError error;
                    const QJsonDocument doc =
                        QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), text.size()), &error);
                    if (error.error != QJsonParseError::NoError || !doc.isObject())
                        return false; // the general path explains it
                    object = doc.object();
                }
                QString error;
                converted = accountFromJson(object, &error, &m_cache);
                if (!converted) {
                    m_result = brokenEntry(m_path, i, error);
                    m_failed = true;
                    return false;
                }
            }
            account = std::move(*converted);
            if (m_cache.unknownFields)
                unknown = unknownFields(object);
        }
        // One lookup each: the slot is made if the id (name) is new, else it holds the other account's index.
        const qsizetype ids = s.indexById.size();
        qsizetype &idSlot = s.indexById[account.id];
        if (s.indexById.size() == ids) {
            m_result = brokenEntry(m_path, i, QCoreApplication::translate("AccountFile", "the id '%1' is used by account %2 too").arg(account.id).arg(idSlot + 1));
            m_failed = true;
            return false;
        }
        idSlot = i;
        const qsizetype names = m_indexByName.size();
        qsizetype &nameSlot = m_indexByName[account.name];
        if (m_indexByName.size() == names) {
            m_result =
                brokenEntry(m_path, i, QCoreApplication::translate("AccountFile", "the name '%1' is used by account %2 too").arg(account.name).arg(nameSlot + 1));
            m_failed = true;
            return false;
        }
        nameSlot = i;
        // An entry spread over several lines is written back as one (compact), an entry not in the
        // file's text as the compact JSON it came as.
        if (span.offset >= 0 && oneLine) {
            s.append({std::move(account), std::move(unknown), QByteArray(), span, hash});
        } else {
            QByteArray line = span.offset >= 0 && prev < 0 ? compactObject(object) : text.toByteArray();
            const size_t lineHash = entryHash(line);
            s.append({std::move(account), std::move(unknown), std::move(line), Span{}, lineHash});
        }
        return true;
    }

    bool failed() const { return m_failed; }
    qsizetype count() const { return m_result.snapshot.accounts.size(); }
    AccountReadCache *cache() { return &m_cache; }
    ReadResult &result() { return m_result; }

    // Gives back the room reserve() guessed too much of: a short first entry (an account with no token yet)
    // before long ones (long histories) makes it guess many more entries than there are.
    void releaseUnused() {
        Snapshot &s = m_result.snapshot;
        if (s.accounts.capacity() <= 2 * s.accounts.size() + 64)
            return;
        s.squeeze();
    }

private:
    // The previous snapshot's entry with exactly these bytes: first where the last match suggests (entries
    // before it were added or removed), then at the same index.
    qsizetype previousMatch(qsizetype i, QByteArrayView text, size_t hash) {
        if (!m_previous || text.isEmpty())
            return -1;
        const qsizetype n = qMin(m_previous->accounts.size(), m_previous->hashes.size());
        for (const qsizetype candidate : {i + m_shift, i}) {
            if (candidate >= 0 && candidate < n && m_previous->hashes.at(candidate) == hash &&
                entrySize(*m_previous, candidate) == text.size()) {
                m_shift = candidate - i;
                return candidate;
            }
        }
        return -1;
    }

    QString m_path;
    const Snapshot *m_previous;
    ReadResult m_result;
    QHash<QString, qsizetype> m_indexByName;
    AccountReadCache m_cache;
    qsizetype m_shift = 0;
    bool m_failed = false;
};

// One JSON value on its own (a number, a string, ...), parsed; false if it is not valid JSON.
bool parseValue(QByteArrayView text, QJsonValue *out) {
    QByteArray wrapped;
    wrapped.reserve(text.size() + 2);
    wrapped.append('[').append(text).append(']');
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(wrapped, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray() || doc.array().size() != 1)
        return false;
    *out = doc.array().at(0);
    return true;
}

// The scanner's path; false sends the file to parseWhole, unless `result` holds an entry's error.
bool parseScanned(const QString &path, const QByteArray &bytes, const Snapshot *previous, ReadResult *result) {
    Scanner scanner(bytes);
    QList<Scanner::Member> members;
    // Entries are added as the scanner finds them. Without a previous snapshot each is read straight away
    // (readAccountEntryAt), which also finds where it ends; with one, an entry whose bytes are unchanged is
    // taken from it instead, so the scanner finds the end first.
    Builder builder(path, previous);
    const bool readAhead = !previous || previous->accounts.isEmpty();
    std::optional<Account> direct;
    bool directTried = false;
    const auto read = [&](QByteArrayView rest) -> qsizetype {
        qsizetype length = 0;
        directTried = readAhead;
        if (readAhead)
            direct = readAccountEntryAt(rest, builder.cache(), &length);
        return direct ? length : 0;
    };
    const auto take = [&](QByteArrayView entry) {
        // Room for as many entries as the file holds if the others are about as long as the first: entries
        // range from a few hundred bytes to several kilobytes (a long history), so no fixed size fits all.
        if (builder.count() == 0) {
            const qsizetype rest = bytes.size() - scanner.offsetOf(entry);
            builder.reserve(rest / qMax<qsizetype>(entry.size() + 1, kMinEntryBytes) + 1);
        }
        const bool oneLine = !entry.contains('\n') && !entry.contains('\r');
        // An entry that does not convert goes to parseWhole too: the file may be broken elsewhere as well,
        // and that is reported first, as it always was.
        return builder.add(entry, {scanner.offsetOf(entry), entry.size()}, nullptr, oneLine,
                           directTried ? &direct : nullptr);
    };
    if (!scanner.members(&members, "accounts", read, take))
        return false;
    QByteArrayView accounts;
    QByteArray others;
    bool hasVersion = false;
    for (const Scanner::Member &m : std::as_const(members)) {
        if (m.key == "version") {
            QJsonValue version;
            // The format this version reads and nothing else: all else is explained by parseWhole.
            if (hasVersion || !parseValue(m.value, &version) || !version.isDouble() ||
                version.toDouble() != kCurrentVersion)
                return false;
            hasVersion = true;
        } else if (m.key == "accounts") {
            if (!accounts.isNull())
                return false;
            accounts = m.value;
        } else {
            others += others.isEmpty() ? '{' : ',';
            others += m.whole;
        }
    }
    if (!hasVersion || accounts.isNull())
        return false;
    QJsonObject otherFields;
    if (!others.isEmpty()) {
        others += '}';
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(others, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject() || doc.object().size() != members.size() - 2)
            return false; // invalid, or a key repeated: parseWhole decides
        otherFields = doc.object();
    }
    if (!accounts.startsWith('['))
        return false;
    builder.releaseUnused();
    *result = std::move(builder.result());
    result->bytes = bytes;
    result->snapshot.text = bytes;
    result->snapshot.textId = identify(bytes);
    result->snapshot.otherFields = otherFields;
    return true;
}

// The general path: the whole file parsed as one JSON document. Produces every error message.
ReadResult parseWhole(const QString &path, const QByteArray &bytes, const Snapshot *previous) {
    const QString file = QDir::toNativeSeparators(path);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return failure(Status::ParseError, QCoreApplication::translate("AccountFile", "The account file %1 is not valid JSON (%2 at byte %3). %4")
                                               .arg(file, parseError.errorString())
                                               .arg(parseError.offset)
                                               .arg(leftUnchanged()));
    }
    if (!doc.isObject()) {
        return failure(Status::ParseError,
                       QCoreApplication::translate("AccountFile", "The account file %1 is not an account list (expected a JSON object). %2")
                           .arg(file, leftUnchanged()));
    }
    QJsonObject root = doc.object();

    const QJsonValue versionValue = root.value(QLatin1String("version"));
    const double versionNumber = versionValue.toDouble(-1);
    // Range before the cast: converting a double outside int's range ("version": 1e300) is undefined.
    const bool wholeInt = versionNumber >= std::numeric_limits<int>::min() &&
                          versionNumber <= std::numeric_limits<int>::max() &&
                          versionNumber == std::trunc(versionNumber);
    if (!versionValue.isDouble() || !wholeInt) {
        return failure(
            Status::ParseError,
            QCoreApplication::translate("AccountFile", "The account file %1 has no valid \"version\" field. %2").arg(file, leftUnchanged()));
    }
    const int version = static_cast<int>(versionNumber);
    if (version > kCurrentVersion) {
        return failure(Status::NewerVersion,
                       QCoreApplication::translate("AccountFile", "The account file %1 was written by a newer version of TokenDesk (format %2; this "
                          "version reads up to format %3). %4")
                           .arg(file)
                           .arg(version)
                           .arg(kCurrentVersion)
                           .arg(leftUnchanged()));
    }
    if (version < kCurrentVersion) {
        QString migrateError;
        if (!migrate(&root, version, &migrateError)) {
            return failure(Status::ParseError, QCoreApplication::translate("AccountFile", "The account file %1 could not be upgraded: %2. %3")
                                                   .arg(file, migrateError, leftUnchanged()));
        }
    }

    const QJsonValue accountsValue = root.value(QLatin1String("accounts"));
    if (!accountsValue.isArray()) {
        return failure(Status::ParseError,
                       QCoreApplication::translate("AccountFile", "The account file %1 has no \"accounts\" list. %2").arg(file, leftUnchanged()));
    }
    const QJsonArray entries = accountsValue.toArray();

    Builder builder(path, previous);
    builder.reserve(entries.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonValue entry = entries.at(i);
        if (!entry.isObject())
            return brokenEntry(path, i, QCoreApplication::translate("AccountFile", "not a JSON object"));
        const QJsonObject object = entry.toObject();
        const QByteArray line = compactObject(object);
        if (!builder.add(line, {}, &object, true))
            return std::move(builder.result());
    }
    ReadResult result = std::move(builder.result());
    result.bytes = bytes;
    result.snapshot.text = bytes;
    result.snapshot.textId = identify(bytes);
    root.remove(QLatin1String("accounts"));
    root.remove(QLatin1String("version"));
    result.snapshot.otherFields = root;
    return result;
}

} // namespace

ReadResult read(const QString &path, const Snapshot *previous) {
    QFile file(path);
    if (!file.exists())
        return failure(Status::Missing, {});
    if (!file.open(QIODevice::ReadOnly)) {
        return failure(Status::IoError,
                       QCoreApplication::translate("AccountFile", "The account file %1 could not be read: %2. %3")
                           .arg(QDir::toNativeSeparators(path), file.errorString(), leftUnchanged()));
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return failure(Status::IoError,
                       QCoreApplication::translate("AccountFile", "The account file %1 could not be read: %2. %3")
                           .arg(QDir::toNativeSeparators(path), file.errorString(), leftUnchanged()));
    }
    if (previous && previous->textId.size == bytes.size() && identify(bytes) == previous->textId) {
        ReadResult same;
        same.bytes = bytes;
        same.unchanged = true;
        return same;
    }
    return parse(path, bytes, previous);
}

ReadResult parse(const QString &path, const QByteArray &bytes, const Snapshot *previous) {
    ReadResult result;
    if (parseScanned(path, bytes, previous, &result))
        return result;
    return parseWhole(path, bytes, previous);
}

bool migrate(QJsonObject *root, int fromVersion, QString *error) {
    // Each step upgrades one version and sets root["version"]; none exists yet.
    Q_UNUSED(root);
    if (error) {
        *error = QCoreApplication::translate("AccountFile", "format version %1 is not supported (this version reads format %2)")
                     .arg(fromVersion)
                     .arg(kCurrentVersion);
    }
    return false;
}

} // namespace AccountFile
