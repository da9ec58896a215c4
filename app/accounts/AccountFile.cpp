#include "AccountFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

#include <cmath>
#include <limits>

namespace AccountFile {
namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("AccountFile", text);
}

QString leftUnchanged() {
    return tr("TokenDesk has left it unchanged and will not save account changes until it is fixed or moved "
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
                   tr("The account file %1 has a broken account entry (account %2): %3. %4")
                       .arg(QDir::toNativeSeparators(path))
                       .arg(index + 1)
                       .arg(problem, leftUnchanged()));
}

} // namespace

ReadResult read(const QString &path, const Snapshot *previous, const QByteArray *previousBytes) {
    QFile file(path);
    if (!file.exists())
        return failure(Status::Missing, {});
    if (!file.open(QIODevice::ReadOnly)) {
        return failure(Status::IoError,
                       tr("The account file %1 could not be read: %2. %3")
                           .arg(QDir::toNativeSeparators(path), file.errorString(), leftUnchanged()));
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        return failure(Status::IoError,
                       tr("The account file %1 could not be read: %2. %3")
                           .arg(QDir::toNativeSeparators(path), file.errorString(), leftUnchanged()));
    }
    if (previous && previousBytes && !previousBytes->isEmpty() && bytes == *previousBytes) {
        ReadResult same;
        same.bytes = bytes;
        same.snapshot = *previous;
        same.unchanged = true;
        return same;
    }
    return parse(path, bytes, previous);
}

ReadResult parse(const QString &path, const QByteArray &bytes, const Snapshot *previous) {
    const QString file = QDir::toNativeSeparators(path);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        return failure(Status::ParseError, tr("The account file %1 is not valid JSON (%2 at byte %3). %4")
                                               .arg(file, parseError.errorString())
                                               .arg(parseError.offset)
                                               .arg(leftUnchanged()));
    }
    if (!doc.isObject()) {
        return failure(Status::ParseError,
                       tr("The account file %1 is not an account list (expected a JSON object). %2")
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
            tr("The account file %1 has no valid \"version\" field. %2").arg(file, leftUnchanged()));
    }
    const int version = static_cast<int>(versionNumber);
    if (version > kCurrentVersion) {
        return failure(Status::NewerVersion,
                       tr("The account file %1 was written by a newer version of TokenDesk (format %2; this "
                          "version reads up to format %3). %4")
                           .arg(file)
                           .arg(version)
                           .arg(kCurrentVersion)
                           .arg(leftUnchanged()));
    }
    if (version < kCurrentVersion) {
        QString migrateError;
        if (!migrate(&root, version, &migrateError)) {
            return failure(Status::ParseError, tr("The account file %1 could not be upgraded: %2. %3")
                                                   .arg(file, migrateError, leftUnchanged()));
        }
    }

    const QJsonValue accountsValue = root.value(QLatin1String("accounts"));
    if (!accountsValue.isArray()) {
        return failure(Status::ParseError,
                       tr("The account file %1 has no \"accounts\" list. %2").arg(file, leftUnchanged()));
    }
    const QJsonArray entries = accountsValue.toArray();

    ReadResult result;
    result.bytes = bytes;
    Snapshot &snap = result.snapshot;
    snap.accounts.reserve(entries.size());
    snap.objects.reserve(entries.size());
    snap.lines.reserve(entries.size());
    snap.indexById.reserve(entries.size());
    QHash<QString, qsizetype> indexByName;
    indexByName.reserve(entries.size());

    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonValue entry = entries.at(i);
        if (!entry.isObject())
            return brokenEntry(path, i, tr("not a JSON object"));
        const QJsonObject object = entry.toObject();

        std::optional<Account> account;
        QJsonObject kept = object;
        QByteArray line;
        if (previous) {
            const QString id = object.value(QLatin1String("id")).toString();
            const qsizetype prev = previous->indexById.value(id, -1);
            if (prev >= 0 && previous->objects.at(prev) == object) {
                account = previous->accounts.at(prev);
                kept = previous->objects.at(prev); // shares data: later comparisons are pointer checks
                line = previous->lines.value(prev);
            }
        }
        if (!account) {
            QString error;
            account = accountFromJson(object, &error);
            if (!account)
                return brokenEntry(path, i, error);
        }
        if (snap.indexById.contains(account->id)) {
            return brokenEntry(path, i,
                               tr("the id '%1' is used by account %2 too")
                                   .arg(account->id)
                                   .arg(snap.indexById.value(account->id) + 1));
        }
        if (indexByName.contains(account->name)) {
            return brokenEntry(path, i,
                               tr("the name '%1' is used by account %2 too")
                                   .arg(account->name)
                                   .arg(indexByName.value(account->name) + 1));
        }
        snap.indexById.insert(account->id, i);
        indexByName.insert(account->name, i);
        snap.accounts.append(*account);
        snap.objects.append(kept);
        snap.lines.append(line);
    }
    root.remove(QLatin1String("accounts"));
    root.remove(QLatin1String("version"));
    snap.otherFields = root;
    return result;
}

