#include "ImportPlan.h"

#include "AccountStore.h"
#include "providers/ProviderRegistry.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonDocument>

#include <algorithm>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("ImportPlan", text);
}

QByteArray profileText(const QJsonObject &json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Indented);
}
} // namespace

int ImportPlan::count(Action action) const
{
    return int(std::count_if(accounts.begin(), accounts.end(), [action](const AccountItem &i) { return i.action == action; }));
}

int ImportPlan::profileCount(Action action) const
{
    return int(std::count_if(profiles.begin(), profiles.end(), [action](const ProfileItem &i) { return i.action == action; }));
}

bool ImportPlan::hasWork(bool applyChanges) const
{
    return count(Action::Add) > 0 || profileCount(Action::Add) > 0
           || (applyChanges && (count(Action::Change) > 0 || profileCount(Action::Change) > 0));
}

ImportPlan ImportPlan::make(const AccountImport::Parsed &parsed, const AccountStore &store,
                            const ProviderRegistry &registry)
{
    ImportPlan plan;
    for (const AccountImport::SharedProfile &p : parsed.providers) {
        ProfileItem item;
        item.id = p.profile.id;
        item.name = p.profile.name;
        item.json = p.json;
        if (registry.find(p.profile.id))
            item.action = registry.json(p.profile.id) == p.json ? Action::Same : Action::Change;
        plan.profiles.append(item);
    }
    for (const AccountExchange::SharedAccount &shared : parsed.accounts) {
        AccountItem item;
        item.incoming = shared;
        if (const auto existing = store.findByName(shared.name)) {
            item.existing = *existing;
            item.changedFields = AccountExchange::differences(AccountExchange::fromAccount(*existing), shared);
            item.action = item.changedFields.isEmpty() ? Action::Same : Action::Change;
        }
        plan.accounts.append(item);
    }
    return plan;
}

ImportPlan::Result ImportPlan::apply(bool applyChanges, AccountStore *store, ProviderRegistry *registry) const
{
    Result result;
    if (!store->isWritable())
        return {false, store->readOnlyReason(), {}, {}, {}};

    // Provider profiles first: the accounts need them. Remember how to take each one back.
    struct Undo
    {
        QString id;
        QJsonObject previous; // empty: the profile was new
    };
    QList<Undo> undo;
    const auto rollBack = [&] {
        for (auto it = undo.crbegin(); it != undo.crend(); ++it) {
            QString ignored;
            if (it->previous.isEmpty())
                registry->removeUserProfile(it->id, &ignored);
            else
                registry->saveUserProfile(profileText(it->previous), &ignored);
        }
    };
    for (const ProfileItem &p : profiles) {
        if (p.action == Action::Same || (p.action == Action::Change && !applyChanges))
            continue;
        const QJsonObject previous = registry->json(p.id);
        QString error;
        if (!registry->saveUserProfile(profileText(p.json), &error)) {
            rollBack();
            return {false, tr("The provider \"%1\" could not be saved: %2").arg(p.name, error), {}, {}, {}};
        }
        undo.append({p.id, p.action == Action::Change ? previous : QJsonObject()});
    }

    QList<Account> added;
    QHash<QString, std::function<void(Account &)>> changes;
    for (const AccountItem &item : accounts) {
        if (item.action == Action::Add) {
            Account a;
            a.id = Account::newId();
            AccountExchange::applyTo(item.incoming, &a);
            added.append(a);
            result.addedIds.append(a.id);
        } else if (item.action == Action::Change && applyChanges) {
            const AccountExchange::SharedAccount incoming = item.incoming;
            // Onto the freshest version on disk: its id (and so its keychain entries) and tokens stay.
            changes.insert(item.existing.id, [incoming](Account &a) { AccountExchange::applyTo(incoming, &a); });
            result.changedIds.append(item.existing.id);
            const QStringList &f = item.changedFields;
            if (f.contains(QStringLiteral("providerId")) || f.contains(QStringLiteral("baseUrl"))
                || f.contains(QStringLiteral("username")))
                result.signInChangedIds.append(item.existing.id);
        }
    }
    if (added.isEmpty() && changes.isEmpty())
        return result;
    const AccountStore::Result written = store->addAndModify(added, changes);
    if (!written.ok) {
        rollBack();
        return {false, written.error, {}, {}, {}};
    }
    return result;
}
