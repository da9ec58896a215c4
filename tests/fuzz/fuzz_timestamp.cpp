// Timestamp::parse, the expiry timestamps providers send. The input is tried as text (ISO 8601 with `Z`,
// an offset and milliseconds, or no zone) and as a JSON value (a string, or a number of Unix seconds).
#include "FuzzTargets.h"

#include "providers/Timestamp.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {
// The documented range: 1970-01-01 up to 2200-01-01, in UTC.
void checkInstant(const std::optional<QDateTime> &t) {
    if (!t)
        return;
    FUZZ_CHECK(t->isValid());
    FUZZ_CHECK(t->offsetFromUtc() == 0);
    FUZZ_CHECK(t->toMSecsSinceEpoch() >= 0);
    FUZZ_CHECK(t->toMSecsSinceEpoch() <= qint64(7258118400) * 1000);
}
} // namespace

void FuzzTargets::timestamp(const uint8_t *data, size_t size) {
    const QByteArray input = bytes(data, size);
    const QString text = QString::fromUtf8(input);
    const auto parsed = Timestamp::parse(text);
    checkInstant(parsed);
    // Every accepted form is plain ASCII: a look-alike digit from another script must not be read as 0.
    if (parsed) {
        for (const QChar c : text.trimmed())
            FUZZ_CHECK(c.unicode() < 0x80);
    }

    // The same bytes as a JSON value: a number is Unix seconds, a string goes through the text parser.
    const QJsonDocument doc = QJsonDocument::fromJson("[" + input + "]");
    if (doc.isArray() && doc.array().size() == 1)
        checkInstant(Timestamp::parse(doc.array().at(0)));
}

#ifdef TOKENDESK_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    FuzzTargets::timestamp(data, size);
    return 0;
}
#endif