bool migrate(QJsonObject *root, int fromVersion, QString *error) {
    // Each step upgrades one version and sets root["version"]; none exists yet.
    Q_UNUSED(root);
    if (error) {
        *error = tr("format version %1 is not supported (this version reads format %2)")
                     .arg(fromVersion)
                     .arg(kCurrentVersion);
    }
    return false;
}

namespace {

// `value` as compact JSON text.
QByteArray compact(const QJsonValue &value) {
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2); // strip the [ ]
}

} // namespace

QByteArray serialize(Snapshot *snapshot) {
    snapshot->lines.resize(snapshot->objects.size());
    qsizetype size = 64;
    for (qsizetype i = 0; i < snapshot->objects.size(); ++i) {
        QByteArray &line = snapshot->lines[i];
        if (line.isEmpty())
            line = QJsonDocument(snapshot->objects.at(i)).toJson(QJsonDocument::Compact);
        size += line.size() + 10;
    }

    QByteArray out;
    out.reserve(size);
    out += "{\n    \"version\": " + QByteArray::number(kCurrentVersion) + ",\n";
    const QJsonObject &other = snapshot->otherFields;
    for (auto it = other.begin(); it != other.end(); ++it)
        out += "    " + compact(it.key()) + ": " + compact(it.value()) + ",\n";
    out += "    \"accounts\": [";
    for (qsizetype i = 0; i < snapshot->lines.size(); ++i) {
        out += i == 0 ? "\n        " : ",\n        ";
        out += snapshot->lines.at(i);
    }
    out += snapshot->lines.isEmpty() ? "]\n}\n" : "\n    ]\n}\n";
    return out;
}

bool ensureDirectory(const QString &path, QString *error) {
    const QFileInfo info(path);
    const QString dirPath = info.absolutePath();
    if (QFileInfo(dirPath).isDir())
        return true;
    // Parents (such as ~/.config) are not ours: create them with default permissions; our own
    // directory is private.
    const QString parent = QFileInfo(dirPath).absolutePath();
    if (QDir().mkpath(parent) && QDir(parent).mkdir(QFileInfo(dirPath).fileName(),
                                                    QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        return true;
    }
    if (error) {
        *error = tr("Could not create the folder %1 for the account file.")
                     .arg(QDir::toNativeSeparators(info.absolutePath()));
    }
    return false;
}

bool write(const QString &path, const QByteArray &contents, QString *error) {
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = tr("Could not save the account file %1: %2").arg(QDir::toNativeSeparators(path), reason);
        return false;
    };
    if (!ensureDirectory(path, error))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    // QSaveFile creates the file with umask permissions (often 0644): restrict it before any byte is
    // written and before it replaces the old file.
    if (!file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)) {
        file.cancelWriting();
        return fail(tr("could not restrict its permissions"));
    }
    if (file.write(contents) != contents.size()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return fail(reason);
    }
    if (!file.commit())
        return fail(file.errorString());
    return true;
}

} // namespace AccountFile
