// Both executables that hold secrets disable core dumps first thing: each is started for real, and while
// it runs its own report (TOKENDESK_PRINT_HARDENING=1: read back from the kernel inside the process) and
// /proc/<pid>/limits (read from outside) must both say so.
#include "IsolatedEnvironment.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace {

constexpr int kWaitMs = 20000;

struct Observed {
    QByteArray report;     // "dumpable=0 core=0/0"
    QByteArray limitsLine; // "Max core file size        0        0        bytes"
    uint procOwner = 0;
    QByteArray stderrText;
};

QProcessEnvironment hardeningEnvironment(const QTemporaryDir &dir) {
    QProcessEnvironment env = isolatedEnvironment(dir);
    env.insert(QStringLiteral("TOKENDESK_PRINT_HARDENING"), QStringLiteral("1"));
    return env;
}

// Starts `program`, waits for its hardening report, then reads /proc/<pid>/ while it still runs (it
// blocks: the GUI in its event loop, the CLI reading a secret from a pipe that never ends) and kills it.
Observed observe(const QString &program, const QStringList &arguments, const QProcessEnvironment &env) {
    Observed seen;
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, arguments);
    if (!process.waitForStarted(kWaitMs))
        return seen;
    const QByteArray marker = "tokendesk-hardening: ";
    const bool reported = QTest::qWaitFor(
        [&] {
            seen.stderrText += process.readAllStandardError();
            const qsizetype start = seen.stderrText.indexOf(marker);
            const qsizetype end = start < 0 ? -1 : seen.stderrText.indexOf('\n', start);
            if (end > start)
                seen.report = seen.stderrText.mid(start + marker.size(), end - start - marker.size());
            return !seen.report.isEmpty() || process.state() != QProcess::Running;
        },
        kWaitMs);
    if (reported && process.state() == QProcess::Running) {
        const QString proc = QStringLiteral("/proc/%1/").arg(process.processId());
        QFile limits(proc + QStringLiteral("limits"));
        if (limits.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : limits.readAll().split('\n')) {
                if (line.startsWith("Max core file size"))
                    seen.limitsLine = line.simplified();
            }
        }
        seen.procOwner = QFileInfo(proc + QStringLiteral("status")).ownerId();
    }
    process.kill();
    process.waitForFinished(kWaitMs);
    seen.stderrText += process.readAllStandardError();
    return seen;
}

void verifyHardened(const Observed &seen) {
    QVERIFY2(!seen.report.isEmpty(), seen.stderrText.constData());
    QCOMPARE(seen.report, QByteArrayLiteral("dumpable=0 core=0/0"));
    QCOMPARE(seen.limitsLine, QByteArrayLiteral("Max core file size 0 0 bytes"));
    // A non-dumpable process's /proc entries belong to root; as root that proves nothing, so the check
    // applies only when the tests run as another user.
    if (::getuid() != 0)
        QCOMPARE(seen.procOwner, 0u);
}

} // namespace

class TestProcessHardening : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void guiDisablesCoreDumps() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const Observed seen =
            observe(QStringLiteral(TOKENDESK_GUI), {QStringLiteral("--demo")}, hardeningEnvironment(dir));
        verifyHardened(seen);
    }

    void cliDisablesCoreDumps() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // `add` reads the API key from stdin up to EOF: the pipe stays open, so it waits there, before
        // it touches the keychain or the config.
        const Observed seen = observe(QStringLiteral(TOKENDESK_CLI),
                                      {QStringLiteral("add"), QStringLiteral("hardening-probe"),
                                       QStringLiteral("--provider"), QStringLiteral("quadrata"),
                                       QStringLiteral("--base-url"), QStringLiteral("https://example.invalid")},
                                      hardeningEnvironment(dir));
        verifyHardened(seen);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("config/tokendesk/accounts.json"))));
    }

    // The control: the same report from a process that did not call Hardening::apply() differs, so the
    // checks above can fail.
    void unhardenedProcessIsDumpable() {
        QProcess self;
        self.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--report")});
        QVERIFY(self.waitForFinished(kWaitMs));
        const QByteArray out = self.readAllStandardOutput().trimmed();
        QVERIFY2(out.startsWith("dumpable=1 core="), out.constData());
    }
};

int main(int argc, char **argv) {
    if (argc == 2 && qstrcmp(argv[1], "--report") == 0) {
        // What a process looks like without Hardening::apply(): the test's control.
        rlimit core{};
        ::getrlimit(RLIMIT_CORE, &core);
        std::printf("dumpable=%d core=%lld/%lld\n", ::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0),
                    static_cast<long long>(core.rlim_cur), static_cast<long long>(core.rlim_max));
        return 0;
    }
    QCoreApplication app(argc, argv);
    TestProcessHardening test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_processhardening.moc"
