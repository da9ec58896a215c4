#include "AccountEntryReader.h"

#include "JsonByteReader.h"

#include <QJsonDocument>
#include <QJsonParseError>

// The fields accountFromJson() reads, straight from the entry's bytes. Every "return false" means "not
// sure": the entry is then read the general way, so this file never decides that an entry is broken and
// never words an error.

namespace {

using Bytes = QByteArrayView;
using Reader = JsonByteReader;

constexpr int kMaxExtrasDepth = 32; // deeper extras: the general path (it has its own nesting limit)

// Exactly "YYYY-MM-DDTHH:MM:SS.mmmZ" (what accountToJson() writes), as accountFromJson() reads it.
bool canonicalTime(const JsonByteReader::Text &text, QDateTime *out) {
    const Bytes s = text.raw;
    if (!text.plain || s.size() != 24 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
        s[16] != ':' || s[19] != '.' || s[23] != 'Z') {
        return false;
    }
    bool ok = true;
    const auto number = [&](qsizetype from, qsizetype count) {
        int n = 0;
        for (qsizetype i = from; i < from + count; ++i) {
            const char c = s[i];
            ok = ok && c >= '0' && c <= '9';
            n = n * 10 + (c - '0');
        }
        return n;
    };
    const int year = number(0, 4);
    const int month = number(5, 2);
    const int day = number(8, 2);
    const int hour = number(11, 2);
    const int minute = number(14, 2);
    const int second = number(17, 2);
    const int ms = number(20, 3);
    // What QDate and QTime accept (QDate has no year 0: such a text goes the general way).
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (!ok || year < 1 || month < 1 || month > 12 || day < 1 ||
        day > kDays[month - 1] + (month == 2 && leap ? 1 : 0) || hour > 23 || minute > 59 || second > 59) {
        return false;
    }
    // Days since 1970-01-01 in the proleptic Gregorian calendar (the "days from civil" algorithm).
    const int y = year - (month <= 2 ? 1 : 0);
    const int era = y / 400;
    const int yearOfEra = y - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const qint64 days = qint64(era) * 146097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719468;
    const qint64 msecs = ((days * 24 + hour) * 60 + minute) * 60'000 + second * 1000 + ms;
    *out = QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
    return true;
}

// Each object's keys, in the order QJsonDocument writes them (sorted), which is the order in the file:
// JsonByteReader::object() then finds each key at once. The enums name the positions.
enum AccountField { AllowInsecureHttp, BaseUrl, Id, KeepSignedIn, Name, ProviderId, Token, Username };
const Bytes kAccountFields[] = {"allowInsecureHttp", "baseUrl", "id",    "keepSignedIn",
                                "name",              "providerId", "token", "username"};
enum TokenField {
    AccessExpiresAt, AccessObtainedAt, CredentialProblem, Extras, HasAccessToken, HasRefreshToken, History,
    LastError, LastErrorAt, LastState, PasswordExpiresAt, RateLimitedUntil, RefreshExpiresAt
};
const Bytes kTokenFields[] = {"accessExpiresAt",   "accessObtainedAt", "credentialProblem", "extras",
                              "hasAccessToken",    "hasRefreshToken",  "history",           "lastError",
                              "lastErrorAt",       "lastState",        "passwordExpiresAt", "rateLimitedUntil",
                              "refreshExpiresAt"};
enum ErrorField { HttpStatus, Kind, Message, ProviderMessage, RetryAfter };
const Bytes kErrorFields[] = {"httpStatus", "kind", "message", "providerMessage", "retryAfter"};
enum HistoryField { At, HistoryMessage, Operation, Result };
const Bytes kHistoryFields[] = {"at", "message", "operation", "result"};

bool optionalTime(Reader &r, QDateTime *out) {
    return r.nullable([&] {
        Reader::Text text;
        return r.string(&text) && canonicalTime(text, out);
    });
}

// An error kind's key.
bool kind(Reader &r, AuthError::Kind *out) {
    QString key;
    bool ok = false;
    if (!r.string(&key))
        return false;
    *out = AuthError::kindFromKey(key, &ok);
    return ok;
}

// An error kind's key, or null.
bool optionalKind(Reader &r, AuthError::Kind *out) {
    return r.nullable([&] { return kind(r, out); });
}

enum SharedField { ProviderField, BaseUrlField, StateField };

// A string many entries share (a provider id, a base URL, a state): one QString per text, found by its
// bytes (first as the same field's text in the entry before), so that it is neither decoded nor allocated
// again.
bool sharedString(Reader &r, AccountReadCache *cache, SharedField field, QString *out) {
    Reader::Text text;
    if (!r.string(&text))
        return false;
    if (!cache || !text.plain)
        return Reader::decode(text, out);
    QString &last = cache->lastShared[field];
    if (last.size() == text.raw.size() && last == QLatin1StringView(text.raw)) {
        *out = last;
        return true;
    }
    const QByteArray bytes = QByteArray::fromRawData(text.raw.data(), text.raw.size());
    if (const auto known = cache->sharedTexts.constFind(bytes); known != cache->sharedTexts.constEnd()) {
        *out = *known;
    } else {
        *out = QString::fromLatin1(text.raw);
        cache->sharedTexts.insert(text.raw.toByteArray(), *out);
    }
    last = *out;
    return true;
}

bool nonEmpty(const QString &s) {
    return !s.trimmed().isEmpty();
}

bool readError(Reader &r, AuthError *e) {
    return r.object(kErrorFields, [&](int field) {
        switch (field) {
        case Kind:
            return optionalKind(r, &e->kind);
        case Message:
            return r.optionalString(&e->message);
        case ProviderMessage:
            return r.optionalString(&e->providerMessage);
        case HttpStatus:
            return r.nullable([&] { return r.smallInteger(&e->httpStatus); });
        default: // RetryAfter
            return optionalTime(r, &e->retryAfter);
        }
    });
}

bool readHistoryEntry(Reader &r, HistoryEntry *h) {
    if (!r.object(kHistoryFields, [&](int field) {
            switch (field) {
            case At:
                return optionalTime(r, &h->at);
            case Operation:
                return r.optionalString(&h->operation);
            case Result:
                return optionalKind(r, &h->result);
            default: // HistoryMessage
                return r.optionalString(&h->message);
            }
        })) {
        return false;
    }
    return h->at.isValid() && nonEmpty(h->operation);
}

bool readToken(Reader &r, TokenMeta *t, AccountReadCache *cache) {
    QString state;
    std::optional<AuthError::Kind> credentialProblem; // absent or null: implied by the last error
    const bool ok = r.object(kTokenFields, [&](int field) {
        switch (field) {
        case CredentialProblem:
            return r.nullable([&] { return kind(r, &credentialProblem.emplace()); });
        case HasAccessToken:
            return r.optionalBoolean(&t->hasAccessToken);
        case HasRefreshToken:
            return r.optionalBoolean(&t->hasRefreshToken);
        case AccessObtainedAt:
            return optionalTime(r, &t->accessObtainedAt);
        case AccessExpiresAt:
            return optionalTime(r, &t->accessExpiresAt);
        case RefreshExpiresAt:
            return optionalTime(r, &t->refreshExpiresAt);
        case PasswordExpiresAt:
            return optionalTime(r, &t->passwordExpiresAt);
        case RateLimitedUntil:
            return optionalTime(r, &t->rateLimitedUntil);
        case Extras:
            return r.nullable([&] {
                Bytes text;
                if (!r.objectText(&text, kMaxExtrasDepth))
                    return false;
                QJsonParseError error;
                const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), text.size()), &error);
                if (error.error != QJsonParseError::NoError || !doc.isObject())
                    return false;
                t->extras = doc.object();
                return true;
            });
        case LastState:
            return r.nullable([&] { return sharedString(r, cache, StateField, &state); });
        case LastError:
            return r.nullable([&] { return readError(r, &t->lastError); });
        case LastErrorAt:
            return optionalTime(r, &t->lastErrorAt);
        default: // History
            return r.nullable([&] {
                return r.array([&] {
                    HistoryEntry h;
                    if (!readHistoryEntry(r, &h))
                        return false;
                    t->history.append(std::move(h));
                    return true;
                });
            });
        }
    });
    if (!ok)
        return false;
    t->credentialProblem = credentialProblem.value_or(TokenMeta::impliedCredentialProblem(t->lastError));
    // Only the newest entries are kept, as accountFromJson() keeps them.
    if (t->history.size() > TokenMeta::kMaxHistory)
        t->history.remove(0, t->history.size() - TokenMeta::kMaxHistory);
    if (!state.isEmpty()) {
        bool known = false;
        t->lastState = tokenStateFromKey(state, &known);
        if (!known)
            return false;
    }
    return true;
}

