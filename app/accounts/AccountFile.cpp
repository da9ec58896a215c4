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

void Snapshot::reserve(qsizetype count) {
    accounts.reserve(count);
    objects.reserve(count);
    lines.reserve(count);
    spans.reserve(count);
    hashes.reserve(count);
    indexById.reserve(count);
}

void Snapshot::squeeze() {
    accounts.squeeze();
    objects.squeeze();
    lines.squeeze();
    spans.squeeze();
    hashes.squeeze();
    indexById.squeeze();
}

void Snapshot::append(Entry entry) {
    accounts.append(std::move(entry.account));
    objects.append(std::move(entry.unknown));
    lines.append(std::move(entry.line));
    spans.append(entry.span);
    hashes.append(entry.hash);
}

void Snapshot::appendLine(Account account, QByteArray line) {
    const size_t hash = entryHash(line);
    append({std::move(account), QJsonObject(), std::move(line), Span{}, hash});
}

Entry Snapshot::entryAt(qsizetype i) const {
    return {accounts.at(i), objects.at(i), lines.at(i), spans.at(i), hashes.at(i)};
}

void Snapshot::insert(qsizetype i, Entry entry) {
    accounts.insert(i, std::move(entry.account));
    objects.insert(i, std::move(entry.unknown));
    lines.insert(i, std::move(entry.line));
    spans.insert(i, entry.span);
    hashes.insert(i, entry.hash);
}

void Snapshot::replace(qsizetype i, Entry entry) {
    accounts[i] = std::move(entry.account);
    objects[i] = std::move(entry.unknown);
    lines[i] = std::move(entry.line);
    spans[i] = entry.span;
    hashes[i] = entry.hash;
}

void Snapshot::removeAt(qsizetype i) {
    accounts.remove(i);
    objects.remove(i);
    lines.remove(i);
    spans.remove(i);
    hashes.remove(i);
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
