#include "SecretRedactor.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>

namespace {
QString jsonEscaped(const QString &text)
{
    const QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact); // ["…"]
    return QString::fromUtf8(array.mid(2, array.size() - 4));
}

QString asciiJsonEscaped(const QString &text) // every non-ASCII character as \uXXXX, as many encoders write
{
    QString out;
    for (const QChar c : jsonEscaped(text)) {
        if (c.unicode() < 0x80)
            out += c;
        else
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QChar(u'0'));
    }
    return out;
}

bool isWordChar(const QString &text, qsizetype at)
{
    return at >= 0 && at < text.size() && text.at(at).isLetterOrNumber();
}
} // namespace

SecretRedactor::~SecretRedactor()
{
    for (QString &form : m_forms) {
        if (!form.isDetached())
            continue; // still shared with a copy that wipes it itself
        form.fill(QChar(u'\0'));
    }
}

QString SecretRedactor::placeholder()
{
    return QCoreApplication::translate("SecretRedactor", "[redacted]");
}

void SecretRedactor::addForm(const QString &form)
{
    if (!form.isEmpty() && !m_forms.contains(form))
        m_forms.append(form);
}

void SecretRedactor::add(const QByteArray &secret)
{
    if (secret.isEmpty())
        return;
    const QString raw = QString::fromUtf8(secret);
    addForm(raw);
    addForm(jsonEscaped(raw));
    addForm(asciiJsonEscaped(raw));
    addForm(QString(jsonEscaped(raw)).replace(u'/', QStringLiteral("\\/")));
    const QString percent = QString::fromLatin1(QUrl::toPercentEncoding(raw));
    addForm(percent);
    QString lowerHex = percent; // some encoders write %2f, not %2F
    for (qsizetype i = 0; i + 2 < lowerHex.size(); ++i) {
        if (lowerHex.at(i) == u'%') {
            lowerHex[i + 1] = lowerHex.at(i + 1).toLower();
            lowerHex[i + 2] = lowerHex.at(i + 2).toLower();
        }
    }
    addForm(lowerHex);
    addForm(QString(percent).replace(QStringLiteral("%20"), QStringLiteral("+")));
    for (const auto options : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
        addForm(QString::fromLatin1(secret.toBase64(options)));
        addForm(QString::fromLatin1(secret.toBase64(options | QByteArray::OmitTrailingEquals)));
    }
}

void SecretRedactor::addBasicAuth(const QByteArray &username, const QByteArray &secret)
{
    if (secret.isEmpty())
        return;
    QByteArray pair = username + ':' + secret;
    addForm(QString::fromLatin1(pair.toBase64()));
    addForm(QString::fromLatin1(pair.toBase64(QByteArray::OmitTrailingEquals)));
    pair.fill('\0');
}

void SecretRedactor::addJsonStrings(const QByteArray &jsonObject)
{
    const QJsonObject object = QJsonDocument::fromJson(jsonObject).object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.value().isString())
            add(it.value().toString().toUtf8());
    }
}

QString SecretRedactor::redact(const QString &text) const
{
    if (m_forms.isEmpty() || text.isEmpty())
        return text;
    // Mark every character any form covers, then replace each marked run once: forms may overlap, and the
    // placeholder must not be searched again.
    QList<bool> hidden(text.size(), false);
    bool any = false;
    for (const QString &form : m_forms) {
        const bool isShort = form.size() < kShortForm;
        for (qsizetype at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
            if (isShort && (isWordChar(text, at - 1) || isWordChar(text, at + form.size())))
                continue;
            std::fill(hidden.begin() + at, hidden.begin() + at + form.size(), true);
            any = true;
        }
    }
    if (!any)
        return text;
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!hidden.at(i)) {
            out += text.at(i);
        } else if (i == 0 || !hidden.at(i - 1)) {
            out += placeholder();
        }
    }
    return out;
}
