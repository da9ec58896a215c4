#pragma once

// The part of a start-up benchmark that is the same for TokenDesk and for the bare Qt floor: wait for the
// window's first paint, stamp it, report peak memory, and optionally stay idle for a while measuring the
// CPU time used. Qt Widgets only, header-only: the floor links nothing of TokenDesk.
//
// Prints RESULT lines (see BenchProbe.h):
//   first_paint_ns     CLOCK_MONOTONIC when the first paint pass (and its flush) had finished
//   main_to_paint_ms   from the top of main() to then
//   cpu_to_paint_ms    CPU time (user + system) used until then
//   peak_rss_kb        VmHWM when the program ends
//   idle_cpu_percent   with --idle S: CPU time over S seconds of idling, as % of one core

#include "BenchProbe.h"

#include <QApplication>
#include <QEvent>
#include <QObject>
#include <QTimer>
#include <QWidget>

#include <functional>

class FirstPaintWatcher : public QObject {
public:
    FirstPaintWatcher(QWidget *window, std::function<void()> done)
        : m_window(window)
        , m_done(std::move(done)) {
        qApp->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (!m_seen && event->type() == QEvent::Paint && watched->isWidgetType() &&
            static_cast<QWidget *>(watched)->window() == m_window) {
            m_seen = true;
            qApp->removeEventFilter(this);
            // Every widget of the window paints in this one pass, then the backing store is flushed:
            // the zero timer runs once all of that is done.
            QTimer::singleShot(0, this, m_done);
        }
        return false;
    }

private:
    QWidget *m_window;
    std::function<void()> m_done;
    bool m_seen = false;
};

// Shows nothing itself: call it right before window->show(). Returns the exit code of the event loop.
inline int runWindowProbe(QWidget *window, qint64 mainNs, double idleSeconds) {
    auto finish = [] {
        BenchProbe::result("peak_rss_kb", double(BenchProbe::statusKb("VmHWM")));
        QCoreApplication::quit();
    };
    FirstPaintWatcher watcher(window, [=] {
        const qint64 now = BenchProbe::monotonicNs();
        BenchProbe::result("first_paint_ns", double(now));
        BenchProbe::result("main_to_paint_ms", double(now - mainNs) / 1e6);
        BenchProbe::result("cpu_to_paint_ms", BenchProbe::cpuSeconds() * 1000);
        if (idleSeconds <= 0) {
            finish();
            return;
        }
        // Settle for two seconds (late layouts, first ticks), then measure a quiet stretch.
        QTimer::singleShot(2000, window, [=] {
            const double cpuStart = BenchProbe::cpuSeconds();
            const qint64 start = BenchProbe::monotonicNs();
            QTimer::singleShot(int(idleSeconds * 1000), window, [=] {
                const double wall = double(BenchProbe::monotonicNs() - start) / 1e9;
                BenchProbe::result("idle_seconds", wall);
                BenchProbe::result("idle_cpu_percent", 100 * (BenchProbe::cpuSeconds() - cpuStart) / wall);
                finish();
            });
        });
    });
    window->show();
    return QApplication::exec();
}

// "--idle S" anywhere on the command line; 0 if absent.
inline double idleSecondsFromArguments(const QStringList &arguments) {
    const qsizetype at = arguments.indexOf(QStringLiteral("--idle"));
    return at >= 0 ? arguments.value(at + 1).toDouble() : 0;
}
