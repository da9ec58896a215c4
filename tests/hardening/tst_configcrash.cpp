// A writer killed at any moment leaves a config that loads: a child process saves the account list over
// and over (adds, then updates under the store lock) and is SIGKILLed after a random delay, 20 times;
// after each kill a fresh AccountStore must load the file, writable, with a consistent account list.
#include "accounts/AccountStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <sys/stat.h>

namespace {

constexpr auto kWriterFlag = "--writer";
constexpr int kRounds = 20;
constexpr int kMaxKillDelayMs = 50;
constexpr int kMaxAccounts = 25;

QString nameOf(int n) {
    return QStringLiteral("acct-%1").arg(n);
}
QString usernameOf(int n, int generation) {
    return QStringLiteral("user-%1-g%2").arg(n).arg(generation);
}

// Child mode: save forever. Every account "acct-<n>" has username "user-<n>-g<gen>", extras.gen == gen
// and min(gen, 20) history entries; accounts are only added in order, never removed.
int runWriter(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    AccountStore store(QCoreApplication::arguments().value(2));
    if (!store.load().ok()) {
        std::fprintf(stderr, "writer: load failed\n");
        return 3;
    }
    bool announced = false;
    for (int i = 0;; ++i) {
        AccountStore::Result saved;
        const int count = int(store.count());
        if (count < kMaxAccounts) {
            Account a;
            a.id = Account::newId();
            a.name = nameOf(count);
            a.providerId = QStringLiteral("quadrata");
            a.baseUrl = QUrl(QStringLiteral("https://api.example.com"));
            a.username = usernameOf(count, 0);
            a.token.extras.insert(QStringLiteral("gen"), 0);
            saved = store.add(a);
        } else {
            const QString id = store.accounts().at(i % count).id;
            saved = store.modify(id, [](Account &a) {
                const int gen = a.token.extras.value(QLatin1String("gen")).toInt() + 1;
                a.username = usernameOf(a.name.mid(5).toInt(), gen);
                a.token.extras.insert(QStringLiteral("gen"), gen);
                a.token.hasAccessToken = true;
                a.token.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
                a.token.lastState = TokenState::Valid;
                a.token.addHistory({QDateTime::currentDateTimeUtc(), QStringLiteral("refresh"),
                                    AuthError::Kind::None, {}});
            });
        }
        if (!saved.ok) {
            std::fprintf(stderr, "writer: save failed: %s\n", qPrintable(saved.error));
            return 4;
        }
        if (!announced) {
            std::fputs("ready\n", stdout);
            std::fflush(stdout);
            announced = true;
        }
    }
}

mode_t modeOf(const QString &path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 0777;
}

} // namespace

class TestConfigCrash : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writerKilledAtAnyMomentLeavesALoadableConfig() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("config/accounts.json"));
        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("kill delays seeded with %u", seed);
        QRandomGenerator random(seed);

        qsizetype previousCount = 0;
        int lastGenerationSum = -1;
        for (int round = 0; round < kRounds; ++round) {
            QProcess writer;
            writer.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kWriterFlag), path});
            QVERIFY(writer.waitForStarted());
            // It announces itself after its first complete save: from here on every save races the kill.
            QVERIFY2(QTest::qWaitFor([&] { return writer.canReadLine() || writer.state() != QProcess::Running; },
                                     15000),
                     "the writer never saved");
            QVERIFY2(writer.state() == QProcess::Running, writer.readAllStandardError().constData());
            QThread::msleep(random.bounded(kMaxKillDelayMs + 1)); // the one deliberate, bounded wait
            writer.kill(); // SIGKILL: no cleanup, no flush, possibly mid-write
            QVERIFY(writer.waitForFinished(5000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

            AccountStore store(path);
            const AccountStore::LoadResult loaded = store.load();
            QVERIFY2(loaded.status == AccountStore::LoadStatus::Ok,
                     qPrintable(QStringLiteral("round %1: %2").arg(round).arg(loaded.message)));
            QVERIFY(store.isWritable());

            // Consistent: acct-0 … acct-(N-1) in order, each entry internally consistent, nothing lost.
            const QList<Account> &accounts = store.accounts();
            QVERIFY2(accounts.size() >= previousCount, qPrintable(QString::number(round)));
            QVERIFY(accounts.size() >= 1 && accounts.size() <= kMaxAccounts);
            int generationSum = 0;
            for (qsizetype n = 0; n < accounts.size(); ++n) {
                const Account &a = accounts.at(n);
                const int gen = a.token.extras.value(QLatin1String("gen")).toInt(-1);
                QCOMPARE(a.name, nameOf(int(n)));
                QVERIFY(gen >= 0);
                QCOMPARE(a.username, usernameOf(int(n), gen));
                QCOMPARE(a.token.history.size(), qMin(gen, TokenMeta::kMaxHistory));
                QCOMPARE(a.token.hasAccessToken, gen > 0);
                generationSum += gen;
            }
            QVERIFY(generationSum >= lastGenerationSum); // saves are never undone
            previousCount = accounts.size();
            lastGenerationSum = generationSum;

            // Whatever the kill left of the account data (a half-written temporary file) is private. The
            // lock file holds only a pid and a host name.
            QDirIterator it(QFileInfo(path).absolutePath(), QDir::Files | QDir::Hidden);
            while (it.hasNext()) {
                const QString file = it.next();
                if (file.endsWith(QLatin1String(".lock")))
                    continue;
                QVERIFY2((modeOf(file) & 0077) == 0, qPrintable(file));
            }
        }
        // The next writer takes over the stale lock and saves.
        AccountStore store(path);
        QVERIFY(store.load().ok());
        QVERIFY(store.modify(store.accounts().constFirst().id, [](Account &a) { a.keepSignedIn = false; }).ok);
    }
};

int main(int argc, char **argv) {
    if (argc == 3 && qstrcmp(argv[1], kWriterFlag) == 0)
        return runWriter(argc, argv);
    QCoreApplication app(argc, argv);
    TestConfigCrash test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_configcrash.moc"
