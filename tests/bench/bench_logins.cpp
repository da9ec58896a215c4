// 1,000 accounts logging in at once ("Log in all" in the main window) against tokendesk-demo-providers
// running as its own process: the wall time until every login has finished, and the longest stall of the
// GUI's event loop meanwhile. The core runs as in `tokendesk --demo` (accounts and secrets in memory) with
// the main window shown on the offscreen platform, so every finished login also updates its row.
// bench_logins_floor sends the same 1,000 login requests with a bare QNetworkAccessManager.
//
//   bench_logins --port PORT [--count N]
// Prints RESULT login_wall_ms, login_stall_ms, login_failed; BENCH_PROGRESS=1 adds progress on stderr.
#include "AccountActions.h"
#include "ClipboardGuard.h"
#include "CoreServices.h"
#include "MainWindow.h"
#include "StallMeter.h"
#include "accounts/SecretStore.h"
#include "auth/TokenManager.h"
#include "demo/DemoServer.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QSet>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int port = BenchProbe::option(args, QStringLiteral("--port"), QString()).toInt();
    const int count = BenchProbe::option(args, QStringLiteral("--count"), QStringLiteral("1000")).toInt();
    if (port <= 0) {
        std::fprintf(stderr, "usage: bench_logins --port PORT [--count N]\n");
        return 2;
    }
    DemoAccount credential;
    for (const DemoAccount &d : DemoServer::demoAccounts()) {
        if (d.presetId == QStringLiteral("b2b-api"))
            credential = d;
    }

    CoreOptions options;
    options.inMemory = true;
    CoreServices core(options);
    for (int i = 0; i < count; ++i) {
        Account a;
        a.id = Account::newId();
        a.name = QStringLiteral("login-%1").arg(i, 5, 10, QLatin1Char('0'));
        a.providerId = credential.presetId;
        a.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1/%2").arg(port).arg(credential.presetId));
        a.username = credential.username;
        core.secrets()->write(a.id, SecretKind::Credential, credential.secret, nullptr, {});
        core.accounts()->add(a);
    }
    QCoreApplication::processEvents();

    ClipboardGuard clipboard(QGuiApplication::clipboard());
    MainWindow window(&core, &clipboard, MainWindow::Mode::Demo);
    core.tokens()->setAutoRefresh(true);
    window.show();

    QSet<QString> finished;
    int failed = 0;
    StallMeter stalls;
    qint64 start = 0;
    QObject::connect(core.tokens(), &TokenManager::operationFinished, &app,
                     [&](const QString &id, const AuthError &error) {
                         if (error)
                             ++failed;
                         finished.insert(id);
                         if (qEnvironmentVariableIsSet("BENCH_PROGRESS") && finished.size() % 50 == 0)
                             std::fprintf(stderr, "%lld finished after %.0f ms\n",
                                          static_cast<long long>(finished.size()),
                                          double(BenchProbe::monotonicNs() - start) / 1e6);
                         if (finished.size() == count) {
                             const double wall = double(BenchProbe::monotonicNs() - start) / 1e6;
                             const double stall = stalls.stop();
                             BenchProbe::result("login_wall_ms", wall);
                             BenchProbe::result("login_stall_ms", stall);
                             BenchProbe::result("login_failed", failed);
                             QCoreApplication::quit();
                         }
                     });
    // Let the window settle (first paint), then log everyone in the way the toolbar button does.
    QTimer::singleShot(500, &window, [&] {
        stalls.start();
        start = BenchProbe::monotonicNs();
        window.actions()->loginAllAction()->trigger();
    });
    return QApplication::exec();
}
