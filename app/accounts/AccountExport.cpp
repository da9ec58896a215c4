#include "AccountExport.h"

#include "AccountExchange.h"
#include "providers/ProviderRegistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QSet>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("AccountExport", text);
}
} // namespace

namespace AccountExport {

Document build(const QList<Account> &accounts, const ProviderRegistry &registry, bool allUserProfiles)
{
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
        if (!json.isEmpty())
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
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

} // namespace AccountExport
