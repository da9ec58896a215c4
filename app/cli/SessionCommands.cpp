// tokendesk-cli login / refresh / logout NAME: one token operation through the shared TokenManager, so
// the cross-process account lock keeps a rotating refresh token from being spent twice.
#include "Await.h"
#include "CliCommand.h"
#include "CliText.h"
#include "CoreServices.h"
#include "Output.h"
#include "auth/Clock.h"
#include "auth/TokenManager.h"

namespace {

using Start = void (TokenManager::*)(const QString &, QObject *, TokenManager::Callback);

QString validityText(const TokenResult &r, const QDateTime &now) {
    if (!r.accessExpiresAt.isValid())
        return Cli::tr("The provider does not say when the token expires.");
    return Cli::tr("The token is valid until %1 (%2 from now).")
        .arg(Output::isoUtc(r.accessExpiresAt), Output::duration(now.secsTo(r.accessExpiresAt)));
}

ExitCode runOperation(CliContext &ctx, Start start, const char *successText, bool showValidity) {
    const auto account = ctx.account(ctx.arguments.value(0));
    if (!account)
        return ExitCode::Usage;
    TokenResult r = awaitResult<TokenResult>([&](QObject *context, TokenManager::Callback done) {
        (ctx.core.tokens()->*start)(account->id, context, std::move(done));
    });
    r.accessToken.fill('\0');
    if (r.error)
        return ctx.out.authError(r.error, account->name);
    if (!r.saveError.isEmpty()) { // done at the provider and in the keychain, but not in the account file
        ctx.out.error(r.saveError);
        return ExitCode::Failure;
    }
    QString text = Cli::tr(successText).arg(account->name);
    if (showValidity)
        text += QLatin1Char(' ') + validityText(r, ctx.core.clock()->now());
    ctx.out.note(text);
    ctx.warnIfPasswordExpires(account->id);
    return ExitCode::Ok;
}

CliCommand command(const QString &name, const QString &summary, std::function<ExitCode(CliContext &)> run) {
    CliCommand c;
    c.name = name;
    c.summary = summary;
    c.arguments = {{QStringLiteral("NAME"), Cli::tr("The account.")}};
    c.run = std::move(run);
    return c;
}

} // namespace

QList<CliCommand> CliCommands::sessionCommands() {
    return {
        command(QStringLiteral("login"),
                Cli::tr("Log in with the stored credential, even if the token is valid."),
                [](CliContext &ctx) {
                    return runOperation(ctx, &TokenManager::login,
                                        QT_TRANSLATE_NOOP("Cli", "Logged in to \"%1\"."), true);
                }),
        command(QStringLiteral("refresh"),
                Cli::tr("Renew the token now: with the refresh token, or by logging in where there is none."),
                [](CliContext &ctx) {
                    return runOperation(ctx, &TokenManager::refresh,
                                        QT_TRANSLATE_NOOP("Cli", "Renewed the token of \"%1\"."), true);
                }),
        command(QStringLiteral("logout"),
                Cli::tr("Forget the account's tokens; the stored credential is kept."),
                [](CliContext &ctx) {
                    return runOperation(
                        ctx, &TokenManager::logout,
                        QT_TRANSLATE_NOOP("Cli", "Logged out of \"%1\"; its credential is kept."), false);
                }),
    };
}
