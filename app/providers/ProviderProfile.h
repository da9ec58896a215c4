#pragma once

#include "auth/AuthError.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QJsonObject;

// A provider, described declaratively (see resources/providers/*.json): how to log in and refresh, where
// the answer keeps the token and its expiry, how the token is sent, and what the provider's errors mean.
struct RequestTemplate
{
    enum class BodyFormat { Json, Form };

    QByteArray method = "POST";
    QString path;                            // appended to the account's base URL
    BodyFormat body = BodyFormat::Json;
    QList<QPair<QString, QString>> fields;   // name → "{secret}", "{username}", "{refreshToken}" or a literal
    bool rotates = false;                    // refresh only: the old refresh token dies on use

    bool isDefined() const { return !path.isEmpty(); }
};

struct ErrorRule
{
    int status = 0;
    QString match;                           // substring of the body; empty matches any body
    AuthError::Kind kind = AuthError::Kind::ProviderError;
    QString message;                         // optional: replaces the kind's default sentence
};

struct KnownHost
{
    QString label;
    QUrl url;
};

struct ResponseMap
{
    QString accessToken;                     // JSON pointers into the answer
    QString accessExpiresAt;
    QString refreshToken;
    QString refreshExpiresAt;
    QString passwordExpiresAt;
    qint64 fixedLifetimeSeconds = 0;         // used when neither the answer nor the JWT says
    QList<QPair<QString, QString>> extras;   // name → pointer (non-secret: client_id, profile)
    QStringList errorMessage;                // where the provider puts its own error text
};

struct ProviderProfile
{
    enum class Credential { ApiKey, UsernamePassword };

    QString id;
    QString name;
    QString description;
    Credential credential = Credential::ApiKey;
    QList<KnownHost> knownHosts;
    RequestTemplate login;
    RequestTemplate refresh;                 // path empty: no refresh, re-login instead
    ResponseMap response;
    QString headerName = QStringLiteral("Authorization");
    QString headerValue = QStringLiteral("Bearer {token}");
    QList<ErrorRule> errors;
    bool authHeaders = false;                // the /authheader/* admin API
    QString sourceFile;                      // ":/providers/x.json" or a path in the config dir
    bool builtIn = false;

    bool hasRefresh() const { return refresh.isDefined(); }
    bool needsUsername() const { return credential == Credential::UsernamePassword; }
    QByteArray headerValueFor(const QByteArray &token) const;
    QByteArray headerLineFor(const QByteArray &token) const; // "R-Auth: <token>"
    QString credentialLabel() const;                         // "API key" / "Password", translated

    // Parses and validates a profile. On failure returns nullopt and sets *error to one sentence naming
    // the file, the field and the problem: "corp.json: field 'login.path': must start with '/'".
    // `object`, if given, receives the parsed JSON object (for callers that keep it: one parse, not two).
    static std::optional<ProviderProfile> fromJson(const QByteArray &json, const QString &fileName,
                                                   QString *error, QJsonObject *object = nullptr);

    static constexpr int kFormatVersion = 1;
};
