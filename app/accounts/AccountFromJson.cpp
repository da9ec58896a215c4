#include "Account.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <array>
#include <iterator>

// accountFromJson: strict reading of one account entry. Every problem is reported as
// "field '<dotted path>': <what is wrong>".

namespace {

using Key = QLatin1String;

// The names one kind of object is read for, in no particular order.
struct FieldList {
    const Key *names = nullptr;
    qsizetype size = 0;
    const Key &operator[](qsizetype i) const { return names[i]; }
};
template <qsizetype N>
constexpr FieldList fieldList(const Key (&names)[N]) {
    return {names, N};
}
constexpr qsizetype kMaxFields = 16;

const Key kAccountFields[] = {Key("id"),           Key("name"),         Key("providerId"),
                              Key("baseUrl"),      Key("username"),     Key("allowInsecureHttp"),
                              Key("keepSignedIn"), Key("token")};
const Key kTokenFields[] = {Key("hasAccessToken"),   Key("hasRefreshToken"),  Key("accessObtainedAt"),
                            Key("accessExpiresAt"),  Key("refreshExpiresAt"), Key("passwordExpiresAt"),
                            Key("rateLimitedUntil"), Key("extras"),           Key("lastState"),
                            Key("lastError"),        Key("lastErrorAt"),      Key("history"),
                            Key("credentialProblem")};
const Key kErrorFields[] = {Key("kind"), Key("message"), Key("providerMessage"), Key("httpStatus"),
                            Key("retryAfter")};
const Key kHistoryFields[] = {Key("at"), Key("operation"), Key("result"), Key("message")};
static_assert(std::size(kTokenFields) <= kMaxFields && std::size(kAccountFields) <= kMaxFields);

// Parses exactly "YYYY-MM-DDTHH:MM:SS.mmmZ", the form this file writes, without the general ISO parser
// (which dominates loading thousands of accounts). Anything else returns an invalid QDateTime, and the
// caller falls back to QDateTime::fromString.
QDateTime parseCanonicalUtc(QStringView s) {
    if (s.size() != 24 || s[4] != u'-' || s[7] != u'-' || s[10] != u'T' || s[13] != u':' || s[16] != u':' ||
        s[19] != u'.' || s[23] != u'Z') {
        return {};
    }
    bool ok = true;
    const auto number = [&](qsizetype from, qsizetype count) {
        int n = 0;
        for (qsizetype i = from; i < from + count; ++i) {
            const char16_t c = s[i].unicode();
            if (c < u'0' || c > u'9')
                ok = false;
            n = n * 10 + (c - u'0');
        }
        return n;
    };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    const QTime time(number(11, 2), number(14, 2), number(17, 2), number(20, 3));
    if (!ok || !date.isValid() || !time.isValid())
        return {};
    return QDateTime(date, time, Qt::UTC);
}

// Reads the fields of one JSON object. The first problem is reported through `error`, named by the
// field's dotted path ("token.history[2].at"); paths are only built when something is wrong, so that
// reading thousands of good accounts stays cheap.
class FieldReader {
public:
    // `fields`: the names this reader will ask for. Their values are taken in one pass over the object
    // (a lookup by name is a binary search with string comparisons, and most fields are asked for).
    FieldReader(const QJsonObject &object, QString *error, FieldList fields)
        : m_object(object)
        , m_error(error) {
        collect(fields);
    }
    // A reader for the object in `parent`'s field `name` (element `index` of it, if an array).
    FieldReader(const QJsonObject &object, FieldReader *parent, Key name, FieldList fields, qsizetype index = -1)
        : m_object(object)
        , m_parent(parent)
        , m_name(name)
        , m_index(index)
        , m_error(parent->m_error) {
        collect(fields);
    }
    ~FieldReader() {
        if (m_failed && m_parent)
            m_parent->m_failed = true;
    }
    Q_DISABLE_COPY_MOVE(FieldReader)

    bool failed() const { return m_failed; }

    QString path() const {
        if (!m_parent)
            return {};
        const QString parentPath = m_parent->path();
        QString own = parentPath.isEmpty() ? QString(m_name) : parentPath + u'.' + m_name;
        if (m_index >= 0)
            own += u'[' + QString::number(m_index) + u']';
        return own;
    }

    void fail(Key field, const QString &problem) {
        if (m_failed)
            return;
        m_failed = true;
        if (m_error) {
            const QString parentPath = path();
            const QString fieldPath = parentPath.isEmpty() ? QString(field) : parentPath + u'.' + field;
            *m_error = QCoreApplication::translate("Account", "field '%1': %2").arg(fieldPath, problem);
        }
    }

    QJsonValue value(Key field) const { return m_object.value(field); }
    // How many of the fields asked for so far exist (null counts): fewer than the object has means it
    // has fields nobody asked for.
    qsizetype found() const { return m_found; }

