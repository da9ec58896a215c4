#pragma once

// What every benchmark reads about itself: a monotonic clock shared by all processes on the machine (so a
// driver can measure from before it starts a child to the child's own stamp), CPU time, peak resident
// memory, medians, and one machine-readable output line per figure. Qt Core only, header-only, so the
// floor programs use it without linking anything of TokenDesk.

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <sys/resource.h>

namespace BenchProbe {

// CLOCK_MONOTONIC, the clock QElapsedTimer uses on Linux: comparable across processes.
inline qint64 monotonicNs() {
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// User + system CPU time of this process so far.
inline double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// A field of /proc/self/status in kB ("VmHWM": peak resident set, "VmRSS": current), -1 if unreadable.
inline qint64 statusKb(const char *field) {
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

inline double median(QList<double> values) {
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

// "RESULT <key> <value>": what scripts/bench.sh reads; everything else a benchmark prints is for people.
inline void result(const QByteArray &key, double value) {
    std::printf("RESULT %s %.17g\n", key.constData(), value);
    std::fflush(stdout);
}

// The value after `name` on the command line ("--runs 7"), or `fallback`.
inline QString option(const QStringList &arguments, const QString &name, const QString &fallback) {
    const qsizetype at = arguments.indexOf(name);
    return at >= 0 && at + 1 < arguments.size() ? arguments.at(at + 1) : fallback;
}

} // namespace BenchProbe
