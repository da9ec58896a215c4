#include "CliCommand.h"

#include "CoreServices.h"
#include "Output.h"

std::optional<Account> CliContext::account(const QString &name) const {
    if (auto found = core.accounts()->findByName(name))
        return found;
    usage(tr("No account named \"%1\". 'tokendesk-cli list' shows the accounts.").arg(name));
    return std::nullopt;
}

ExitCode CliContext::usage(const QString &problem) const {
    return out.usage(problem, command);
}
