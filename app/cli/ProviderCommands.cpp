// tokendesk-cli providers [--json | --ids]: the built-in presets and the user's own provider profiles.
#include "CliCommand.h"
#include "CliText.h"
#include "CoreServices.h"
#include "Output.h"
#include "providers/ProviderRegistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString credentialKey(const ProviderProfile &p) {
    return p.needsUsername() ? QStringLiteral("username_password") : QStringLiteral("api_key");
}

QJsonObject providerJson(const ProviderProfile &p) {
    return {
        {QStringLiteral("id"), p.id},
        {QStringLiteral("name"), p.name},
        {QStringLiteral("description"), p.description},
        {QStringLiteral("credential"), credentialKey(p)},
        {QStringLiteral("needs_username"), p.needsUsername()},
        {QStringLiteral("has_refresh"), p.hasRefresh()},
        {QStringLiteral("header_name"), p.headerName},
        {QStringLiteral("auth_headers"), p.authHeaders},
        {QStringLiteral("built_in"), p.builtIn},
        {QStringLiteral("source"), p.sourceFile},
    };
}

ExitCode runProviders(CliContext &ctx) {
    const QList<const ProviderProfile *> profiles = ctx.core.providers()->profiles();
    // Broken user profiles are skipped by the registry; say which and why.
    for (const QString &problem : ctx.core.providerErrors())
        ctx.out.error(problem);

    if (ctx.isSet(QStringLiteral("ids"))) {
        for (const ProviderProfile *p : profiles)
            ctx.out.text(p->id);
        return ExitCode::Ok;
    }
    if (ctx.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const ProviderProfile *p : profiles)
            array.append(providerJson(*p));
        ctx.out.json(QJsonDocument(array));
        return ExitCode::Ok;
    }
    QList<QStringList> rows{{Cli::tr("ID"), Cli::tr("NAME"), Cli::tr("CREDENTIAL"), Cli::tr("RENEWAL"),
                             Cli::tr("HEADER"), Cli::tr("SOURCE")}};
    for (const ProviderProfile *p : profiles) {
        const QString credential = p->needsUsername() ? Cli::tr("username + password") : Cli::tr("API key");
        const QString refresh = p->hasRefresh() ? Cli::tr("refresh token") : Cli::tr("re-login");
        const QString origin = p->builtIn ? Cli::tr("built-in") : p->sourceFile;
        rows.append({p->id, p->name, credential, refresh, p->headerName, origin});
    }
    ctx.out.table(rows);
    return ExitCode::Ok;
}

} // namespace

QList<CliCommand> CliCommands::providerCommands() {
    CliCommand providers;
    providers.name = QStringLiteral("providers");
    providers.summary = Cli::tr("List the provider profiles: the built-in presets and your own.");
    providers.options = {
        {QStringLiteral("json"), Cli::tr("Print a JSON array of objects.")},
        {QStringLiteral("ids"), Cli::tr("Print only the provider ids, one per line.")},
    };
    providers.conflicting = {{QStringLiteral("json"), QStringLiteral("ids")}};
    providers.run = runProviders;
    return {providers};
}
