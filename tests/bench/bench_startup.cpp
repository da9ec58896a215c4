// Start-up to the first painted main window and peak memory, TokenDesk (bench_window) against the bare Qt
// floor (bench_floor_window), with 0, 1,000 and 10,000 accounts. Each run is a fresh process: the time is
// from just before QProcess starts it (fork, exec, dynamic linking, static initialisation all count) to the
// child's CLOCK_MONOTONIC stamp after its first paint pass. Floor and TokenDesk alternate, run by run, so
// both see the same machine load. Prints medians, their ratios and RESULT lines for scripts/bench.sh.
//
//   bench_startup [--runs N] [--sizes 0,1000,10000]
//   bench_startup --write-configs DIR [--sizes …]   only writes DIR/config-N/accounts.json for each size and
//                                                  exits (scripts/bench.sh runs callgrind on them)
#include "BenchAccounts.h"
#include "BenchProbe.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

namespace {

struct Sample {
    double startupMs = -1; // process start → first paint
    double cpuMs = -1;     // the child's CPU time until its first paint
    double rssKb = -1;     // the child's VmHWM
};

Sample runOnce(const QString &program, const QStringList &arguments, const QProcessEnvironment &env) {
    QProcess process;
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const qint64 launch = BenchProbe::monotonicNs();
    process.start(program, arguments);
    if (!process.waitForFinished(120000) || process.exitCode() != 0) {
        std::fprintf(stderr, "bench_startup: %s failed\n", qPrintable(program));
        return {};
    }
    QHash<QByteArray, double> values;
    for (const QByteArray &line : process.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 3 && parts.at(0) == "RESULT")
            values.insert(parts.at(1), parts.at(2).toDouble());
    }
    Sample s;
    s.startupMs = (values.value("first_paint_ns") - double(launch)) / 1e6;
    s.cpuMs = values.value("cpu_to_paint_ms", -1);
    s.rssKb = values.value("peak_rss_kb", -1);
    return s;
}

struct Series {
    QList<double> startup, cpu, rss;
    void add(const Sample &s) {
        startup.append(s.startupMs);
        cpu.append(s.cpuMs);
        rss.append(s.rssKb);
    }
};

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int runs = qMax(1, BenchProbe::option(args, QStringLiteral("--runs"), QStringLiteral("7")).toInt());
    QList<int> sizes{0, 1000, 10000};
    if (const qsizetype at = args.indexOf(QStringLiteral("--sizes")); at >= 0) {
        sizes.clear();
        for (const QString &s : args.value(at + 1).split(QLatin1Char(',')))
            sizes.append(s.toInt());
    }
    const QString dir = QCoreApplication::applicationDirPath();
    const QString floorProgram = dir + QStringLiteral("/bench_floor_window");
    const QString windowProgram = dir + QStringLiteral("/bench_window");

    const QString keep = BenchProbe::option(args, QStringLiteral("--write-configs"), QString());
    QTemporaryDir temp;
    const QDir base(keep.isEmpty() ? temp.path() : keep);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), temp.filePath(QStringLiteral("xdg"))); // QSettings
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")); // start-up must not need a keyring
    QHash<int, QString> configs;
    for (int n : sizes) {
        const QString config = base.filePath(QStringLiteral("config-%1").arg(n));
        QDir().mkpath(config);
        if (n > 0 && !writeBenchAccounts(config + QStringLiteral("/accounts.json"), n))
            return 1;
        configs.insert(n, config);
    }
    if (!keep.isEmpty())
        return 0;

    // One unmeasured run of each: shared libraries and the account files in the page cache.
    runOnce(floorProgram, {}, env);
    for (int n : sizes)
        runOnce(windowProgram, {QStringLiteral("--config"), configs.value(n)}, env);

    QHash<int, Series> floors, windows;
    for (int r = 0; r < runs; ++r) {
        for (int n : sizes) {
            const QStringList windowArgs{QStringLiteral("--config"), configs.value(n)};
            if (r % 2 == 0) {
                floors[n].add(runOnce(floorProgram, {}, env));
                windows[n].add(runOnce(windowProgram, windowArgs, env));
            } else {
                windows[n].add(runOnce(windowProgram, windowArgs, env));
                floors[n].add(runOnce(floorProgram, {}, env));
            }
        }
    }

    std::printf("start-up to first paint (process start → painted), median of %d runs each\n", runs);
    std::printf("  %8s | %12s %12s %6s | %10s %10s %6s | %10s %10s %8s\n", "accounts", "floor ms",
                "TokenDesk ms", "ratio", "floor cpu", "TD cpu ms", "ratio", "floor MB", "TD MB", "+MB");
    for (int n : sizes) {
        const double fs = BenchProbe::median(floors[n].startup), ts = BenchProbe::median(windows[n].startup);
        const double fc = BenchProbe::median(floors[n].cpu), tc = BenchProbe::median(windows[n].cpu);
        const double fr = BenchProbe::median(floors[n].rss) / 1024,
                     tr = BenchProbe::median(windows[n].rss) / 1024;
        std::printf("  %8d | %12.1f %12.1f %6.2f | %10.1f %10.1f %6.2f | %10.1f %10.1f %8.1f\n", n, fs, ts,
                    ts / fs, fc, tc, tc / fc, fr, tr, tr - fr);
        const QByteArray suffix = '_' + QByteArray::number(n);
        BenchProbe::result("startup_floor_ms" + suffix, fs);
        BenchProbe::result("startup_tokendesk_ms" + suffix, ts);
        BenchProbe::result("startup_cpu_floor_ms" + suffix, fc);
        BenchProbe::result("startup_cpu_tokendesk_ms" + suffix, tc);
        BenchProbe::result("rss_floor_mb" + suffix, fr);
        BenchProbe::result("rss_tokendesk_mb" + suffix, tr);
    }
    return 0;
}
