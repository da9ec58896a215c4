#pragma once

#include <QByteArray>
#include <QJsonObject>

#include <optional>

// HS256 JSON Web Tokens (RFC 7519), written here and not shared with the client so that a bug in the
// client's JWT code is not mirrored by the server it is tested against.
namespace DemoJwt {

QByteArray base64Url(const QByteArray &bytes); // no padding
std::optional<QByteArray> fromBase64Url(QByteArrayView text);

QByteArray sign(const QJsonObject &claims, const QByteArray &key);
// The claims when the token is three base64url parts, the header says HS256 and the signature
// matches; expiry is the caller's business.
std::optional<QJsonObject> verify(QByteArrayView token, const QByteArray &key);

// n random bytes, base64url: jti values, opaque tokens.
QByteArray randomId(int bytes = 16);

} // namespace DemoJwt
