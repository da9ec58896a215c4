#pragma once

// What the AccountStore tests share: accounts to store, file helpers, a store whose writes fail, and
// the test classes' base.

#include "accounts/AccountStore.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

inline Account makeAccount(const QString &name) {
    Account a;
    a.id = Account::newId();
    a.name = name;
    a.providerId = QStringLiteral("simple-key");
    a.baseUrl = QUrl(QStringLiteral("https://api.example.com"));
    return a;
}

// JSON text written with single quotes, which read better inside C++ strings. (Raw string literals
// that span lines confuse moc in Qt 6.4.)
inline QByteArray json(const char *text) {
    return QByteArray(text).replace('\'', '"');
}

inline QByteArray readAll(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

inline void writeAll(const QString &path, const QByteArray &bytes) {
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(f.write(bytes), bytes.size());
}

inline mode_t modeOf(const QString &path) {
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    return st.st_mode & 0777;
}

// True when nobody holds the store's flock on `lockPath` (the file itself may stay behind).
inline bool lockIsFree(const QString &lockPath) {
    const int fd = ::open(QFile::encodeName(lockPath).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    const bool free = ::flock(fd, LOCK_EX | LOCK_NB) == 0;
    ::close(fd);
    return free;
}

// A store whose config write can be made to fail, as if the process died after the keychain write.
class FailingStore : public AccountStore {
public:
    using AccountStore::AccountStore;
    bool failWrites = false;

protected:
    bool writeFile(const QByteArray &contents, QString *error) override {
        if (failWrites) {
            *error = QStringLiteral("simulated crash");
            return false;
        }
        return AccountStore::writeFile(contents, error);
    }
};

// The base of the AccountStore tests: a temporary directory each test case starts empty in (setUp and
// tearDown, called from init and cleanup) and the paths in it.
class AccountStoreTest : public QObject {
protected:
    void setUp() { QVERIFY(m_dir.isValid()); }
    void tearDown() {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }
    QString path(const QString &name = QStringLiteral("accounts.json")) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};
