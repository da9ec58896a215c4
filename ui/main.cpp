// tokendesk: the GUI's composition root. It parses the command line, builds the objects and wires them;
// the behaviour lives in the libraries.
#include "AccountActions.h"
#include "AccountEditor.h"
#include "AppSettings.h"
#include "ClipboardGuard.h"
#include "CoreServices.h"
#include "DemoSession.h"
#include "DesktopShell.h"
#include "ExchangeActions.h"
#include "ExpiryNotifier.h"
#include "Hardening.h"
#include "Icons.h"
#include "LiveSettings.h"
#include "MainWindow.h"
#include "QuitOnSignals.h"
#include "Translations.h"
#include "WindowScreenshot.h"

#include <QApplication>
#include <QClipboard>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTemporaryDir>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

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
            printLine(
                stderr,
                QCoreApplication::translate("main", "Could not start the demo providers: %1").arg(error));
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
    QObject::connect(window.actions(), &AccountActions::duplicateRequested, &editor,
                     &AccountEditor::duplicateAccount);
    QObject::connect(&editor, &AccountEditor::message, &window, &MainWindow::showMessage);
    QObject::connect(&editor, &AccountEditor::saved, &window, &MainWindow::selectAccount);
    QObject::connect(window.actions(), &AccountActions::credentialNeeded, &editor,
                     &AccountEditor::enterCredential);
    QObject::connect(&editor, &AccountEditor::credentialPromptsCancelled, window.actions(),
                     &AccountActions::credentialPromptsCancelled);
    QObject::connect(window.exchange(), &ExchangeActions::imported, &window,
                     [&window](const QStringList &ids) {
                         if (!ids.isEmpty())
                             window.selectAccount(ids.constFirst());
                     });
    // An unusable account file is on the banner already (MainWindow follows the store).
    if (core.loadResult().ok() && !core.providerErrors().isEmpty())
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
    LiveSettings liveSettings(&settings, core.tokens(), core.http(), &clipboard,
                              &notifier); // auto-refresh on

    // The tray, close-to-tray, notifications, the settings dialog and quitting.
    DesktopShell shell({&core, &window, &clipboard, &settings, &notifier},
                       QSystemTrayIcon::isSystemTrayAvailable());

    window.restoreState();
    // Told to stop by the session or a terminal: leave as Quit does (layout saved, clipboard cleared).
    QuitOnSignals::install(&window, [&window] { window.requestQuit(); });
    const bool startInTray = shell.startsInTray() && !parser.isSet(screenshotOption);
    if (!startInTray)
        window.show();

    if (demo) {
        demoSession->populate(&core);
        demoSession->logInWhenAdded(&core);
    }

    if (parser.isSet(screenshotOption))
        WindowScreenshot::saveWhenSettled(&window, &core,
                                          QFileInfo(parser.value(screenshotOption)).absoluteFilePath());

    return QCoreApplication::exec();
}
