#include "DemoSession.h"

#include "CoreServices.h"
#include "accounts/SecretStore.h"
#include "auth/TokenManager.h"
#include "demo/DemoServer.h"

DemoSession::DemoSession(QObject *parent)
    : QObject(parent)
    , m_server(new DemoServer(this))
{
    // Short lifetimes, so that the countdowns visibly run and the automatic renewals happen while you watch.
    m_server->setAccessLifetime(kAccessLifetimeSeconds);
    m_server->setRefreshLifetime(kRefreshLifetimeSeconds);
}

DemoSession::~DemoSession() = default;

bool DemoSession::start(QString *error)
{
    if (m_server->listen())
        return true;
    if (error)
        *error = m_server->errorString();
    return false;
}

void DemoSession::populate(CoreServices *core)
{
    for (const DemoAccount &demo : DemoServer::demoAccounts()) {
        Account account;
        account.id = Account::newId();
        account.name = demo.accountName;
        account.providerId = demo.presetId;
        account.baseUrl = m_server->baseUrl(demo.presetId);
        account.username = demo.username;
        // The in-memory store answers asynchronously; the account is added once its secret is stored.
        core->secrets()->write(account.id, SecretKind::Credential, demo.secret, this, [core, account](const SecretResult &r) {
            if (r.ok())
                core->accounts()->add(account);
        });
    }
}

void DemoSession::logInWhenAdded(CoreServices *core)
{
    QStringList demoNames;
    for (const DemoAccount &d : DemoServer::demoAccounts())
        demoNames.append(d.accountName);
    connect(core->accounts(), &AccountStore::accountAdded, this, [core, demoNames](const QString &id) {
        const auto account = core->accounts()->account(id);
        if (account && demoNames.contains(account->name))
            core->tokens()->login(id);
    });
}
