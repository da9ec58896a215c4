#pragma once

#include "AccountImport.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

class AccountStore;
class ProviderRegistry;

// What importing a parsed file would do, merged by account name (accounts) and id (provider profiles):
// new, changed (which fields) or unchanged. Nothing is changed until apply().
struct ImportPlan
{
    enum class Action { Add, Change, Same };

    struct AccountItem
    {
        Action action = Action::Add;
        AccountExchange::SharedAccount incoming;
        Account existing;          // Change and Same: the account here, by name
        QStringList changedFields; // Change: JSON keys, in file order
    };
    struct ProfileItem
    {
        Action action = Action::Add;
        QString id;
        QString name;
        QJsonObject json;
    };

    QList<AccountItem> accounts;
    QList<ProfileItem> profiles;

    int count(Action action) const;        // accounts with this action
    int profileCount(Action action) const; // provider profiles with this action
    // Whether apply(applyChanges) would change anything.
    bool hasWork(bool applyChanges) const;

    static ImportPlan make(const AccountImport::Parsed &parsed, const AccountStore &store,
                           const ProviderRegistry &registry);

    struct Result
    {
        bool ok = true;
        QString error;             // for people
        QStringList addedIds;
        QStringList changedIds;
        QStringList signInChangedIds; // provider, URL or username changed: their tokens no longer apply
    };
    // Applies the plan: provider profiles first, then every account in one write of the account file. With
    // `applyChanges` false, existing accounts and profiles are left exactly as they are. All or nothing: if
    // the accounts cannot be written, the profiles written for them are taken back.
    Result apply(bool applyChanges, AccountStore *store, ProviderRegistry *registry) const;
};
