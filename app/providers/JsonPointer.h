#pragma once

#include <QJsonValue>
#include <QString>

// RFC 6901 JSON pointers ("/data/accessToken"); an empty pointer is the whole document.
namespace JsonPointer {
bool isValid(const QString &pointer);
// QJsonValue::Undefined when any step is missing or of the wrong type.
QJsonValue resolve(const QJsonValue &root, const QString &pointer);
} // namespace JsonPointer
