// Replays, through the fuzz targets' own entry points, every input a fuzzer once crashed on
// (tests/fuzz/regressions/<target>/) and every seed (tests/fuzz/corpus/<target>/). Runs in the normal
// suite, without libFuzzer: a fixed bug that comes back fails here, in any build.
#include "FuzzTargets.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <iterator>
#include <vector>

namespace {
struct Target {
    const char *name; // the directory name under corpus/ and regressions/, and the fuzz executable's suffix
    void (*run)(const uint8_t *, size_t);
};

const Target kTargets[] = {
    {"provider_answer", FuzzTargets::providerAnswer},
    {"timestamp", FuzzTargets::timestamp},
    {"jwt", FuzzTargets::jwt},
    {"provider_profile", FuzzTargets::providerProfile},
    {"account_file", FuzzTargets::accountFile},
    {"retry_after", FuzzTargets::retryAfter},
    {"authheader_answer", FuzzTargets::authHeaderAnswer},
};
} // namespace

class TestFuzzRegressions : public QObject {
    Q_OBJECT

private:
    void addRows(const QString &kind) {
        QTest::addColumn<int>("target");
        QTest::addColumn<QString>("file");
        for (int t = 0; t < int(std::size(kTargets)); ++t) {
            const QString name = QString::fromLatin1(kTargets[t].name);
            const QDir dir(QStringLiteral(TOKENDESK_FUZZ_DIR "/") + kind + u'/' + name);
            const QStringList files = dir.entryList(QDir::Files | QDir::Hidden, QDir::Name);
            for (const QString &file : files) {
                if (file == u"README.md")
                    continue;
                const QString row = name + u'/' + file;
                QTest::newRow(qPrintable(row)) << t << dir.filePath(file);
            }
        }
    }

    static void replay(int target, const QString &path) {
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray input = file.readAll();
        // A copy of exactly the input's size, as libFuzzer passes it: ASan then sees any read past its end.
        std::vector<uint8_t> data(input.cbegin(), input.cend());
        kTargets[target].run(data.data(), data.size());
    }

private Q_SLOTS:
    void everyTargetHasASeedCorpus() {
        for (const Target &target : kTargets) {
            const QDir dir(QStringLiteral(TOKENDESK_FUZZ_DIR "/corpus/") + QString::fromLatin1(target.name));
            QVERIFY2(!dir.entryList(QDir::Files).isEmpty(), target.name);
        }
    }

    void crashingInputs_data() { addRows(QStringLiteral("regressions")); }
    void crashingInputs() {
        QFETCH(int, target);
        QFETCH(QString, file);
        replay(target, file);
    }

    void seeds_data() { addRows(QStringLiteral("corpus")); }
    void seeds() {
        QFETCH(int, target);
        QFETCH(QString, file);
        replay(target, file);
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
