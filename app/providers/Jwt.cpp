#include "Jwt.h"

#include "Timestamp.h"

#include <QJsonDocument>
#include <QList>

#include <cmath>

namespace {
constexpr qsizetype kMaxTokenSize = 64 * 1024;

std::optional<QJsonObject> decodePart(QByteArrayView part)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        part.toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}
} // namespace

JwtInfo JwtInfo::decode(const QByteArray &token)
{
    JwtInfo info;
    if (token.isEmpty() || token.size() > kMaxTokenSize)
        return info;
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || parts[0].isEmpty() || parts[1].isEmpty())
        return info;
    const auto header = decodePart(parts[0]);
    const auto claims = decodePart(parts[1]);
    if (!header || !claims)
        return info;
    info.isJwt = true;
    info.header = *header;
    info.claims = *claims;
    return info;
}

std::optional<QDateTime> JwtInfo::numericDate(const QJsonValue &value)
{
    // RFC 7519 NumericDate. Only whole JSON numbers: "exp":"1700000000" or 1.5e9+0.5 are not trusted.
    if (!value.isDouble())
        return std::nullopt;
    const double seconds = value.toDouble();
    if (!std::isfinite(seconds) || std::floor(seconds) != seconds)
        return std::nullopt;
    return Timestamp::fromUnixSeconds(seconds);
}

std::optional<QDateTime> JwtInfo::expiresAt() const
{
    return isJwt ? numericDate(claims.value(QLatin1String("exp"))) : std::nullopt;
}

std::optional<QDateTime> JwtInfo::issuedAt() const
{
    return isJwt ? numericDate(claims.value(QLatin1String("iat"))) : std::nullopt;
}

std::optional<QDateTime> JwtInfo::notBefore() const
{
    return isJwt ? numericDate(claims.value(QLatin1String("nbf"))) : std::nullopt;
}
