#include "AccountFile.h"
#include "AtomicFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

// Writing the account file: one entry per line, unchanged entries copied from the text they were read from.

namespace AccountFile {
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

QByteArray entryLine(const Account &account, const QJsonObject &unknown) {
    QJsonObject object = accountToJson(account);
    for (auto it = unknown.begin(); it != unknown.end(); ++it)
        object.insert(it.key(), it.value());
    return compactObject(object);
}

QByteArray serialize(const Snapshot &snapshot, QList<Span> *spans) {
    const qsizetype count = snapshot.accounts.size();
    QList<QByteArray> generated(count); // entries with neither a line nor a span (built by hand)
    qsizetype size = 64;
    for (qsizetype i = 0; i < count; ++i) {
        QByteArrayView text = entryText(snapshot, i);
        if (text.isEmpty()) {
            generated[i] = entryLine(snapshot.accounts.at(i), snapshot.objects.value(i));
            text = generated.at(i);
        }
        size += text.size() + 10;
    }

    QByteArray out;
    out.reserve(size);
    out += "{\n    \"version\": " + QByteArray::number(kCurrentVersion) + ",\n";
    const QJsonObject &other = snapshot.otherFields;
    for (auto it = other.begin(); it != other.end(); ++it)
        out += "    " + compact(it.key()) + ": " + compact(it.value()) + ",\n";
    out += "    \"accounts\": [";
    if (spans) {
        spans->clear();
        spans->reserve(count);
    }
    for (qsizetype i = 0; i < count; ++i) {
        out += i == 0 ? "\n        " : ",\n        ";
        const QByteArrayView text = generated.at(i).isEmpty() ? entryText(snapshot, i) : QByteArrayView(generated.at(i));
        if (spans)
            spans->append({out.size(), text.size()});
        out += text;
    }
    out += count == 0 ? "]\n}\n" : "\n    ]\n}\n";
    return out;
}

void adoptWritten(Snapshot *snapshot, const QByteArray &written, QList<Span> spans) {
    // Entries keep their text, so their hashes stay.
    if (snapshot->hashes.size() != snapshot->accounts.size()) {
        snapshot->hashes.resize(snapshot->accounts.size());
        for (qsizetype i = 0; i < snapshot->accounts.size(); ++i) {
            const Span span = spans.value(i);
            snapshot->hashes[i] = entryHash(QByteArrayView(written.constData() + span.offset, span.size));
        }
    }
    snapshot->text = written;
    snapshot->textId = identify(written);
    snapshot->spans = std::move(spans);
    snapshot->lines = QList<QByteArray>(snapshot->accounts.size());
}

QByteArray serialize(Snapshot *snapshot) {
    QList<Span> spans;
    const QByteArray out = serialize(*snapshot, &spans);
    adoptWritten(snapshot, out, std::move(spans));
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
        *error = QCoreApplication::translate("AccountFile", "Could not create the folder %1 for the account file.")
                     .arg(QDir::toNativeSeparators(info.absolutePath()));
    }
    return false;
}

bool write(const QString &path, const QByteArray &contents, QString *error) {
    const auto fail = [&](const QString &reason) {
        if (error)
            *error = QCoreApplication::translate("AccountFile", "Could not save the account file %1: %2.").arg(QDir::toNativeSeparators(path), reason);
        return false;
    };
    if (!ensureDirectory(path, error))
        return false;
    QString reason;
    return writePrivate(path, contents, &reason) || fail(reason);
}

bool writePrivate(const QString &path, const QByteArray &contents, QString *reason) {
    // QSaveFile creates the file with umask permissions (often 0644): restrict it before any byte is
    // written and before it replaces the old file.
    return AtomicFile::replace(path, contents, QFile::ReadOwner | QFile::WriteOwner, reason);
}

} // namespace AccountFile
