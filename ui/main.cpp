// tokendesk: the GUI's composition root. It parses the command line, builds the objects and wires them;
// the behaviour lives in the libraries.
#include "AccountActions.h"
#include "AccountDialog.h"
#include "AccountEditor.h"
#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "CoreServices.h"
#include "DemoSession.h"
#include "DesktopNotifications.h"
#include "ExchangeActions.h"
#include "ExpiryNotifier.h"
#include "Hardening.h"
#include "Icons.h"
#include "LiveSettings.h"
#include "MainWindow.h"
#include "SettingsDialog.h"
#include "Translations.h"
#include "TrayIcon.h"
#include "auth/TokenManager.h"
#include "demo/DemoServer.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QPixmap>
#include <QPointer>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// How long the window gets to lay out and paint before --screenshot grabs it.
constexpr int screenshotDelayMs = 300;
constexpr int screenshotMaxWaitMs = 8000;

// --help and --version need no display. QApplication aborts without one, so they get a
// QCoreApplication and work over SSH too.
bool onlyPrintsText(int argc, char *argv[]) {
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"-h", "--help", "--help-all", "-?", "-v", "--version"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

void printLine(std::FILE *stream, const QString &text) {
    std::fputs(qPrintable(text), stream);
    std::fputc('\n', stream);
    std::fflush(stream);
}

} // namespace

