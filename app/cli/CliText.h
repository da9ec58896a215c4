#pragma once

#include <QCoreApplication>
#include <QString>

// The translation context "Cli" of tokendesk-cli's user-visible text: Cli::tr("…") in free functions;
// classes declare Q_DECLARE_TR_FUNCTIONS(Cli) and call tr().
class Cli {
    Q_DECLARE_TR_FUNCTIONS(Cli)
public:
    Cli() = delete;
};

namespace CliText {
// `word` as one shell word, for hints that show a command to type: always in single quotes, an embedded
// single quote as '\'' ("it's" gives 'it'\''s'), so a name with blanks, $, * or quotes pastes as it is.
inline QString shellQuoted(QString word) {
    return QLatin1Char('\'') + word.replace(QLatin1Char('\''), QLatin1String("'\\''")) + QLatin1Char('\'');
}
} // namespace CliText
