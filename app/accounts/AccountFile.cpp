#include "AccountFile.h"

#include <QJsonDocument>

// What the reader and the writer share: identifying texts and entries in a snapshot. Reading is in
// AccountFileReader.cpp, writing in AccountFileWriter.cpp.

namespace AccountFile {

QByteArray compactObject(const QJsonObject &object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

TextId identify(QByteArrayView bytes) {
    // Two seeds: a 128-bit identity. The bytes are a file only this user can write; what is guarded
    // against is an accidental match, not a crafted one.
    return {bytes.size(), qHash(bytes, size_t(0x9e3779b97f4a7c15ULL)), qHash(bytes, size_t(0xc2b2ae3d27d4eb4fULL))};
}

size_t entryHash(QByteArrayView text) {
    return qHash(text, size_t(0x2545f4914f6cdd1dULL));
}

qsizetype entrySize(const Snapshot &snapshot, qsizetype i) {
    if (i < snapshot.lines.size() && !snapshot.lines.at(i).isEmpty())
        return snapshot.lines.at(i).size();
    return i < snapshot.spans.size() ? snapshot.spans.at(i).size : 0;
}

bool sameEntry(const Snapshot &a, qsizetype i, const Snapshot &b, qsizetype j) {
    return i < a.hashes.size() && j < b.hashes.size() && a.hashes.at(i) == b.hashes.at(j) &&
           entrySize(a, i) == entrySize(b, j) && entrySize(a, i) > 0;
}

void dropText(Snapshot *snapshot) {
    snapshot->text = QByteArray();
}

QByteArrayView entryText(const Snapshot &snapshot, qsizetype i) {
    if (i < snapshot.lines.size() && !snapshot.lines.at(i).isEmpty())
        return snapshot.lines.at(i);
    if (i < snapshot.spans.size()) {
        const Span span = snapshot.spans.at(i);
        if (span.offset >= 0 && span.offset + span.size <= snapshot.text.size())
            return QByteArrayView(snapshot.text.constData() + span.offset, span.size);
    }
    return {};
}

} // namespace AccountFile
