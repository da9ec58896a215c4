#include "AuthHeaderAnswer.h"

#include "auth/HttpClient.h"
#include "auth/ProviderResponse.h"
#include "providers/JsonPointer.h"
#include "providers/ProviderProfile.h"
#include "providers/Timestamp.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcAuthHeaders, "tokendesk.authheaders")

namespace {
using Kind = AuthError::Kind;

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1) {
    return QCoreApplication::translate("AuthHeaderAnswer", text, disambiguation, n);
}

AuthError malformed(const QString &message) {
    return AuthError::make(Kind::MalformedAnswer, message);
}

bool looksLikeHtml(const QByteArray &body) {
    return body.left(256).trimmed().startsWith('<');
}

// Id and name are shown in tables and terminals: no control characters, bounded length.
QString displayText(const QJsonValue &value) {
    constexpr qsizetype kMaxLength = 200;
    if (!value.isString())
        return {};
    QString text;
    const QString raw = value.toString();
    for (const QChar c : raw) {
        if (text.size() >= kMaxLength)
            break;
        if (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format)
            text += c;
    }
    return text;
}

enum class TokenProblem { None, Missing, Unsafe, TooLong };

// Reads one header object. The token is the only field that must be there; the size of a token refused as
// too long goes to `refusedSize`.
TokenProblem readHeader(const QJsonObject &object, AuthHeader *header, qsizetype *refusedSize = nullptr) {
    const QJsonValue token = object.value(QLatin1String("token"));
    if (!token.isString() || token.toString().isEmpty())
        return TokenProblem::Missing;
    header->token = token.toString().toUtf8();
    if (!ProviderResponse::isSafeToken(header->token)) {
        const bool tooLong =
            ProviderResponse::tokenProblem(header->token) == ProviderResponse::TokenProblem::TooLong;
        if (tooLong && refusedSize)
            *refusedSize = header->token.size();
        header->token.fill('\0');
        header->token.clear();
        return tooLong ? TokenProblem::TooLong : TokenProblem::Unsafe;
    }
    header->id = displayText(object.value(QLatin1String("id")));
    header->name = displayText(object.value(QLatin1String("name")));
    if (const auto created = Timestamp::parse(object.value(QLatin1String("created"))))
        header->created = created->toUTC();
    return TokenProblem::None;
}

// The JSON document of a 2xx answer, or the sentence saying why there is none.
std::variant<QJsonDocument, AuthError> readJson(const QByteArray &body) {
    if (body.trimmed().isEmpty())
        return malformed(QCoreApplication::translate(
            "AuthHeaderAnswer", "The provider's answer was empty. Check the base URL and provider type."));
    if (looksLikeHtml(body))
        return malformed(QCoreApplication::translate(
            "AuthHeaderAnswer",
            "The provider answered with a web page instead of JSON. Check the base URL: it "
            "should point at the API, not a website or login page."));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return malformed(
            QCoreApplication::translate(
                "AuthHeaderAnswer",
                "The provider's answer is not valid JSON (%1). It may have been cut off; try again.")
                .arg(error.errorString()));
    return doc;
}

QString providerMessage(const ProviderProfile &profile, const QByteArray &body, const SecretRedactor &redactor) {
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (!doc.isObject())
        return {};
    SecretRedactor secrets = redactor;
    for (const QString &pointer : {profile.response.accessToken, profile.response.refreshToken,
                                   QStringLiteral("/token")}) {
        const QJsonValue token = pointer.isEmpty() ? QJsonValue() : JsonPointer::resolve(doc.object(), pointer);
        if (token.isString())
            secrets.add(token.toString().toUtf8());
    }
    QStringList pointers = profile.response.errorMessage;
    if (!pointers.contains(QStringLiteral("/message")))
        pointers.append(QStringLiteral("/message"));
    for (const QString &pointer : std::as_const(pointers)) {
        const QJsonValue value = JsonPointer::resolve(doc.object(), pointer);
        if (value.isString() && !value.toString().trimmed().isEmpty())
            return secrets.redact(value.toString()); // before AuthError::make caps its length
    }
    return {};
}
} // namespace

