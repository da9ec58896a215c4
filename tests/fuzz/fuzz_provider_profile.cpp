// ProviderProfile::fromJson, the loader of the built-in presets and of the user's own profiles. A profile
// it accepts is then used the way the app uses it: its JSON pointers and error rules read a login answer
// and an error answer, and its header template wraps a token.
#include "FuzzTargets.h"

#include "auth/HttpClient.h"
#include "auth/ProviderResponse.h"
#include "providers/ProviderProfile.h"

#include <QTimeZone>

void FuzzTargets::providerProfile(const uint8_t *data, size_t size) {
    static const QDateTime now(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());
    QString error;
    const auto profile = ProviderProfile::fromJson(bytes(data, size), QStringLiteral("fuzz.json"), &error);
    if (!profile) {
        FUZZ_CHECK(error.startsWith(QLatin1String("fuzz.json: ")));
        return;
    }
    FUZZ_CHECK(!profile->id.isEmpty() && !profile->login.path.isEmpty());

    // A header line built from a header-safe token is one line, whatever the profile says.
    const QByteArray line = profile->headerLineFor("abc.DEF-123");
    FUZZ_CHECK(!line.contains('\r') && !line.contains('\n') && !line.contains('\0'));

    HttpResult ok;
    ok.status = 200;
    ok.dateHeader = "Sun, 01 Mar 2026 12:00:05 GMT";
    ok.body =
        R"({"access_token":"a.b.c","refresh_token":"r1","access_expires_at":"2026-03-01T13:00:00Z",)"
        R"("refresh_expires_at":"2026-03-08T12:00:00Z","client_id":123456,"jwt":"j","Token":"t",)"
        R"("data":{"accessToken":"d","type":"login"},"expirationDate":"2026-06-26T07:56:42.199+00:00"})";
    for (const auto request : {ProviderResponse::Request::Login, ProviderResponse::Request::Refresh}) {
        (void)ProviderResponse::parseTokens(*profile, request, ok, now);
        for (const int status : {400, 401, 403, 422, 429, 500}) {
            HttpResult failed;
            failed.status = status;
            failed.retryAfter = "120";
            failed.body =
                R"({"error":"unauthorized","message":"Invalid credentials","detail":[{"loc":["body",)"
                R"("username"],"msg":"field required"}],"Message":"x"})";
            FUZZ_CHECK(ProviderResponse::classifyError(*profile, request, failed, now).isError());
        }
    }
}

#ifdef TOKENDESK_LIBFUZZER
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    FuzzTargets::providerProfile(data, size);
    return 0;
}
#endif
