#include "ImportPlan.h"

#include "AccountStore.h"
#include "auth/HttpClient.h"
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

bool ImportPlan::sameOrigin(const QUrl &a, const QUrl &b)
{
    const auto defaultPort = [](const QUrl &u) { return u.scheme() == u"https" ? 443 : 80; };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
           && QUrl::toAce(a.host()).compare(QUrl::toAce(b.host()), Qt::CaseInsensitive) == 0
           && a.port(defaultPort(a)) == b.port(defaultPort(b));
}

bool ImportPlan::isPlainHttp(const QUrl &url)
{
    return url.scheme() == u"http" && !HttpClient::isLoopbackHost(url.host());
}

bool ImportPlan::needsReplacement(const AccountExchange::SharedAccount &here,
                                  const AccountExchange::SharedAccount &incoming)
{
    return here.providerId != incoming.providerId || here.username != incoming.username
           || !sameOrigin(here.baseUrl, incoming.baseUrl);
}

ImportPlan ImportPlan::make(const AccountImport::Parsed &parsed, const AccountStore &store,
                            const ProviderRegistry &registry)
{
    ImportPlan plan;
    plan.profiles.reserve(parsed.providers.size());
    for (const AccountImport::SharedProfile &p : parsed.providers) {
        ProfileItem item;
        item.id = p.profile.id;
        item.name = p.profile.name;
        item.json = p.json;
        if (registry.find(p.profile.id))
            item.action = registry.json(p.profile.id) == p.json ? Action::Same : Action::Change;
        plan.profiles.append(item);
    }
    // Name → index once: a lookup per account instead of a scan of every account.
    const QList<Account> &here = store.accounts();
    QHash<QString, qsizetype> byName;
    byName.reserve(here.size());
    for (qsizetype i = 0; i < here.size(); ++i)
        byName.insert(Account::normalName(here.at(i).name), i);
    plan.accounts.reserve(parsed.accounts.size());
    for (const AccountExchange::SharedAccount &shared : parsed.accounts) {
        AccountItem item;
        item.incoming = shared;
        // The plain-http opt-in is never taken from a file: new accounts and replacements start without it,
        // an account that keeps its id keeps its own value.
        item.incoming.allowInsecureHttp = false;
        const qsizetype index = byName.value(Account::normalName(shared.name), -1);
        if (index >= 0) {
            item.existing = here.at(index);
            const AccountExchange::SharedAccount current = AccountExchange::fromAccount(item.existing);
            item.replaces = needsReplacement(current, shared);
            if (!item.replaces)
                item.incoming.allowInsecureHttp = item.existing.allowInsecureHttp;
            item.changedFields = AccountExchange::differences(current, item.incoming);
            item.action = item.changedFields.isEmpty() ? Action::Same : Action::Change;
            if (item.action == Action::Same)
                item.replaces = false;
        }
        item.needsInsecureOptIn = item.action != Action::Same && !item.incoming.allowInsecureHttp
                                  && isPlainHttp(item.incoming.baseUrl);
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
    QStringList removed;
    QHash<QString, std::function<void(Account &)>> changes;
    for (const AccountItem &item : accounts) {
        if (item.action == Action::Add) {
            Account a;
            a.id = Account::newId();
            AccountExchange::applyTo(item.incoming, &a);
            added.append(a);
            result.addedIds.append(a.id);
        } else if (item.action == Action::Change && applyChanges && item.replaces) {
            // Another provider, host or user: a new account (new id, no secret, no token) under the same
            // name. The old id goes in the same write, so nothing can pair its secrets with the new host.
            Account a;
            a.id = Account::newId();
            AccountExchange::applyTo(item.incoming, &a);
            added.append(a);
            removed.append(item.existing.id);
            result.replaced.append({item.incoming.name, item.existing.id, a.id});
        } else if (item.action == Action::Change && applyChanges) {
            const AccountExchange::SharedAccount incoming = item.incoming;
            // Onto the freshest version on disk: its id (and so its keychain entries) and tokens stay, and
            // so does its own plain-http opt-in.
            changes.insert(item.existing.id, [incoming](Account &a) {
                const bool insecure = a.allowInsecureHttp;
                AccountExchange::applyTo(incoming, &a);
                a.allowInsecureHttp = insecure;
            });
            result.changedIds.append(item.existing.id);
        }
    }
    if (added.isEmpty() && changes.isEmpty() && removed.isEmpty())
        return result;
    const AccountStore::Result written = store->addAndModify(added, changes, removed);
    if (!written.ok) {
        rollBack();
        return {false, written.error, {}, {}, {}};
    }
    return result;
}
