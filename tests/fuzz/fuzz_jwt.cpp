// JwtInfo::decode and the NumericDate claims (exp, iat, nbf) read from what it decoded.
#include "FuzzTargets.h"

#include "providers/Jwt.h"

namespace {
void checkInstant(const std::optional<QDateTime> &t) {
    if (t)
        FUZZ_CHECK(t->isValid() && t->toMSecsSinceEpoch() >= 0);
}
} // namespace

void FuzzTargets::jwt(const uint8_t *data, size_t size) {
    const JwtInfo info = JwtInfo::decode(bytes(data, size));
    checkInstant(info.expiresAt());
    checkInstant(info.issuedAt());
    checkInstant(info.notBefore());
    if (!info.isJwt) {
        FUZZ_CHECK(info.claims.isEmpty() && info.header.isEmpty());
        FUZZ_CHECK(!info.expiresAt());
        return;
    }
    for (auto it = info.claims.begin(); it != info.claims.end(); ++it)
        checkInstant(JwtInfo::numericDate(it.value()));
}

#ifdef TOKENDESK_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    FuzzTargets::jwt(data, size);
    return 0;
}
#endif
