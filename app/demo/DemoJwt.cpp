#include "DemoJwt.h"

#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace DemoJwt {

QByteArray base64Url(const QByteArray &bytes) {
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> fromBase64Url(QByteArrayView text) {
    // Strict: the unpadded url alphabet only.
    for (char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                        c == '-' || c == '_';
        if (!ok)
            return std::nullopt;
    }
    auto decoded = QByteArray::fromBase64Encoding(
        text.toByteArray(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

namespace {

QByteArray hs256(const QByteArray &signingInput, const QByteArray &key) {
    return QMessageAuthenticationCode::hash(signingInput, key, QCryptographicHash::Sha256);
}

std::optional<QJsonObject> decodeObject(QByteArrayView part) {
    const auto bytes = fromBase64Url(part);
    if (!bytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

// Constant time, so the demo does not teach a timing oracle.
bool sameBytes(const QByteArray &a, const QByteArray &b) {
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

} // namespace

QByteArray sign(const QJsonObject &claims, const QByteArray &key) {
    const QJsonObject header{{QStringLiteral("alg"), QStringLiteral("HS256")},
                             {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QByteArray signingInput = base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                                    base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    return signingInput + '.' + base64Url(hs256(signingInput, key));
}

std::optional<QJsonObject> verify(QByteArrayView token, const QByteArray &key) {
    const qsizetype dot1 = token.indexOf('.');
    const qsizetype dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
    if (dot1 <= 0 || dot2 <= dot1 + 1 || token.indexOf('.', dot2 + 1) >= 0)
        return std::nullopt;
    const auto header = decodeObject(token.first(dot1));
    if (!header || header->value(QLatin1String("alg")).toString() != QLatin1String("HS256"))
        return std::nullopt;
    const auto signature = fromBase64Url(token.sliced(dot2 + 1));
    if (!signature || !sameBytes(*signature, hs256(token.first(dot2).toByteArray(), key)))
        return std::nullopt;
    return decodeObject(token.sliced(dot1 + 1, dot2 - dot1 - 1));
}

QByteArray randomId(int bytes) {
    QByteArray out(bytes, Qt::Uninitialized);
    QRandomGenerator *rng = QRandomGenerator::system();
    for (char &c : out)
        c = static_cast<char>(rng->bounded(256));
    return base64Url(out);
}

} // namespace DemoJwt