    QString string(Key field, bool required, bool nonEmpty = false) {
        const QJsonValue v = look(field);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(field, QCoreApplication::translate("Account", "missing"));
            return {};
        }
        if (!v.isString()) {
            fail(field, QCoreApplication::translate("Account", "must be a string"));
            return {};
        }
        QString s = v.toString();
        if (nonEmpty && s.trimmed().isEmpty())
            fail(field, QCoreApplication::translate("Account", "must not be empty"));
        return s;
    }

    bool boolean(Key field, bool defaultValue) {
        const QJsonValue v = look(field);
        if (v.isUndefined() || v.isNull())
            return defaultValue;
        if (!v.isBool()) {
            fail(field, QCoreApplication::translate("Account", "must be true or false"));
            return defaultValue;
        }
        return v.toBool();
    }

    int integer(Key field, int min, int max) {
        const QJsonValue v = look(field);
        if (v.isUndefined() || v.isNull())
            return 0;
        const double d = v.toDouble();
        if (!v.isDouble() || d < min || d > max || d != static_cast<double>(static_cast<int>(d))) {
            fail(field, QCoreApplication::translate("Account", "must be a whole number from %1 to %2")
                            .arg(min)
                            .arg(max));
            return 0;
        }
        return static_cast<int>(d);
    }

    QDateTime time(Key field, bool required = false) {
        const QJsonValue v = look(field);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(field, QCoreApplication::translate("Account", "missing"));
            return {};
        }
        QDateTime t;
        if (v.isString()) {
            const QString text = v.toString();
            t = parseCanonicalUtc(text);
            if (!t.isValid())
                t = QDateTime::fromString(text, Qt::ISODateWithMs);
        }
        if (!t.isValid()) {
            fail(field, QCoreApplication::translate(
                            "Account", "must be an ISO 8601 timestamp such as 2024-05-01T12:00:00.000Z"));
            return {};
        }
        return t.toUTC();
    }

    QJsonObject object(Key field) {
        const QJsonValue v = look(field);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isObject())
            fail(field, QCoreApplication::translate("Account", "must be an object"));
        return v.toObject();
    }

    QJsonArray array(Key field) {
        const QJsonValue v = look(field);
        if (v.isUndefined() || v.isNull())
            return {};
        if (!v.isArray())
            fail(field, QCoreApplication::translate("Account", "must be an array"));
        return v.toArray();
    }

    AuthError::Kind errorKind(Key field) {
        const QJsonValue v = look(field);
        if (v.isUndefined() || v.isNull())
            return AuthError::Kind::None;
        bool ok = false;
        const AuthError::Kind kind = AuthError::kindFromKey(v.toString(), &ok);
        if (!v.isString() || !ok)
            fail(field, QCoreApplication::translate("Account", "unknown error kind"));
        return kind;
    }

private:
    void collect(FieldList fields) {
        Q_ASSERT(fields.size <= kMaxFields);
        m_fields = fields;
        for (auto it = m_object.constBegin(), end = m_object.constEnd(); it != end; ++it) {
            const QString key = it.key();
            for (qsizetype i = 0; i < m_fields.size; ++i) {
                if (key == m_fields[i]) {
                    m_positions[i] = it;
                    m_present |= 1u << i;
                    break;
                }
            }
        }
    }

    QJsonValue look(Key field) {
        qsizetype i = 0;
        while (i < m_fields.size && m_fields[i] != field)
            ++i;
        // A name not in the list is looked up on its own: slower, same answer.
        QJsonValue v = i == m_fields.size ? m_object.value(field)
                       : (m_present & (1u << i)) ? m_positions[i].value()
                                                 : QJsonValue(QJsonValue::Undefined);
        m_found += v.isUndefined() ? 0 : 1;
        return v;
    }

    QJsonObject m_object;
    FieldList m_fields;
    // Where field i is in m_object (which is never changed, so the iterators stay valid); a value is only
    // made when the field is read.
    std::array<QJsonObject::const_iterator, kMaxFields> m_positions;
    quint32 m_present = 0; // bit i: m_positions[i] is set
    FieldReader *m_parent = nullptr;
    Key m_name{""};
    qsizetype m_index = -1;
    QString *m_error;
    qsizetype m_found = 0;
    bool m_failed = false;
};

AuthError readError(FieldReader &token) {
    AuthError e;
    const QJsonObject o = token.object(Key("lastError"));
    if (token.failed() || o.isEmpty())
        return e;
    FieldReader r(o, &token, Key("lastError"), fieldList(kErrorFields));
    e.kind = r.errorKind(Key("kind"));
    e.message = r.string(Key("message"), false);
    e.providerMessage = r.string(Key("providerMessage"), false);
    e.httpStatus = r.integer(Key("httpStatus"), 0, 999);
    e.retryAfter = r.time(Key("retryAfter"));
    return e;
}

