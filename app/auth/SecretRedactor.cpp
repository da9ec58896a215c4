#include "SecretRedactor.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QHash>
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

// One UTF-16 unit at a time, so that positions in the result are positions in `text`.
QString caseFolded(QStringView text)
{
    QString out(text.size(), Qt::Uninitialized);
    for (qsizetype i = 0; i < text.size(); ++i)
        out[i] = text.at(i).toCaseFolded();
    return out;
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
    const QString key = caseFolded(form);
    if (!key.isEmpty() && !m_forms.contains(key))
        m_forms.append(key);
}

void SecretRedactor::add(const QByteArray &whole)
{
    if (whole.isEmpty())
        return;
    const QByteArray secret = whole.left(kMaxSecret);
    const QString raw = QString::fromUtf8(secret);
    addForm(raw);
    addForm(jsonEscaped(raw));
    addForm(asciiJsonEscaped(raw));
    addForm(QString(jsonEscaped(raw)).replace(u'/', QStringLiteral("\\/")));
    const QString percent = QString::fromLatin1(QUrl::toPercentEncoding(raw));
    addForm(percent); // matched ignoring case, so %2f as well as %2F
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
    QByteArray pair = username.left(kMaxSecret) + ':' + secret.left(kMaxSecret);
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
    QString work = text.left(kMaxText);
    const bool cut = work.size() < text.size();
    if (cut && work.back().isHighSurrogate())
        work.chop(1);
    const QString ellipsis = cut ? QString(QChar(0x2026)) : QString();
    if (m_forms.isEmpty() || work.isEmpty())
        return work + ellipsis;
    const QString folded = caseFolded(work);
    // Mark every character a form covers, then replace each marked run once: forms may overlap, and the
    // placeholder must not be searched again.
    QList<bool> hidden(work.size(), false);
    bool any = false;
    const auto hide = [&hidden, &any](qsizetype at, qsizetype length) {
        std::fill(hidden.begin() + at, hidden.begin() + at + length, true);
        any = true;
    };
    // A run of n >= kMinRun characters shared with a form is n - kMinRun + 1 overlapping pieces of it. The
    // text's pieces (at most kMaxText) go into a hash once, and each form's pieces are looked up in it: one
    // insertion per text position and one look-up per form position (forms are at most a few times
    // kMaxSecret long), whatever a provider sends.
    QMultiHash<QStringView, qsizetype> textPieces;
    textPieces.reserve(qMax<qsizetype>(0, folded.size() - kMinRun + 1));
    for (qsizetype at = 0; at + kMinRun <= folded.size(); ++at)
        textPieces.insert(QStringView(folded).mid(at, kMinRun), at);
    for (const QString &form : m_forms) {
        if (form.size() >= kMinRun) {
            for (qsizetype i = 0; !textPieces.isEmpty() && i + kMinRun <= form.size(); ++i) {
                for (auto it = textPieces.constFind(QStringView(form).mid(i, kMinRun));
                     it != textPieces.cend() && it.key() == QStringView(form).mid(i, kMinRun); ++it)
                    hide(it.value(), kMinRun);
            }
            continue;
        }
        // Forms shorter than a run: whole only.
        const bool isShort = form.size() < kShortForm;
        for (qsizetype at = folded.indexOf(form); at >= 0; at = folded.indexOf(form, at + 1)) {
            if (!isShort || (!isWordChar(folded, at - 1) && !isWordChar(folded, at + form.size())))
                hide(at, form.size());
        }
    }
    if (!any)
        return work + ellipsis;
    QString out;
    out.reserve(work.size());
    for (qsizetype i = 0; i < work.size(); ++i) {
        if (!hidden.at(i)) {
            out += work.at(i);
        } else if (i == 0 || !hidden.at(i - 1)) {
            out += placeholder();
        }
    }
    return out + ellipsis;
}
