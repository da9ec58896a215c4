#pragma once

#include <QStringList>

struct ProviderProfile;

// The built-in provider presets (resources/providers/*.json) are written in English. Their texts for people
// (description, error messages, host labels) are listed here so that lupdate finds them, and are translated
// when a preset is parsed, in the language the process runs in.
namespace PresetTexts {
// Every text listed for translation, as written in the presets.
QStringList all();
// Replaces the preset's texts for people by their translations (unlisted texts are kept as they are).
void translate(ProviderProfile &preset);
} // namespace PresetTexts
