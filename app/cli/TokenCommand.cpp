// tokendesk-cli token NAME [--header] [--min-valid SECONDS] [--json]: a token valid for a while, on stdout
// and nowhere else. A stored token that is still valid costs one keychain read and no request.
#include "Await.h"
#include "CliCommand.h"
#include "CliText.h"
#include "CoreServices.h"
#include "Hardening.h"
#include "Output.h"
#include "auth/Clock.h"
#include "auth/TokenManager.h"
#include "providers/Jwt.h"
#include "providers/ProviderRegistry.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

constexpr qint64 kDefaultMinValid = 30;
constexpr qint64 kMaxMinValid = 366LL * 24 * 3600;

// An explicit --min-valid with no expiry to check it against: said on stderr, stdout stays the token.
// The token is not renewed for it: a new token's expiry would be just as unknown, and a provider that never
// sends one would get a login on every call. 'tokendesk-cli refresh' renews on purpose.
void noteUnknownExpiry(CliContext &ctx, const QString &name, const QByteArray &token) {
    // A JWT whose exp TokenDesk refused: outside 1970..2200 (providers/Timestamp), not a whole number, …
    const JwtInfo jwt = JwtInfo::decode(token);
    if (jwt.claims.contains(QLatin1String("exp")) && !jwt.expiresAt())
        ctx.out.error(
            Cli::tr("Note: the token's expiry (its exp claim) is implausible, so TokenDesk treats it "
                    "as unknown and could not check --min-valid. To renew it anyway: "
                    "tokendesk-cli refresh %1")
                .arg(CliText::shellQuoted(name)));
    else
        ctx.out.error(Cli::tr("Note: the token's expiry is unknown (the provider sent none that TokenDesk "
                              "could read or found plausible), so --min-valid could not be checked. To renew "
                              "it anyway: tokendesk-cli refresh %1")
                          .arg(CliText::shellQuoted(name)));
}

ExitCode runToken(CliContext &ctx) {
    qint64 minValid = kDefaultMinValid;
    if (ctx.isSet(QStringLiteral("min-valid"))) {
        bool ok = false;
        minValid = ctx.value(QStringLiteral("min-valid")).toLongLong(&ok);
        if (!ok || minValid < 0 || minValid > kMaxMinValid)
            return ctx.usage(
                Cli::tr("--min-valid wants a number of seconds from 0 to %1.").arg(kMaxMinValid));
    }
    const auto account = ctx.account(ctx.arguments.value(0));
    if (!account)
        return ExitCode::Usage;

    TokenResult r = awaitResult<TokenResult>([&](QObject *context, TokenManager::Callback done) {
        ctx.core.tokens()->ensureValid(account->id, minValid, context, std::move(done));
    });
    if (r.error)
        return ctx.out.authError(r.error, account->name);
    if (r.usedNetwork)
        ctx.warnIfPasswordExpires(account->id);
    const ProviderProfile *profile = ctx.core.providers()->find(account->providerId);
    if (!profile) { // the operation would have failed already; be safe anyway
        Hardening::wipe(r.accessToken);
        return ctx.out.authError(AuthError::make(AuthError::Kind::Configuration));
    }

    const QDateTime now = ctx.core.clock()->now();
    const qint64 left = r.accessExpiresAt.isValid() ? now.secsTo(r.accessExpiresAt) : -1;
    if (r.accessExpiresAt.isValid() && left < minValid)
        ctx.out.error(Cli::tr("Note: the provider issued a token valid for %1 only, less than --min-valid.")
                          .arg(Output::duration(left)));

    if (!r.accessExpiresAt.isValid() && ctx.isSet(QStringLiteral("min-valid")))
        noteUnknownExpiry(ctx, account->name, r.accessToken);
    QByteArray header = profile->headerLineFor(r.accessToken);
    if (ctx.isSet(QStringLiteral("json"))) {
        const QJsonObject object{
            {QStringLiteral("token"), QString::fromUtf8(r.accessToken)},
            {QStringLiteral("header"), QString::fromUtf8(header)},
            {QStringLiteral("expires_at"), Output::isoOrNull(r.accessExpiresAt)},
            {QStringLiteral("expires_in"),
             r.accessExpiresAt.isValid() ? QJsonValue(qMax<qint64>(0, left)) : QJsonValue(QJsonValue::Null)},
        };
        ctx.out.json(QJsonDocument(object));
    } else {
        ctx.out.data(ctx.isSet(QStringLiteral("header")) ? header : r.accessToken);
    }
    Hardening::wipe(header);
    Hardening::wipe(r.accessToken);
    // The token is valid, but the account file does not know it: the script hears of it through the exit
    // status, the user through stderr.
    if (!r.saveError.isEmpty()) {
        ctx.out.error(r.saveError);
        return ExitCode::Failure;
    }
    return ExitCode::Ok;
}

} // namespace

QList<CliCommand> CliCommands::tokenCommands() {
    CliCommand token;
    token.name = QStringLiteral("token");
    token.summary =
        Cli::tr("Print a valid token (or header line), logging in or refreshing first if needed.");
    token.arguments = {{QStringLiteral("NAME"), Cli::tr("The account.")}};
    token.options = {
        {QStringLiteral("header"), Cli::tr("Print the whole header line, e.g. 'Authorization: Bearer …'.")},
        {QStringLiteral("min-valid"),
         Cli::tr("Renew the token first unless it stays valid this many seconds (default 30). When the "
                 "expiry is unknown the token is not renewed and a note says so."),
         QStringLiteral("SECONDS"), QString::number(kDefaultMinValid)},
        {QStringLiteral("json"), Cli::tr("Print token, header, expires_at and expires_in as a JSON object.")},
    };
    token.conflicting = {{QStringLiteral("json"), QStringLiteral("header")}}; // the JSON has the header
    token.run = runToken;
    return {token};
}
