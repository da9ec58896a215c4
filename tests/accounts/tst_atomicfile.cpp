// AtomicFile under a real write failure: RLIMIT_FSIZE makes the kernel refuse bytes past the limit (EFBIG,
// as ENOSPC on a full disk), so every writer that replaces a file must fail and keep the old file whole.
#include "accounts/AccountExport.h"
#include "accounts/AccountFile.h"
#include "accounts/AtomicFile.h"
#include "providers/ProfileFile.h"

#include "FileSizeLimit.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

} // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writersKeepTheOldFileWhenTheDiskRefuses_data();
    void writersKeepTheOldFileWhenTheDiskRefuses();
    void writesWhatFits();
};

void TestAtomicFile::writersKeepTheOldFileWhenTheDiskRefuses_data() {
    QTest::addColumn<int>("writer");
    QTest::newRow("account file") << 0;
    QTest::newRow("export") << 1;
    QTest::newRow("provider profile") << 2;
    QTest::newRow("small write") << 3; // fits in Qt's buffer: lost in commit() before the fix
}

void TestAtomicFile::writersKeepTheOldFileWhenTheDiskRefuses() {
    QFETCH(int, writer);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("file.json"));
    const QByteArray old = "{\"old\": true}\n";
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QCOMPARE(f.write(old), old.size());
    }
    const QByteArray contents = writer == 3 ? QByteArray(200, 'x') : QByteArray(100000, 'x');

    bool written = true;
    QString error;
    {
        FileSizeLimit limit(writer == 3 ? 64 : 4096);
        QVERIFY(limit.ok());
        switch (writer) {
        case 0:
            written = AccountFile::write(path, contents, &error);
            break;
        case 1:
            written = AccountExport::writeFile(path, contents, &error);
            break;
        case 2:
            written = ProfileFile::write(path, contents, &error);
            break;
        default:
            written = AtomicFile::replace(path, contents, std::nullopt, &error);
        }
    }
    QVERIFY(!written);
    QVERIFY2(error.contains(QLatin1String("File too large")), qPrintable(error));
    if (writer != 3)
        QVERIFY2(error.contains(QDir::toNativeSeparators(path)), qPrintable(error));
    QCOMPARE(readAll(path), old);
    // No temporary file is left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("file.json")});
}

void TestAtomicFile::writesWhatFits() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("accounts.json"));
    const QByteArray contents(1000, 'y');
    QString error;
    {
        FileSizeLimit limit(4096);
        QVERIFY(limit.ok());
        QVERIFY2(AccountFile::write(path, contents, &error), qPrintable(error));
    }
    QCOMPARE(readAll(path), contents);
    QCOMPARE(QFile::permissions(path) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