bool readBaseUrl(const QString &text, QUrl *url, AccountReadCache *cache) {
    if (cache) {
        if (const auto known = cache->baseUrls.constFind(text); known != cache->baseUrls.constEnd()) {
            *url = *known;
            return true;
        }
    }
    *url = QUrl(text, QUrl::StrictMode);
    if (!baseUrlProblem(*url).isEmpty())
        return false;
    if (cache)
        cache->baseUrls.insert(text, *url);
    return true;
}

} // namespace

namespace {

// One entry's object at the reader's position, up to its closing brace.
std::optional<Account> readEntry(Reader &r, AccountReadCache *cache) {
    Account a;
    QString baseUrl;
    bool hasId = false;
    bool hasName = false;
    bool hasProvider = false;
    bool hasBaseUrl = false;
    const bool ok = r.object(kAccountFields, [&](int field) {
        switch (field) {
        case Id:
            return r.nullable([&] { return hasId = r.string(&a.id); });
        case Name:
            return r.nullable([&] { return hasName = r.string(&a.name); });
        case ProviderId:
            return r.nullable([&] { return hasProvider = sharedString(r, cache, ProviderField, &a.providerId); });
        case BaseUrl:
            return r.nullable([&] { return hasBaseUrl = sharedString(r, cache, BaseUrlField, &baseUrl); });
        case Username:
            return r.optionalString(&a.username);
        case AllowInsecureHttp:
            return r.optionalBoolean(&a.allowInsecureHttp);
        case KeepSignedIn:
            return r.optionalBoolean(&a.keepSignedIn);
        default: // Token
            return r.nullable([&] { return readToken(r, &a.token, cache); });
        }
    });
    if (!ok || !hasId || !hasName || !hasProvider || !hasBaseUrl)
        return std::nullopt;
    if (!isValidAccountId(a.id) || !nonEmpty(a.name) || a.name != a.name.trimmed() || !nonEmpty(a.providerId) ||
        !nonEmpty(baseUrl) || !readBaseUrl(baseUrl, &a.baseUrl, cache)) {
        return std::nullopt;
    }
    return a;
}

} // namespace

std::optional<Account> readAccountEntry(QByteArrayView text, AccountReadCache *cache) {
    Reader r(text);
    std::optional<Account> a = readEntry(r, cache);
    if (!a || !r.atEnd())
        return std::nullopt;
    if (cache)
        cache->unknownFields = false;
    return a;
}

std::optional<Account> readAccountEntryAt(QByteArrayView text, AccountReadCache *cache, qsizetype *length) {
    Reader r(text);
    std::optional<Account> a = readEntry(r, cache);
    if (a) {
        *length = r.position() - text.data();
        if (cache)
            cache->unknownFields = false;
    }
    return a;
}
