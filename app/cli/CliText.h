#pragma once

#include <QCoreApplication>

// The translation context "Cli" of tokendesk-cli's user-visible text: Cli::tr("…") in free functions;
// classes declare Q_DECLARE_TR_FUNCTIONS(Cli) and call tr().
class Cli {
    Q_DECLARE_TR_FUNCTIONS(Cli)
public:
    Cli() = delete;
};
