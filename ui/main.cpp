// tokendesk: the GUI's composition root. It parses the command line, builds the objects and wires them;
// the behaviour lives in the libraries.
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QPixmap>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {

// How long the window gets to lay out and paint before --screenshot grabs it.
constexpr int screenshotDelayMs = 300;

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
    const std::unique_ptr<QCoreApplication> app = onlyPrintsText(argc, argv)
                                                      ? std::make_unique<QCoreApplication>(argc, argv)
                                                      : std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("TokenDesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("TokenDesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));

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
    MainWindow window(demo ? MainWindow::Mode::Demo : MainWindow::Mode::Normal);
    window.show();

    if (parser.isSet(screenshotOption)) {
        const QString path = QFileInfo(parser.value(screenshotOption)).absoluteFilePath();
        QTimer::singleShot(screenshotDelayMs, &window, [&window, path] {
            const char *format = QFileInfo(path).suffix().isEmpty() ? "PNG" : nullptr;
            if (!window.grab().save(path, format)) {
                printLine(
                    stderr,
                    QCoreApplication::translate("main", "Could not save the screenshot to %1.").arg(path));
                QCoreApplication::exit(1);
                return;
            }
            printLine(stdout, path);
            QCoreApplication::exit(0);
        });
    }

    return QCoreApplication::exec();
}
