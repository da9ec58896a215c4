// Countdown tick cost with 100 and with 100,000 accounts: one tick of the main window (the 1 Hz repaint of
// the visible countdown cells, painted). Prints the median per tick for each size and their ratio; the
// target is a ratio ≤ 1.5, i.e. a tick's cost does not grow with the number of accounts.
#include "BenchAccounts.h"
#include "BenchProbe.h"
#include "ClipboardGuard.h"
#include "CoreServices.h"
#include "MainWindow.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>

namespace {
double medianTickMs(int accounts) {
    QTemporaryDir dir;
    writeBenchAccounts(dir.filePath(QStringLiteral("accounts.json")), accounts);
    CoreOptions options;
    options.configDirectory = dir.path();
    options.keychainService = QStringLiteral("TokenDesk-bench"); // never read: start-up reads no secret
    CoreServices core(options);
    ClipboardGuard clipboard(QGuiApplication::clipboard());
    MainWindow window(&core, &clipboard, MainWindow::Mode::Normal);
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window))
        std::fprintf(stderr, "window not exposed\n");
    for (int i = 0; i < 10; ++i) { // warm up
        window.tick();
        QCoreApplication::processEvents();
    }
    QList<double> samples;
    for (int i = 0; i < 200; ++i) {
        QElapsedTimer timer;
        timer.start();
        window.tick();
        QCoreApplication::processEvents(); // the repaint the tick asked for
        samples.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(samples.begin(), samples.end());
    return samples.at(samples.size() / 2);
}
} // namespace

int main(int argc, char **argv) {
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    const double small = medianTickMs(100);
    const double large = medianTickMs(100000);
    std::printf("countdown tick, median of 200, visible rows painted\n");
    std::printf("  %8d accounts: %8.3f ms\n", 100, small);
    std::printf("  %8d accounts: %8.3f ms\n", 100000, large);
    std::printf("  ratio: %.2f (target <= 1.5)\n", large / small);
    BenchProbe::result("countdown_tick_ms_100", small);
    BenchProbe::result("countdown_tick_ms_100000", large);
    return 0;
}
