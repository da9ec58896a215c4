#include "JsonPointer.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace JsonPointer {

bool isValid(const QString &pointer)
{
    if (pointer.isEmpty())
        return true;
    if (!pointer.startsWith(u'/'))
        return false;
    for (qsizetype i = 0; i < pointer.size(); ++i) {
        if (pointer[i] == u'~' && (i + 1 >= pointer.size() || (pointer[i + 1] != u'0' && pointer[i + 1] != u'1')))
            return false;
    }
    return true;
}

QJsonValue resolve(const QJsonValue &root, const QString &pointer)
{
    if (!isValid(pointer))
        return QJsonValue(QJsonValue::Undefined);
    if (pointer.isEmpty())
        return root;
    QJsonValue current = root;
    const QStringList steps = pointer.mid(1).split(u'/');
    for (QString step : steps) {
        step.replace(QLatin1String("~1"), QLatin1String("/")).replace(QLatin1String("~0"), QLatin1String("~"));
        if (current.isObject()) {
            const QJsonObject object = current.toObject();
            const auto it = object.constFind(step);
            if (it == object.constEnd())
                return QJsonValue(QJsonValue::Undefined);
            current = *it;
        } else if (current.isArray()) {
            // RFC 6901 array-index: "0" or digits without a leading zero; no sign, no spaces.
            const bool digitsOnly = !step.isEmpty()
                && std::all_of(step.cbegin(), step.cend(), [](QChar c) { return c >= u'0' && c <= u'9'; });
            bool ok = false;
            const int index = digitsOnly ? step.toInt(&ok) : -1;
            const QJsonArray array = current.toArray();
            if (!ok || index < 0 || index >= array.size() || (step.size() > 1 && step.startsWith(u'0')))
                return QJsonValue(QJsonValue::Undefined);
            current = array.at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return current;
}

} // namespace JsonPointer
