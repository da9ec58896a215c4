#include "KeychainLockProbe.h"

#include <QtGlobal>

#ifdef TOKENDESK_SECRET_SERVICE_PROBE
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QMap>
#endif

namespace KeychainLockProbe {

void isItemLocked(const QString &service, const QString &key, std::chrono::milliseconds timeout,
                  std::function<void(bool locked)> done) {
#ifdef TOKENDESK_SECRET_SERVICE_PROBE
    using Attributes = QMap<QString, QString>;
    using Paths = QList<QDBusObjectPath>;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected()) {
        done(false);
        return;
    }
    static const int attributesType = qDBusRegisterMetaType<Attributes>().id(); // a{ss}
    Q_UNUSED(attributesType);
    QDBusMessage search = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
    // QtKeychain's own attributes for the entry, without `type` (plaintext or base64, either matches).
    const Attributes attributes{{QStringLiteral("server"), service}, {QStringLiteral("user"), key}};
    search << QVariant::fromValue(attributes);
    // Never auto-start a Secret Service just to ask: one that is not running has nothing locked.
    search.setAutoStartService(false);
    const int timeoutMs =
        static_cast<int>(qBound<qint64>(1, qint64(timeout.count()), qint64(24) * 3600 * 1000));
    // No parent: the watcher lives until the bus answers or the call times out, then deletes itself.
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(search, timeoutMs));
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, watcher,
                     [done = std::move(done)](QDBusPendingCallWatcher *finished) {
                         const QDBusPendingReply<Paths, Paths> reply = *finished; // (unlocked, locked)
                         finished->deleteLater();
                         done(!reply.isError() && !reply.argumentAt<1>().isEmpty());
                     });
#else
    Q_UNUSED(service);
    Q_UNUSED(key);
    Q_UNUSED(timeout);
    done(false);
#endif
}

} // namespace KeychainLockProbe
