#pragma once

#include <QByteArray>
#include <QJsonObject>

// A provider profile as text for people to read and edit: indented JSON with the top-level fields in the
// order the presets use (format, id, name, description, credential, … errors, features) instead of
// QJsonDocument's alphabetical order, which would bury "id" and "name" in the middle.
namespace ProfileText {
QByteArray format(const QJsonObject &profile);
}
