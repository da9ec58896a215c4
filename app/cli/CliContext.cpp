#include "CliCommand.h"

#include "CoreServices.h"
#include "Output.h"
#include "auth/Clock.h"

std::optional<Account> CliContext::account(const QString &name) const {
    if (auto found = core.accounts()->findByName(name))
        return found;
    usage(tr("No account named \"%1\". 'tokendesk-cli list' shows the accounts.").arg(name));
    return std::nullopt;
}

void CliContext::warnIfPasswordExpires(const QString &accountId) const {
    const Account *account = core.accounts()->find(accountId);
    if (!account || account->token.history.isEmpty())
        return;
    const HistoryEntry &last = account->token.history.constLast();
    const QDateTime expires = account->token.passwordExpiresAt;
    if (last.operation != QLatin1String("login") || last.result != AuthError::Kind::None || !expires.isValid())
        return;
    const QDateTime now = core.clock()->now();
    const qint64 seconds = now.secsTo(expires);
    const qint64 days = seconds / 86400; // whole days left: not the midnights in between
    if (expires <= now) {
        out.note(tr("Warning: the password of \"%1\" expired on %2. Change it at the provider.")
                     .arg(account->name, Output::isoUtc(expires)));
    } else if (days == 0) { // "in 0 days" would read as expired: the hours and minutes
        out.note(tr("Warning: the password of \"%1\" expires on %2 (in %3). Change it at the provider.")
                     .arg(account->name, Output::isoUtc(expires), Output::duration(seconds)));
    } else if (days < TokenMeta::kPasswordWarningDays) {
        out.note(tr("Warning: the password of \"%1\" expires on %2 (in %n day(s)). Change it at the provider.",
                    nullptr, int(days))
                     .arg(account->name, Output::isoUtc(expires)));
    }
}

ExitCode CliContext::usage(const QString &problem) const {
    return out.usage(problem, command);
}
