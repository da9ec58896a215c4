#include "WindowScreenshot.h"

#include "CoreServices.h"
#include "MainWindow.h"
#include "auth/TokenManager.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QPixmap>
#include <QTableView>
#include <QTimer>

#include <cstdio>

namespace WindowScreenshot {
namespace {

// How long the window gets to lay out and paint before it is grabbed.
constexpr int kPaintDelayMs = 300;
constexpr int kMaxWaitMs = 8000;

void save(MainWindow *window, const QString &path) {
    const char *format = QFileInfo(path).suffix().isEmpty() ? "PNG" : nullptr;
    if (!window->grab().save(path, format)) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(
                QCoreApplication::translate("main", "Could not save the screenshot to %1.").arg(path)));
        QCoreApplication::exit(1);
        return;
    }
    std::fprintf(stdout, "%s\n", qPrintable(path));
    std::fflush(stdout);
    QCoreApplication::exit(0);
}

} // namespace

void saveWhenSettled(MainWindow *window, CoreServices *core, const QString &path) {
    auto *poll = new QTimer(window);
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + kMaxWaitMs;
    QObject::connect(poll, &QTimer::timeout, window, [window, core, poll, path, deadline] {
        bool settled = !core->accounts()->accounts().isEmpty();
        for (const Account &a : core->accounts()->accounts())
            settled = settled && !core->tokens()->isBusy(a.id) && a.token.hasAccessToken;
        if (!settled && QDateTime::currentMSecsSinceEpoch() < deadline)
            return;
        poll->stop();
        if (window->table()->model()->rowCount() > 0)
            window->table()->selectRow(0);
        window->tick();
        QTimer::singleShot(kPaintDelayMs, window, [window, path] { save(window, path); });
    });
    poll->start(100);
}

} // namespace WindowScreenshot
