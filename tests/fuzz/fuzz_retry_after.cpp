// RetryAfter::parse (delay-seconds or an HTTP-date in its three forms), parseHttpDate and the clock-skew
// reading of a Date header that uses it.
#include "FuzzTargets.h"

#include "auth/ProviderResponse.h"
#include "auth/RetryAfter.h"

#include <QTimeZone>

void FuzzTargets::retryAfter(const uint8_t *data, size_t size) {
    static const QDateTime now(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());
    const QByteArray value = bytes(data, size);

    if (const auto until = RetryAfter::parse(value, now)) {
        FUZZ_CHECK(until->isValid());
        FUZZ_CHECK(*until >= now);
        FUZZ_CHECK(*until <= now.addSecs(RetryAfter::kMaxDelaySeconds));
    }
    if (const auto date = RetryAfter::parseHttpDate(value))
        FUZZ_CHECK(date->isValid());
    const qint64 skew = ProviderResponse::clockSkewMs(value, now);
    FUZZ_CHECK(skew == 0 || qAbs(skew) > 2000);
}

#ifdef TOKENDESK_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    FuzzTargets::retryAfter(data, size);
    return 0;
}
#endif
