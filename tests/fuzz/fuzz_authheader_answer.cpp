// The auth-header admin API's answers: AuthHeaderAnswer::parseList (GET /authheader/list) and parseAdded
// (POST /authheader/add).
#include "FuzzTargets.h"

#include "admin/AuthHeaderAnswer.h"
#include "auth/ProviderResponse.h"

namespace {
void checkHeader(const AuthHeader &header) {
    FUZZ_CHECK(ProviderResponse::isSafeToken(header.token));
    FUZZ_CHECK(header.id.size() <= 200 && header.name.size() <= 200);
}
} // namespace

void FuzzTargets::authHeaderAnswer(const uint8_t *data, size_t size) {
    const QByteArray body = bytes(data, size);
    const auto list = AuthHeaderAnswer::parseList(body);
    if (const auto *headers = std::get_if<QList<AuthHeader>>(&list)) {
        for (const AuthHeader &header : *headers)
            checkHeader(header);
    }
    const auto added = AuthHeaderAnswer::parseAdded(body, QStringLiteral("requested-name"));
    if (const auto *header = std::get_if<AuthHeader>(&added)) {
        checkHeader(*header);
        FUZZ_CHECK(!header->name.isEmpty());
    }
}

#ifdef TOKENDESK_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    FuzzTargets::authHeaderAnswer(data, size);
    return 0;
}
#endif
