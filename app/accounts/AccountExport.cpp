#include "AccountExport.h"

#include "AccountExchange.h"
#include "AccountName.h"
#include "AtomicFile.h"
#include "DirectFile.h"
#include "providers/ProviderRegistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("AccountExport", text);
}

// Accounts whose provider profile is not here, named with their profile; empty when there are none.
QString missingProfiles(const QList<Account> &accounts, const ProviderRegistry &registry)
{
    constexpr qsizetype kNamed = 20; // then "and N more"
    QStringList named;
    qsizetype total = 0;
    for (const Account &a : accounts) {
        if (registry.find(a.providerId))
            continue;
        if (++total <= kNamed)
            named.append(QStringLiteral("\"%1\" (%2)")
                             .arg(AccountName::visible(a.name), AccountName::visible(a.providerId)));
    }
    if (total == 0)
        return {};
    QString list = named.join(QStringLiteral(", "));
    if (total > kNamed)
        list += QLatin1Char(' ')
                + QCoreApplication::translate("AccountExport", "and %n more", nullptr, int(total - kNamed));
    return QCoreApplication::translate(
               "AccountExport",
               "Nothing was exported: these accounts use a provider profile that is not installed here or whose "
               "file cannot be read, and a file with them could not be imported anywhere: %1. Repair or "
               "reinstall the profile, or name the other accounts to export.")
        .arg(list);
}
} // namespace

namespace AccountExport {

QString literalSecretIn(const QJsonObject &profile)
{
    static const QRegularExpression placeholder(QStringLiteral(R"(\{[A-Za-z]+\})"));
    static const QStringList secretWords{QStringLiteral("secret"), QStringLiteral("password"),
                                         QStringLiteral("token"), QStringLiteral("key")};
    const QJsonObject fields =
        profile.value(QLatin1String("login")).toObject().value(QLatin1String("fields")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const bool looksSecret = std::any_of(secretWords.begin(), secretWords.end(), [&](const QString &w) {
            return it.key().contains(w, Qt::CaseInsensitive);
        });
        if (!looksSecret || !it.value().isString())
            continue;
        QString literal = it.value().toString();
        literal.remove(placeholder);
        if (literal.trimmed().isEmpty())
            continue;
        return QCoreApplication::translate("AccountExport",
                                           "The provider profile \"%1\" has a literal value in its field "
                                           "'login.fields.%2', which looks like a secret. Replace the value with a "
                                           "placeholder such as {secret} before exporting it.")
            .arg(profile.value(QLatin1String("id")).toString(), it.key());
    }
    return {};
}

Document build(const QList<Account> &accounts, const ProviderRegistry &registry, bool allUserProfiles)
{
    if (const QString problem = missingProfiles(accounts, registry); !problem.isEmpty()) {
        Document refused;
        refused.error = problem;
        return refused;
    }
    QJsonArray accountArray;
    QSet<QString> used;
    for (const Account &a : accounts) {
        accountArray.append(AccountExchange::toJson(AccountExchange::fromAccount(a)));
        used.insert(a.providerId);
    }
    QJsonArray providerArray;
    for (const ProviderProfile *p : registry.profiles()) {
        if (p->builtIn || (!allUserProfiles && !used.contains(p->id)))
            continue;
        const QJsonObject json = registry.json(p->id);
        if (json.isEmpty())
            continue;
        const QString problem = literalSecretIn(json);
        if (!problem.isEmpty()) {
            Document refused;
            refused.error = problem;
            return refused;
        }
        providerArray.append(json);
    }
    QJsonObject root;
    root.insert(QLatin1String("format"), AccountExchange::formatName());
    root.insert(QLatin1String("version"), AccountExchange::kVersion);
    root.insert(QLatin1String("accounts"), accountArray);
    root.insert(QLatin1String("providers"), providerArray);
    Document d;
    d.json = QJsonDocument(root).toJson(QJsonDocument::Indented);
    d.accountCount = int(accountArray.size());
    d.providerCount = int(providerArray.size());
    return d;
}

bool writeFile(const QString &path, const QByteArray &json, QString *error)
{
    QString reason;
    bool written = false;
    switch (DirectFile::kindOf(path)) {
    case DirectFile::Kind::RegularOrMissing:
        written = AtomicFile::replace(path, json, std::nullopt, &reason);
        break;
    case DirectFile::Kind::Stream: // a FIFO, /dev/stdout, a terminal: never replaced by a regular file
        written = DirectFile::write(path, json, &reason);
        break;
    case DirectFile::Kind::Other:
        reason = QCoreApplication::translate("AccountExport",
                                             "it is neither a regular file nor a pipe or character device");
        break;
    }
    if (written)
        return true;
    if (error)
        *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), reason);
    return false;
}

} // namespace AccountExport
