#pragma once

// The longest stall of the event loop while it runs: a 1 ms precise timer notes the gap between two of its
// timeouts; the longest gap minus the 1 ms interval is the longest time the loop could not run a timer.
// Qt Core only, header-only: used by TokenDesk's benchmark and by the bare QNetworkAccessManager floor.

#include "BenchProbe.h"

#include <QObject>
#include <QTimer>

class StallMeter : public QObject {
public:
    explicit StallMeter(QObject *parent = nullptr)
        : QObject(parent) {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = BenchProbe::monotonicNs();
            m_longestNs = qMax(m_longestNs, now - m_lastNs);
            m_lastNs = now;
        });
    }

    void start() {
        m_longestNs = 0;
        m_lastNs = BenchProbe::monotonicNs();
        m_timer.start();
    }
    // Stops and returns the longest stall in ms (the gap beyond the timer's own 1 ms).
    double stop() {
        m_timer.stop();
        const qint64 now = BenchProbe::monotonicNs();
        m_longestNs = qMax(m_longestNs, now - m_lastNs);
        return qMax(0.0, double(m_longestNs) / 1e6 - 1.0);
    }

private:
    QTimer m_timer;
    qint64 m_lastNs = 0;
    qint64 m_longestNs = 0;
};
