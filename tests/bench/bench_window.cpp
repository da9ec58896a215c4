// TokenDesk's start-up, memory and idle cost: builds the main window exactly as ui/main.cpp does (the core
// on a config directory, the clipboard guard, the window, the account editor, automatic renewal on, the
// saved window state), shows it and reports its first paint. Same output as bench_floor_window (see
// WindowProbe.h), so the two compare line by line.
//
//   bench_window --config DIR [--idle SECONDS]   accounts from DIR/accounts.json (written beforehand)
//   bench_window --accounts N [--idle SECONDS]   writes N accounts into a temporary DIR first
//
// Run it with XDG_CONFIG_HOME pointing somewhere private (QSettings) and without a keyring: start-up reads
// no secret, so none is needed.
#include "AccountActions.h"
#include "AccountEditor.h"
#include "BenchAccounts.h"
#include "ClipboardGuard.h"
#include "CoreServices.h"
#include "MainWindow.h"
#include "WindowProbe.h"
#include "auth/TokenManager.h"

#include <QApplication>
#include <QClipboard>
#include <QTemporaryDir>

#include <cstdio>
#include <memory>

int main(int argc, char **argv) {
    const qint64 mainNs = BenchProbe::monotonicNs();
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("TokenDesk-bench"));
    QCoreApplication::setOrganizationName(QStringLiteral("TokenDesk-bench"));
    const QStringList arguments = QCoreApplication::arguments();
    const double idle = idleSecondsFromArguments(arguments);

    CoreOptions options;
    options.keychainService = QStringLiteral("TokenDesk-bench"); // never read: start-up reads no secret
    std::unique_ptr<QTemporaryDir> ownDir;
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--config")); at >= 0) {
        options.configDirectory = arguments.value(at + 1);
    } else if (const qsizetype n = arguments.indexOf(QStringLiteral("--accounts")); n >= 0) {
        ownDir = std::make_unique<QTemporaryDir>();
        options.configDirectory = ownDir->path();
        if (!writeBenchAccounts(ownDir->filePath(QStringLiteral("accounts.json")),
                                arguments.value(n + 1).toInt())) {
            std::fprintf(stderr, "bench_window: cannot write the accounts\n");
            return 1;
        }
    } else {
        std::fprintf(stderr, "usage: bench_window --config DIR | --accounts N [--idle SECONDS]\n");
        return 2;
    }

    // From here on as in ui/main.cpp.
    CoreServices core(options);
    if (!core.loadResult().ok())
        std::fprintf(stderr, "bench_window: %s\n", qPrintable(core.loadResult().message));
    ClipboardGuard clipboard(QGuiApplication::clipboard());
    MainWindow window(&core, &clipboard, MainWindow::Mode::Normal);
    AccountEditor editor(&core, &window);
    QObject::connect(&window, &MainWindow::addAccountRequested, &editor, [&editor] { editor.addAccount(); });
    QObject::connect(window.actions(), &AccountActions::editRequested, &editor, &AccountEditor::editAccount);
    QObject::connect(&editor, &AccountEditor::message, &window, &MainWindow::showMessage);
    core.tokens()->setAutoRefresh(true);
    window.restoreState();
    BenchProbe::result("accounts", double(core.accounts()->count()));
    return runWindowProbe(&window, mainNs, idle);
}
