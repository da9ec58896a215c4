// The provider-answer parser: ProviderResponse::parseTokens and classifyError, for every built-in preset.
//
// Input: byte 0 picks the preset (low 7 bits modulo the number of presets, sorted by id) and the request
// (high bit: refresh), byte 1 the HTTP status; then the Retry-After header up to the first '\n', the Date
// header up to the next '\n', and the rest is the body. Seeds: the example answers and error bodies of
// /work/shared/provider-docs.
#include "FuzzTargets.h"

#include "auth/HttpClient.h"
#include "auth/ProviderResponse.h"
#include "auth/RetryAfter.h"
#include "providers/ProviderProfile.h"
#include "providers/ProviderRegistry.h"

#include <QTimeZone>

#include <algorithm>
#include <iterator>

namespace {
using ProviderResponse::Request;

// 0: no HTTP answer (transport failure); the rest as sent.
constexpr int kStatuses[] = {0,   200, 201, 204, 301, 302, 400, 401, 403, 404, 405,
                             409, 418, 422, 429, 500, 502, 503, 504, 599, 999, -1};

QList<const ProviderProfile *> presets() {
    static const ProviderRegistry registry; // the built-in presets only
    QList<const ProviderProfile *> list = registry.profiles();
    std::sort(list.begin(), list.end(),
              [](const ProviderProfile *a, const ProviderProfile *b) { return a->id < b->id; });
    return list;
}

QByteArray takeLine(QByteArray *rest) {
    const qsizetype end = rest->indexOf('\n');
    const QByteArray line = end < 0 ? *rest : rest->left(end);
    *rest = end < 0 ? QByteArray() : rest->mid(end + 1);
    return line;
}

void checkProviderText(const AuthError &error) {
    FUZZ_CHECK(error.providerMessage.size() <= 301);
    for (const QChar c : error.providerMessage)
        FUZZ_CHECK(c.category() != QChar::Other_Control && c.category() != QChar::Other_Format);
}
} // namespace

void FuzzTargets::providerAnswer(const uint8_t *data, size_t size) {
    static const QList<const ProviderProfile *> profiles = presets();
    static const QDateTime now(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());
    if (size < 2)
        return;
    const ProviderProfile &profile = *profiles.at((data[0] & 0x7f) % profiles.size());
    const Request request = (data[0] & 0x80) ? Request::Refresh : Request::Login;

    HttpResult response;
    response.status = kStatuses[data[1] % std::size(kStatuses)];
    QByteArray rest = bytes(data + 2, size - 2);
    response.retryAfter = takeLine(&rest);
    response.dateHeader = takeLine(&rest);
    response.body = rest;
    response.contentType = "application/json";
    if (response.status == 0)
        response.error = AuthError::make(AuthError::Kind::Network);

    const auto parsed = ProviderResponse::parseTokens(profile, request, response, now);
    if (const auto *tokens = std::get_if<TokenSet>(&parsed)) {
        FUZZ_CHECK(ProviderResponse::isSafeToken(tokens->accessToken));
        FUZZ_CHECK(tokens->refreshToken.isEmpty() || ProviderResponse::isSafeToken(tokens->refreshToken));
        FUZZ_CHECK(tokens->obtainedAt == now);
    } else {
        FUZZ_CHECK(std::get<AuthError>(parsed).isError());
    }

    const AuthError error = ProviderResponse::classifyError(profile, request, response, now);
    FUZZ_CHECK(error.isError());
    checkProviderText(error);
    if (error.kind == AuthError::Kind::RateLimited) {
        FUZZ_CHECK(error.retryAfter.isValid());
        FUZZ_CHECK(error.retryAfter >= now);
        FUZZ_CHECK(error.retryAfter <= now.addSecs(RetryAfter::kMaxDelaySeconds));
    }
}

#ifdef TOKENDESK_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    FuzzTargets::providerAnswer(data, size);
    return 0;
}
#endif
