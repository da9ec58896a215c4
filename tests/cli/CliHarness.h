#pragma once

// Runs the built tokendesk-cli as a process in its own XDG directories, inside the test command's private
// keyring, and checks afterwards that no secret reached any file in those directories or any stderr.

#include "accounts/AccountStore.h"
#include "accounts/KeychainSecretStore.h"
#include "demo/DemoServer.h"

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    bool finished = false;

    // For QVERIFY2: the exit code, stdout and stderr together.
    QByteArray describe() const;
};

// tokendesk-demo-providers as a child process.
class DemoProcess {
public:
    ~DemoProcess();
    bool start(const QStringList &extraArguments = {});
    QUrl baseUrl(const QString &presetId) const;

private:
    QProcess m_process;
    quint16 m_port = 0;
};

class CliHarness {
public:
    CliHarness();
    ~CliHarness();

    bool isValid() const { return m_dir.isValid(); }
    QProcessEnvironment environment() const;
    QString configDirectory() const; // <XDG_CONFIG_HOME>/tokendesk
    QString accountsPath() const;

    // Runs the CLI to the end while this process's event loop keeps running (an in-process DemoServer
    // keeps answering). `input` goes to stdin, which is then closed.
    CliRun run(const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 60000);
    CliRun run(const QStringList &arguments, const QByteArray &input, const QProcessEnvironment &env,
               int timeoutMs = 60000);
    QProcess *start(const QStringList &arguments, const QByteArray &input = {});
    CliRun wait(QProcess *process, int timeoutMs = 60000);

    // For the runs that follow: stdout goes to `path` (such as /dev/full) instead of CliRun::out; empty
    // undoes it.
    void setStdoutFile(const QString &path) { m_stdoutFile = path; }
    // For the runs that follow: the CLI may write files of at most `bytes` (RLIMIT_FSIZE, SIGXFSZ ignored,
    // so a longer write fails with "File too large" as it would on a full disk); 0 undoes it.
    void setFileSizeLimit(qint64 bytes) { m_fileSizeLimit = bytes; }

    // `add NAME --provider P --base-url URL [--username U]` with the secret on stdin.
    CliRun add(const QString &name, const QString &provider, const QUrl &baseUrl, const QString &username,
               const QByteArray &secret);
    // The demo account of `presetId` under `name`, against `baseUrl`.
    CliRun addDemo(const QString &presetId, const QString &name, const QUrl &baseUrl);

    // The account file as the GUI would see it, freshly loaded.
    std::unique_ptr<AccountStore> store() const;
    // Moves the stored access token's expiry `secondsAgo` into the past.
    bool expire(const QString &name, int secondsAgo = 5) const;
    // Makes the stored access token's expiry unknown, as after a provider that sent none TokenDesk accepts.
    bool forgetExpiry(const QString &name) const;
    // Replaces the stored access token in the keychain (the account's metadata stays).
    bool storeAccessToken(const QString &name, const QByteArray &token);

    // The account's id in the account file (empty if there is none of that name).
    QString idOf(const QString &name) const;
    // One of the account's entries in the keychain the CLI uses.
    SecretResult keychainEntry(const QString &accountId, SecretKind kind);

    // Remembers a value that must never appear in a file or on stderr.
    void rememberSecret(const QByteArray &secret);
    // Every file under the XDG directories that contains a remembered secret, a demo credential or any
    // secret the keychain holds for the accounts in the account file.
    QStringList filesWithSecrets();
    // The first remembered secret that appeared on any stderr so far, or empty.
    QByteArray secretOnStderr() const;
    // Removes every account the CLI knows (keychain entries included).
    void removeAllAccounts();

    static QByteArray demoSecret(const QString &presetId);
    static QString demoUsername(const QString &presetId);

private:
    QProcess *newProcess(const QProcessEnvironment &env) const;

    QTemporaryDir m_dir;
    QString m_stdoutFile;
    qint64 m_fileSizeLimit = 0;
    QList<QByteArray> m_secrets;
    QList<QByteArray> m_stderr;
    KeychainSecretStore m_keychain{QStringLiteral("TokenDesk")};
};
