#pragma once

// Builds unsigned JWT-shaped tokens for tests: base64url(header) "." base64url(claims) "." signature.
// Nothing here signs anything; the code under test never verifies signatures.

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace JwtForTests {

inline QByteArray base64Url(const QByteArray &bytes, bool padded = false) {
    return bytes.toBase64(padded ? QByteArray::Base64UrlEncoding
                                 : QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// The raw JSON text of header and claims, so tests can send claims a QJsonObject cannot express.
inline QByteArray fromRawJson(const QByteArray &headerJson, const QByteArray &claimsJson, bool padded = false,
                              const QByteArray &signature = QByteArrayLiteral("c2lnbmF0dXJl")) {
    return base64Url(headerJson, padded) + '.' + base64Url(claimsJson, padded) + '.' + signature;
}

inline QByteArray make(const QJsonObject &claims, bool padded = false) {
    return fromRawJson(QByteArrayLiteral(R"({"alg":"HS256","typ":"JWT"})"),
                       QJsonDocument(claims).toJson(QJsonDocument::Compact), padded);
}

inline QByteArray withExp(qint64 unixSeconds) {
    return make(QJsonObject{{QStringLiteral("sub"), QStringLiteral("user-1")},
                            {QStringLiteral("exp"), double(unixSeconds)}});
}

} // namespace JwtForTests
