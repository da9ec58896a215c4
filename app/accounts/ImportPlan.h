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
        // Change: the provider, the base URL's origin (scheme, host, port) or the username differs. The
        // change is applied as a replacement: a new id (no secret, no token) under the same name, the old
        // id and its keychain entries removed, so that no secret stored for one host is sent to another.
        bool replaces = false;
        // Add or Change: plain http to a non-loopback host without the account's own opt-in. The opt-in is
        // never imported (an import gets allowInsecureHttp false; an existing account keeps its value).
        bool needsInsecureOptIn = false;
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
        QStringList changedIds; // kept their id (and keychain entries)
        struct Replaced
        {
            QString name;
            QString oldId; // removed from the account file; its keychain entries are to be deleted
            QString newId;
        };
        QList<Replaced> replaced;
    };
    // Whether going from `here` to `incoming` needs a replacement (see AccountItem::replaces).
    static bool needsReplacement(const AccountExchange::SharedAccount &here,
                                 const AccountExchange::SharedAccount &incoming);
    // Same scheme, host (compared in ACE form) and port.
    static bool sameOrigin(const QUrl &a, const QUrl &b);
    // http:// to a host that is not loopback: needs the account's opt-in before it logs in.
    static bool isPlainHttp(const QUrl &url);

    // Applies the plan: provider profiles first, then every account (additions, changes, replacements) in
    // one write of the account file. With `applyChanges` false, existing accounts and profiles are left
    // exactly as they are. If the accounts cannot be written, the profiles written for them are taken back;
    // a crash between the two writes leaves the profiles installed (accounts never name a missing profile).
    // The keychain entries of replaced accounts are NOT removed here: the caller does it after success.
    Result apply(bool applyChanges, AccountStore *store, ProviderRegistry *registry) const;
};
