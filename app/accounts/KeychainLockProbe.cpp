#include "KeychainLockProbe.h"

#include <QtGlobal>

#ifdef TOKENDESK_SECRET_SERVICE_PROBE
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

namespace KeychainLockProbe {

void isDefaultCollectionLocked(std::chrono::milliseconds timeout, std::function<void(bool locked)> done) {
#ifdef TOKENDESK_SECRET_SERVICE_PROBE
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        done(false);
        return;
    }
    QDBusMessage get = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets/aliases/default"),
        QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
    get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
    // Never auto-start a Secret Service just to ask: one that is not running has nothing locked.
    get.setAutoStartService(false);
    const int timeoutMs =
        static_cast<int>(qBound<qint64>(1, qint64(timeout.count()), qint64(24) * 3600 * 1000));
    // No parent: the watcher lives until the bus answers or the call times out, then deletes itself.
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(get, timeoutMs));
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, watcher,
                     [done = std::move(done)](QDBusPendingCallWatcher *finished) {
                         const QDBusPendingReply<QDBusVariant> reply = *finished;
                         finished->deleteLater();
                         done(!reply.isError() && reply.value().variant().toBool());
                     });
#else
    Q_UNUSED(timeout);
    done(false);
#endif
}

} // namespace KeychainLockProbe