namespace AuthHeaderAnswer {

QString path(AuthHeaderOperation operation) {
    switch (operation) {
    case AuthHeaderOperation::List:
        return QStringLiteral("/authheader/list");
    case AuthHeaderOperation::Add:
        return QStringLiteral("/authheader/add");
    case AuthHeaderOperation::Delete:
        return QStringLiteral("/authheader/delete");
    }
    return {};
}

QByteArray method(AuthHeaderOperation operation) {
    return operation == AuthHeaderOperation::List ? QByteArray("GET") : QByteArray("POST");
}

std::variant<QList<AuthHeader>, AuthError> parseList(const QByteArray &body) {
    const auto json = readJson(body);
    if (const auto *error = std::get_if<AuthError>(&json))
        return *error;
    const QJsonDocument &doc = std::get<QJsonDocument>(json);
    if (!doc.isArray())
        return malformed(
            tr("The provider's list of auth headers is not a list. Check the base URL and provider "
               "type."));
    QList<AuthHeader> headers;
    int skipped = 0;
    int unsafe = 0;
    const QJsonArray array = doc.array();
    for (const QJsonValue &element : array) {
        AuthHeader header;
        const TokenProblem problem =
            element.isObject() ? readHeader(element.toObject(), &header) : TokenProblem::Missing;
        if (problem == TokenProblem::None)
            headers.append(header);
        else if (problem == TokenProblem::Unsafe || problem == TokenProblem::TooLong)
            ++unsafe;
        else
            ++skipped;
    }
    // Counts only: the entries themselves may hold secrets.
    if (skipped > 0)
        qCWarning(lcAuthHeaders, "skipped %d auth-header entries without a token", skipped);
    if (unsafe > 0)
        qCWarning(lcAuthHeaders, "refused %d auth-header tokens with characters a header cannot carry",
                  unsafe);
    return headers;
}

std::variant<AuthHeader, AuthError> parseAdded(const QByteArray &body, const QString &requestedName) {
    const auto json = readJson(body);
    if (const auto *error = std::get_if<AuthError>(&json))
        return *error;
    const QJsonDocument &doc = std::get<QJsonDocument>(json);
    if (!doc.isObject())
        return malformed(tr("The provider's answer to adding an auth header is not a JSON object. Check the "
                            "provider's list: the header may have been created anyway."));
    AuthHeader header;
    qsizetype refusedSize = 0;
    switch (readHeader(doc.object(), &header, &refusedSize)) {
    case TokenProblem::None:
        break;
    case TokenProblem::Missing:
        return malformed(
            tr("The provider's answer to adding an auth header has no token. Check the provider's "
               "list: the header may have been created anyway."));
    case TokenProblem::Unsafe:
        return malformed(
            tr("The new auth header's token contains characters a header cannot carry (such as line "
               "breaks); it was refused. Delete it at the provider."));
    case TokenProblem::TooLong:
        return malformed(ProviderResponse::tooLongMessage(tr("The new auth header's token"), refusedSize) +
                         QLatin1Char(' ') + tr("Delete it at the provider."));
    }
    if (header.name.isEmpty())
        header.name = requestedName;
    return header;
}

AuthError classifyError(const ProviderProfile &profile, AuthHeaderOperation operation,
                        const HttpResult &answer, const SecretRedactor &redactor) {
    if (answer.error)
        return answer.error;
    const int status = answer.status;
    const QString said = providerMessage(profile, answer.body, redactor);
    if (status == 429) {
        // The login classifier already reads Retry-After and the provider's clock; its wording fits.
        ProviderProfile plain = profile;
        plain.errors.clear();
        return ProviderResponse::classifyError(plain, ProviderResponse::Request::Login, answer,
                                               QDateTime::currentDateTimeUtc(), redactor);
    }
    if (status == 404 && operation == AuthHeaderOperation::Delete)
        return AuthError::make(
            Kind::ProviderError,
            tr("No auth header with that token exists — it may have been deleted already."), said, status);
    if (status == 404 || status == 405)
        return AuthError::make(Kind::ProviderError,
                               tr("The provider does not offer auth-header administration at this address "
                                  "(HTTP %1). Check the base URL and the provider type.")
                                   .arg(status),
                               said, status);
    if (status == 401)
        return rejectedAfterLogin(profile, answer, redactor);
    if (status == 403)
        return AuthError::make(Kind::CredentialsRejected,
                               tr("The provider does not allow this user to manage auth headers (HTTP 403)."),
                               said, status);
    if (status == 400 || status == 422)
        return AuthError::make(Kind::InvalidRequest,
                               operation == AuthHeaderOperation::Add
                                   ? tr("The provider refused the new auth header. Check its name.")
                                   : tr("The provider refused the request as incomplete or invalid."),
                               said, status);
    if (status >= 500)
        return AuthError::make(
            Kind::ProviderError,
            tr("The provider reported an error on its side (HTTP %1). Try again later.").arg(status), said,
            status);
    return AuthError::make(Kind::ProviderError,
                           tr("The provider answered with an unexpected status (HTTP %1).").arg(status), said,
                           status);
}

AuthError rejectedAfterLogin(const ProviderProfile &profile, const HttpResult &answer,
                             const SecretRedactor &redactor) {
    return AuthError::make(Kind::CredentialsRejected,
                           tr("The provider refused the account's token for auth-header administration, even "
                              "after logging in again. Check that this user may manage auth headers."),
                           providerMessage(profile, answer.body, redactor), answer.status);
}

} // namespace AuthHeaderAnswer
