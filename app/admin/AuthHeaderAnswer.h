#pragma once

#include "AuthHeaderClient.h"
#include "auth/AuthError.h"
#include "auth/SecretRedactor.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <variant>

struct HttpResult;
struct ProviderProfile;

enum class AuthHeaderOperation { List, Add, Delete };

// The /authheader/* requests and what their answers mean. Pure functions, no I/O. Answers are read
// defensively: a provider may leave fields out, send the wrong types, or answer with a web page.
namespace AuthHeaderAnswer {
QString path(AuthHeaderOperation operation);      // "/authheader/list"
QByteArray method(AuthHeaderOperation operation); // "GET" / "POST"

// A JSON array of header objects. Elements that are not objects, or have no usable token, are skipped;
// id, name and created are optional and a field of the wrong type is left empty.
std::variant<QList<AuthHeader>, AuthError> parseList(const QByteArray &body);
// A JSON object with the new header's token. A missing name is taken from the request.
std::variant<AuthHeader, AuthError> parseAdded(const QByteArray &body, const QString &requestedName);
// An answer that is not a 2xx (or a transport failure), as a sentence for people. The provider's own words
// are kept only after `redactor` removed the request's secrets and any "token" the answer holds.
AuthError classifyError(const ProviderProfile &profile, AuthHeaderOperation operation,
                        const HttpResult &answer, const SecretRedactor &redactor = {});
// What a second 401, after logging in again, means.
AuthError rejectedAfterLogin(const ProviderProfile &profile, const HttpResult &answer,
                             const SecretRedactor &redactor = {});
} // namespace AuthHeaderAnswer