void readHistory(FieldReader &token, QList<HistoryEntry> *out) {
    const QJsonArray history = token.array(Key("history"));
    // Keep only the newest entries, as addHistory() would have.
    const qsizetype first = qMax<qsizetype>(0, history.size() - TokenMeta::kMaxHistory);
    out->reserve(history.size() - first);
    for (qsizetype i = first; i < history.size() && !token.failed(); ++i) {
        const QJsonValue item = history.at(i);
        FieldReader h(item.toObject(), &token, Key("history"), fieldList(kHistoryFields), i);
        if (!item.isObject()) {
            token.fail(Key("history"),
                       QCoreApplication::translate("Account", "entry %1 must be an object").arg(i));
            break;
        }
        HistoryEntry entry;
        entry.at = h.time(Key("at"), true);
        entry.operation = h.string(Key("operation"), true, true);
        entry.result = h.errorKind(Key("result"));
        entry.message = h.string(Key("message"), false);
        if (!h.failed())
            out->append(entry);
    }
}

void readToken(FieldReader &account, TokenMeta *token) {
    const QJsonObject o = account.object(Key("token"));
    if (account.failed())
        return;
    FieldReader r(o, &account, Key("token"), fieldList(kTokenFields));
    token->hasAccessToken = r.boolean(Key("hasAccessToken"), false);
    token->hasRefreshToken = r.boolean(Key("hasRefreshToken"), false);
    token->accessObtainedAt = r.time(Key("accessObtainedAt"));
    token->accessExpiresAt = r.time(Key("accessExpiresAt"));
    token->refreshExpiresAt = r.time(Key("refreshExpiresAt"));
    token->passwordExpiresAt = r.time(Key("passwordExpiresAt"));
    token->rateLimitedUntil = r.time(Key("rateLimitedUntil"));
    token->extras = r.object(Key("extras"));
    const QString state = r.string(Key("lastState"), false);
    if (!state.isEmpty()) {
        bool ok = false;
        token->lastState = tokenStateFromKey(state, &ok);
        if (!ok)
            r.fail(Key("lastState"), QCoreApplication::translate("Account", "unknown token state"));
    }
    token->lastError = readError(r);
    token->lastErrorAt = r.time(Key("lastErrorAt"));
    const QJsonValue problem = r.value(Key("credentialProblem"));
    token->credentialProblem = problem.isUndefined() || problem.isNull()
                                   ? TokenMeta::impliedCredentialProblem(token->lastError)
                                   : r.errorKind(Key("credentialProblem"));
    readHistory(r, &token->history);
}

void readBaseUrl(FieldReader &r, QUrl *url, AccountReadCache *cache) {
    const QString text = r.string(Key("baseUrl"), true, true);
    if (r.failed())
        return;
    if (cache) {
        if (const auto known = cache->baseUrls.constFind(text); known != cache->baseUrls.constEnd()) {
            *url = *known;
            return;
        }
    }
    *url = QUrl(text, QUrl::StrictMode);
    if (const QString problem = baseUrlProblem(*url); !problem.isEmpty())
        r.fail(Key("baseUrl"), problem);
    else if (cache)
        cache->baseUrls.insert(text, *url);
}

} // namespace

// Ids name keychain entries and lock files: keep them to a safe alphabet.
bool isValidAccountId(const QString &id) {
    static constexpr auto kAllowed = [] {
        std::array<bool, 128> table{};
        for (int c = 0; c < 128; ++c)
            table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                       c == '_' || c == '.';
        return table;
    }();
    if (id.isEmpty() || id.size() > 64 || id.at(0) == u'.' || id.at(0) == u'-')
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        if (u >= 128 || !kAllowed[u])
            return false;
    }
    return true;
}

QString baseUrlProblem(const QUrl &url) {
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty())
        return QCoreApplication::translate("Account", "not a valid URL");
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return QCoreApplication::translate("Account", "must start with https:// or http://");
    if (!url.userInfo().isEmpty())
        return QCoreApplication::translate("Account", "must not contain a user name or password");
    return {};
}

std::optional<Account> accountFromJson(const QJsonObject &object, QString *error, AccountReadCache *cache) {
    QString localError;
    FieldReader r(object, error ? error : &localError, fieldList(kAccountFields));
    Account a;
    a.id = r.string(Key("id"), true, true);
    if (!r.failed() && !isValidAccountId(a.id))
        r.fail(Key("id"),
               QCoreApplication::translate("Account", "must be 1 to 64 letters, digits, '.', '_' or '-'"));
    a.name = r.string(Key("name"), true, true);
    if (!r.failed() && a.name != a.name.trimmed())
        r.fail(Key("name"), QCoreApplication::translate("Account", "must not start or end with spaces"));
    a.providerId = r.string(Key("providerId"), true, true);
    if (cache && !r.failed()) {
        if (const auto known = cache->providerIds.constFind(a.providerId); known != cache->providerIds.constEnd())
            a.providerId = *known;
        else
            cache->providerIds.insert(a.providerId, a.providerId);
    }
    readBaseUrl(r, &a.baseUrl, cache);
    a.username = r.string(Key("username"), false);
    a.allowInsecureHttp = r.boolean(Key("allowInsecureHttp"), false);
    a.keepSignedIn = r.boolean(Key("keepSignedIn"), true);
    if (!r.failed())
        readToken(r, &a.token);
    if (r.failed())
        return std::nullopt;
    if (cache)
        cache->unknownFields = r.found() < object.size();
    return a;
}
