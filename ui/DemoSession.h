#pragma once

#include <QObject>

class CoreServices;
class DemoServer;

// `tokendesk --demo`: the embedded demo providers on loopback, and one account per preset in the
// in-memory store. Never touches the user's keyring, accounts or settings.
class DemoSession : public QObject
{
    Q_OBJECT
public:
    explicit DemoSession(QObject *parent = nullptr);
    ~DemoSession() override;

    bool start(QString *error);            // listens on a free loopback port
    void populate(CoreServices *core);     // adds the demo accounts with their credentials
    // From now on logs each demo account in once it is added (its credential is stored by then). Only the
    // demo's own accounts: an imported one has no credential yet and logs in when asked to.
    void logInWhenAdded(CoreServices *core);
    DemoServer *server() const { return m_server; }

    static constexpr int kAccessLifetimeSeconds = 150;
    static constexpr int kRefreshLifetimeSeconds = 1800;

private:
    DemoServer *m_server;
};
