// tokendesk-cli: the command line's composition root. The commands live in the files beside it; the
// behaviour in the core library, shared with the window.
#include "CliApplication.h"
#include "Hardening.h"
#include "Output.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QLoggingCategory>

int main(int argc, char *argv[]) {
    Hardening::apply(); // no core dumps, no ptrace by other processes: before any secret exists
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tokendesk-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("TokenDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));
    Translations translations; // the system language, or the setting General/language
    translations.install(Translations::localeFor(Translations::configuredLanguage()));

    // stderr is for the user's messages, which the commands print themselves. The core's logging (debug,
    // info and warnings alike: untranslated lines for a developer, "tokendesk.authheaders: …") stays off
    // unless asked for with QT_LOGGING_RULES, which takes precedence over these rules. Except the token
    // operations' warnings: they say that an old refresh token could not be removed, which the user must
    // hear of. (A new token the account file could not record is the command's own error.)
    QLoggingCategory::setFilterRules(QStringLiteral("tokendesk.*.debug=false\ntokendesk.*.info=false\n"
                                                    "tokendesk.*.warning=false\ntokendesk.token.warning=true"));
    qSetMessagePattern(QStringLiteral("tokendesk-cli: %{if-category}%{category}: %{endif}%{message}"));

    Output out;
    CliApplication cli(out);
    return cli.run(QCoreApplication::arguments());
}
