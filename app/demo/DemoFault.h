#pragma once

#include <QByteArray>
#include <QUrl>

// Something going wrong at a provider, for tests to arm on DemoServer::setFault(). Build one with the
// named constructors. Faults marked "answered" let the provider handle the request (its state changes as
// usual) and then spoil or delay the answer; the others replace the answer and leave state untouched.
struct DemoFault {
    enum class Kind {
        Hang,              // read the request, never answer, keep the connection open
        Delay,             // answered, after delayMs
        HtmlBody,          // 200 with an HTML page (a captive portal, a proxy's login page)
        TruncatedJson,     // answered, body cut in half (framing stays valid)
        MissingTokenField, // answered, token field removed from a 200
        OversizedBody,     // 200 with a 2 MiB JSON body
        CrLfToken,         // answered, token value gets "\r\nX-Injected: 1" appended
        ServerError,       // 500 or 503
        Redirect,          // 302/307 with Location
        RateLimit,         // 429 with the given Retry-After (seconds or HTTP-date)
        Status,            // any status with the given JSON body
    };

    Kind kind = Kind::ServerError;
    int status = 0;
    int delayMs = 0;
    QUrl location;
    QByteArray retryAfter;
    QByteArray body;

    static DemoFault hang() { return of(Kind::Hang); }
    static DemoFault delay(int ms) { return of(Kind::Delay).with(0, ms); }
    static DemoFault htmlBody() { return of(Kind::HtmlBody).with(200); }
    static DemoFault truncatedJson() { return of(Kind::TruncatedJson); }
    static DemoFault missingTokenField() { return of(Kind::MissingTokenField); }
    static DemoFault oversizedBody() { return of(Kind::OversizedBody).with(200); }
    static DemoFault crlfToken() { return of(Kind::CrLfToken); }
    static DemoFault serverError(int status = 500) { return of(Kind::ServerError).with(status); }
    static DemoFault redirectTo(const QUrl &location, int status = 307) {
        DemoFault f = of(Kind::Redirect).with(status);
        f.location = location;
        return f;
    }
    static DemoFault rateLimit(const QByteArray &retryAfter) {
        DemoFault f = of(Kind::RateLimit).with(429);
        f.retryAfter = retryAfter;
        return f;
    }
    static DemoFault respondWith(int status, const QByteArray &jsonBody) {
        DemoFault f = of(Kind::Status).with(status);
        f.body = jsonBody;
        return f;
    }

    static constexpr qsizetype OversizedBodyBytes = 2 * 1024 * 1024;

private:
    static DemoFault of(Kind kind) {
        DemoFault f;
        f.kind = kind;
        return f;
    }
    DemoFault with(int statusCode, int delay = 0) const {
        DemoFault f = *this;
        f.status = statusCode;
        f.delayMs = delay;
        return f;
    }
};