int main(int argc, char *argv[]) {
    Hardening::apply(); // no core dumps, no ptrace by other processes: before any secret exists
    const std::unique_ptr<QCoreApplication> app = onlyPrintsText(argc, argv)
                                                      ? std::make_unique<QCoreApplication>(argc, argv)
                                                      : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("TokenDesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("TokenDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));
    Translations translations; // the system language, or the setting General/language
    translations.install(Translations::localeFor(Translations::configuredLanguage()));
    if (qobject_cast<QGuiApplication *>(app.get())) {
        QGuiApplication::setWindowIcon(Icons::application());
        QGuiApplication::setDesktopFileName(QStringLiteral("tokendesk")); // resources/tokendesk.desktop
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Desktop credential manager for third-party HTTP APIs."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate(
            "main", "Run on the embedded demo providers, with in-memory accounts and secrets."));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Show the main window, save a PNG of it to <file> and quit."),
        QCoreApplication::translate("main", "file"));
    parser.addOption(demoOption);
    parser.addOption(screenshotOption);
    parser.process(*app);

    // Only reached without a GUI when a help-like word was an option's value (--screenshot --help).
    if (!qobject_cast<QApplication *>(app.get()))
        parser.showHelp(1);

    const bool demo = parser.isSet(demoOption);
    std::unique_ptr<DemoSession> demoSession;
    CoreOptions options;
    if (demo) {
        demoSession = std::make_unique<DemoSession>();
        QString error;
        if (!demoSession->start(&error)) {
            printLine(stderr, QCoreApplication::translate("main", "Could not start the demo providers: %1").arg(error));
            return 1;
        }
        options.inMemory = true;
    }
    CoreServices core(options);
    if (!core.loadResult().ok())
        printLine(stderr, core.loadResult().message);
    for (const QString &problem : core.providerErrors())
        printLine(stderr, problem);

    ClipboardGuard clipboard(QGuiApplication::clipboard());
    MainWindow window(&core, &clipboard, demo ? MainWindow::Mode::Demo : MainWindow::Mode::Normal);
    AccountEditor editor(&core, &window);
    QObject::connect(&window, &MainWindow::addAccountRequested, &editor, [&editor] { editor.addAccount(); });
    QObject::connect(window.actions(), &AccountActions::editRequested, &editor, &AccountEditor::editAccount);
    QObject::connect(window.actions(), &AccountActions::duplicateRequested, &editor, &AccountEditor::duplicateAccount);
    QObject::connect(&editor, &AccountEditor::message, &window, &MainWindow::showMessage);
    QObject::connect(&editor, &AccountEditor::saved, &window, &MainWindow::selectAccount);
    QObject::connect(window.actions(), &AccountActions::credentialNeeded, &editor, &AccountEditor::enterCredential);
    QObject::connect(window.exchange(), &ExchangeActions::imported, &window, [&window](const QStringList &ids) {
        if (!ids.isEmpty())
            window.selectAccount(ids.constFirst());
    });
    if (!core.loadResult().ok())
        window.showMessage(core.loadResult().message, true);
    else if (!core.providerErrors().isEmpty())
        window.showMessage(core.providerErrors().join(QLatin1Char('\n')), true);

    // Preferences. The demo leaves the user's alone: it works on a throwaway copy of the defaults.
    std::unique_ptr<QTemporaryDir> demoSettingsDir;
    std::unique_ptr<QSettings> qsettings;
    if (demo) {
        demoSettingsDir = std::make_unique<QTemporaryDir>();
        qsettings = std::make_unique<QSettings>(demoSettingsDir->filePath(QStringLiteral("settings.ini")),
                                                QSettings::IniFormat);
    } else {
        qsettings = std::make_unique<QSettings>();
    }
    AppSettings settings(qsettings.get());
    ExpiryNotifier notifier(core.accounts(), core.tokens(), core.clock());
    LiveSettings liveSettings(&settings, core.tokens(), core.http(), &clipboard, &notifier); // auto-refresh on

    // The tray, where the desktop has one; without it TokenDesk is a plain window app.
    const bool trayAvailable = QSystemTrayIcon::isSystemTrayAvailable();
    std::unique_ptr<TrayIcon> tray;
    if (trayAvailable) {
        tray = std::make_unique<TrayIcon>(core.accounts(), core.tokens(), core.clock(), window.actions(), &window);
        QApplication::setQuitOnLastWindowClosed(false); // a dialog closed while the window is hidden
        tray->show();
    }
    auto applyTrayOptions = [&window, &settings, trayAvailable] {
        window.setKeepRunningInTray(trayAvailable && settings.values().closeToTray);
    };
    applyTrayOptions();
    QObject::connect(&settings, &AppSettings::changed, &window, applyTrayOptions);
    QObject::connect(&window, &MainWindow::quitRequested, &window, &QCoreApplication::quit); // clears the clipboard
    QObject::connect(&window, &MainWindow::hiddenToTray, &window, [&tray, shown = false]() mutable {
        if (shown || !tray)
            return;
        shown = true;
        tray->icon()->showMessage(
            QCoreApplication::translate("main", "TokenDesk is still running"),
            QCoreApplication::translate("main", "It keeps your tokens fresh from the tray. Quit it from the tray menu."),
            QSystemTrayIcon::Information, DesktopNotifications::kTimeoutMs);
    });

    // Notifications: the tray's balloon, the desktop's notification service, or the window's banner.
    DesktopNotifications notifications([&window](const QString &title, const QString &text) {
        window.showMessage(QCoreApplication::translate("main", "%1: %2").arg(title, text), true);
    });
    notifications.setTrayIcon(tray ? tray->icon() : nullptr);
    QObject::connect(&notifier, &ExpiryNotifier::notify, &notifications,
                     [&notifications](const QString &, const QString &title, const QString &text) {
                         notifications.show(title, text);
                     });
    // A copy from the tray menu that failed, while the window (and its banner) is hidden.
    QObject::connect(window.actions(), &AccountActions::message, &notifications,
                     [&window, &notifications](const QString &text, bool isError) {
                         if (isError && !window.isVisible()
                             && notifications.channel() != DesktopNotifications::Channel::Fallback)
                             notifications.show(QCoreApplication::translate("main", "TokenDesk"), text);
                     });

    QPointer<SettingsDialog> settingsDialog;
    auto openSettings = [&settingsDialog, &settings, &window, trayAvailable] {
        if (!settingsDialog) {
            settingsDialog = new SettingsDialog(&settings, trayAvailable, &window);
            settingsDialog->setAttribute(Qt::WA_DeleteOnClose);
        }
        settingsDialog->show();
        settingsDialog->raise();
        settingsDialog->activateWindow();
    };
    QObject::connect(&window, &MainWindow::settingsRequested, &window, openSettings);
    if (tray) {
        QObject::connect(tray.get(), &TrayIcon::settingsRequested, &window, openSettings);
        QObject::connect(tray.get(), &TrayIcon::quitRequested, &window, &MainWindow::requestQuit);
    }

    window.restoreState();
    const bool startInTray = tray && settings.values().startMinimized && !parser.isSet(screenshotOption);
    if (!startInTray)
        window.show();

    if (demo) {
        demoSession->populate(&core);
        // Log every demo account in once its credential is stored.
        // Only the demo's own accounts: an imported one has no credential yet and logs in when asked to.
        QStringList demoNames;
        for (const DemoAccount &d : DemoServer::demoAccounts())
            demoNames.append(d.accountName);
        QObject::connect(core.accounts(), &AccountStore::accountAdded, &window, [&core, demoNames](const QString &id) {
            const auto account = core.accounts()->account(id);
            if (account && demoNames.contains(account->name))
                core.tokens()->login(id);
        });
    }

    if (parser.isSet(screenshotOption)) {
        const QString path = QFileInfo(parser.value(screenshotOption)).absoluteFilePath();
        // Wait until the demo accounts have logged in (at most a few seconds), then show one selected.
        auto *poll = new QTimer(&window);
        const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + screenshotMaxWaitMs;
        QObject::connect(poll, &QTimer::timeout, &window, [&window, &core, poll, path, deadline] {
            bool settled = !core.accounts()->accounts().isEmpty();
            for (const Account &a : core.accounts()->accounts())
                settled = settled && !core.tokens()->isBusy(a.id) && a.token.hasAccessToken;
            if (!settled && QDateTime::currentMSecsSinceEpoch() < deadline)
                return;
            poll->stop();
            if (window.table()->model()->rowCount() > 0)
                window.table()->selectRow(0);
            window.tick();
            QTimer::singleShot(screenshotDelayMs, &window, [&window, path] {
                const char *format = QFileInfo(path).suffix().isEmpty() ? "PNG" : nullptr;
                if (!window.grab().save(path, format)) {
                    printLine(stderr,
                              QCoreApplication::translate("main", "Could not save the screenshot to %1.").arg(path));
                    QCoreApplication::exit(1);
                    return;
                }
                printLine(stdout, path);
                QCoreApplication::exit(0);
            });
        });
        poll->start(100);
    }

    return QCoreApplication::exec();
}
