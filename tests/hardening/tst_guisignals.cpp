// The window told to stop by a signal (a session logging out, `systemctl --user stop`, Ctrl+C in the
// terminal that started it) leaves as Quit does: exit code 0 and its layout saved, instead of dying where
// it stands. The real tokendesk is started with its own settings directory.
#include "IsolatedEnvironment.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

constexpr int kWaitMs = 20000;

// True once the process catches `signal` (its handler is installed): /proc/<pid>/status, SigCgt.
bool catches(qint64 pid, int signal)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return false;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("SigCgt:")) {
            bool ok = false;
            const qulonglong mask = line.mid(7).trimmed().toULongLong(&ok, 16);
            return ok && (mask & (1ULL << (signal - 1)));
        }
    }
    return false;
}

} // namespace

class TestGuiSignals : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void signalQuitsLikeQuit_data()
    {
        QTest::addColumn<int>("signal");
        QTest::newRow("SIGTERM") << int(SIGTERM);
        QTest::newRow("SIGINT") << int(SIGINT);
        QTest::newRow("SIGHUP") << int(SIGHUP);
    }

    void signalQuitsLikeQuit()
    {
        QFETCH(int, signal);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcess window;
        window.setProcessEnvironment(isolatedEnvironment(dir));
        window.start(QStringLiteral(TOKENDESK_GUI), {});
        QVERIFY(window.waitForStarted(kWaitMs));
        QVERIFY2(QTest::qWaitFor([&] { return catches(window.processId(), signal); }, kWaitMs),
                 "the window never installed its signal handler");
        const QString settings = dir.filePath(QStringLiteral("config/TokenDesk/TokenDesk.conf"));
        QVERIFY(!QFile::exists(settings)); // nothing saved before the signal

        QCOMPARE(::kill(pid_t(window.processId()), signal), 0);
        QVERIFY(window.waitForFinished(kWaitMs));
        QVERIFY2(window.exitStatus() == QProcess::NormalExit, window.readAllStandardError().constData());
        QCOMPARE(window.exitCode(), 0);
        QFile saved(settings);
        QVERIFY2(saved.open(QIODevice::ReadOnly), "the layout was not saved");
        QVERIFY(saved.readAll().contains("geometry="));
    }
};

QTEST_GUILESS_MAIN(TestGuiSignals)
#include "tst_guisignals.moc"
