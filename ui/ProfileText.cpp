#include "ProfileText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

namespace {
QByteArray valueText(const QJsonValue &value)
{
    if (value.isObject() || value.isArray()) {
        QByteArray text = value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)
                                           : QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented);
        text = text.trimmed();
        text.replace("\n", "\n    "); // nested one level under the top-level object
        return text;
    }
    // A scalar: written as the only element of a compact array, without the brackets.
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}
} // namespace

namespace ProfileText {

QByteArray format(const QJsonObject &profile)
{
    static const QStringList order{
        QStringLiteral("format"),   QStringLiteral("id"),       QStringLiteral("name"),
        QStringLiteral("description"), QStringLiteral("credential"), QStringLiteral("knownHosts"),
        QStringLiteral("login"),    QStringLiteral("refresh"),  QStringLiteral("response"),
        QStringLiteral("header"),   QStringLiteral("errors"),   QStringLiteral("features"),
    };
    QStringList keys;
    for (const QString &key : order) {
        if (profile.contains(key))
            keys.append(key);
    }
    for (const QString &key : profile.keys()) {
        if (!order.contains(key))
            keys.append(key);
    }
    QByteArray text = "{\n";
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QByteArray name = QJsonDocument(QJsonArray{keys.at(i)}).toJson(QJsonDocument::Compact);
        text += "    " + name.mid(1, name.size() - 2) + ": " + valueText(profile.value(keys.at(i)));
        text += i + 1 < keys.size() ? ",\n" : "\n";
    }
    text += "}\n";
    return text;
}

} // namespace ProfileText
