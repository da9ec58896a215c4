#include "CliHarness.h"

#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <optional>

#include <csignal>
#include <sys/resource.h>

QByteArray CliRun::describe() const {
    return "exit " + QByteArray::number(exitCode) + (finished ? "" : " (did not finish)") +
           "\nstdout: " + out + "\nstderr: " + err;
}

DemoProcess::~DemoProcess() {
    if (m_process.state() != QProcess::NotRunning) {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }
}

bool DemoProcess::start(const QStringList &extraArguments) {
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(QStringLiteral(TOKENDESK_DEMO_PROVIDERS),
                    QStringList{QStringLiteral("--port"), QStringLiteral("0")} + extraArguments);
    if (!m_process.waitForStarted(10000))
        return false;
    while (!m_process.canReadLine()) {
        if (!m_process.waitForReadyRead(10000))
            return false;
    }
    bool ok = false;
    m_port = quint16(m_process.readLine().trimmed().toUInt(&ok));
    return ok && m_port != 0;
}

QUrl DemoProcess::baseUrl(const QString &presetId) const {
    return QUrl(QStringLiteral("http://127.0.0.1:%1/%2").arg(m_port).arg(presetId));
}

CliHarness::CliHarness() {
    for (const char *sub : {"config", "data", "cache"})
        QDir(m_dir.path()).mkpath(QString::fromLatin1(sub));
    for (const DemoAccount &a : DemoServer::demoAccounts())
        m_secrets.append(a.secret);
}

CliHarness::~CliHarness() = default;

QProcessEnvironment CliHarness::environment() const {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_dir.filePath(QStringLiteral("cache")));
    return env;
}

QString CliHarness::configDirectory() const {
    return m_dir.filePath(QStringLiteral("config/tokendesk"));
}

QString CliHarness::accountsPath() const {
    return QDir(configDirectory()).filePath(QStringLiteral("accounts.json"));
}

QProcess *CliHarness::newProcess(const QProcessEnvironment &env) const {
    auto *process = new QProcess;
    process->setProcessEnvironment(env);
    process->setProcessChannelMode(QProcess::SeparateChannels);
    if (!m_stdoutFile.isEmpty())
        process->setStandardOutputFile(m_stdoutFile, QIODevice::Append);
    if (m_fileSizeLimit > 0) {
        const rlim_t limit = rlim_t(m_fileSizeLimit);
        process->setChildProcessModifier([limit] {
            // In the child, before exec: an ignored signal stays ignored across exec.
            ::signal(SIGXFSZ, SIG_IGN);
            rlimit r{};
            ::getrlimit(RLIMIT_FSIZE, &r);
            r.rlim_cur = limit;
            ::setrlimit(RLIMIT_FSIZE, &r);
        });
    }
    return process;
}

CliRun CliHarness::run(const QStringList &arguments, const QByteArray &input, int timeoutMs) {
    return run(arguments, input, environment(), timeoutMs);
}

CliRun CliHarness::run(const QStringList &arguments, const QByteArray &input, const QProcessEnvironment &env,
                       int timeoutMs) {
    QProcess *process = newProcess(env);
    process->start(QStringLiteral(TOKENDESK_CLI), arguments);
    if (!input.isEmpty())
        process->write(input);
    process->closeWriteChannel();
    return wait(process, timeoutMs);
}

QProcess *CliHarness::start(const QStringList &arguments, const QByteArray &input) {
    QProcess *process = newProcess(environment());
    process->start(QStringLiteral(TOKENDESK_CLI), arguments);
    if (!input.isEmpty())
        process->write(input);
    process->closeWriteChannel();
    return process;
}

CliRun CliHarness::wait(QProcess *process, int timeoutMs) {
    // An event loop, not waitForFinished(): an in-process demo server must keep answering meanwhile.
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(process, &QProcess::errorOccurred, &loop, [&loop](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            loop.quit();
    });
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(timeoutMs);
    if (process->state() != QProcess::NotRunning)
        loop.exec();

    CliRun r;
    r.finished = process->state() == QProcess::NotRunning && process->exitStatus() == QProcess::NormalExit &&
                 process->error() != QProcess::FailedToStart;
    if (process->state() != QProcess::NotRunning) {
        process->kill();
        process->waitForFinished(2000);
    }
    r.exitCode = r.finished ? process->exitCode() : -1;
    r.out = process->readAllStandardOutput();
    r.err = process->readAllStandardError();
    m_stderr.append(r.err);
    delete process;
    return r;
}

CliRun CliHarness::add(const QString &name, const QString &provider, const QUrl &baseUrl,
                       const QString &username, const QByteArray &secret) {
    QStringList args{QStringLiteral("add"),        name,
                     QStringLiteral("--provider"), provider,
                     QStringLiteral("--base-url"), baseUrl.toString()};
    if (!username.isEmpty())
        args << QStringLiteral("--username") << username;
    rememberSecret(secret);
    return run(args, secret + '\n');
}

CliRun CliHarness::addDemo(const QString &presetId, const QString &name, const QUrl &baseUrl) {
    return add(name, presetId, baseUrl, demoUsername(presetId), demoSecret(presetId));
}

std::unique_ptr<AccountStore> CliHarness::store() const {
    auto store = std::make_unique<AccountStore>(accountsPath());
    store->load();
    return store;
}

bool CliHarness::expire(const QString &name, int secondsAgo) const {
    auto s = store();
    const auto account = s->findByName(name);
    if (!account)
        return false;
    return s
        ->modify(account->id,
                 [secondsAgo](Account &a) {
                     a.token.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(-secondsAgo);
                 })
        .ok;
}

bool CliHarness::forgetExpiry(const QString &name) const {
    auto s = store();
    const auto account = s->findByName(name);
    return account && s->modify(account->id, [](Account &a) { a.token.accessExpiresAt = QDateTime(); }).ok;
}

bool CliHarness::storeAccessToken(const QString &name, const QByteArray &token) {
    const QString id = idOf(name);
    if (id.isEmpty())
        return false;
    rememberSecret(token);
    std::optional<SecretResult> result;
    QEventLoop loop;
    m_keychain.write(id, SecretKind::AccessToken, token, &loop, [&](const SecretResult &r) {
        result = r;
        loop.quit();
    });
    if (!result)
        loop.exec();
    return result->ok();
}

void CliHarness::rememberSecret(const QByteArray &secret) {
    if (secret.size() >= 8 && !m_secrets.contains(secret))
        m_secrets.append(secret);
}

QString CliHarness::idOf(const QString &name) const {
    const auto account = store()->findByName(name);
    return account ? account->id : QString();
}

SecretResult CliHarness::keychainEntry(const QString &accountId, SecretKind kind) {
    std::optional<SecretResult> result;
    QEventLoop loop;
    m_keychain.read(accountId, kind, &loop, [&](const SecretResult &r) {
        result = r;
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

QStringList CliHarness::filesWithSecrets() {
    const auto accounts = store(); // kept alive: a temporary's accounts() would dangle in the loop
    for (const Account &a : accounts->accounts()) {
        for (SecretKind kind : {SecretKind::Credential, SecretKind::AccessToken, SecretKind::RefreshToken})
            rememberSecret(keychainEntry(a.id, kind).data);
    }
    QStringList found;
    QDirIterator it(m_dir.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            found << path + QStringLiteral(" (unreadable)");
            continue;
        }
        const QByteArray contents = file.readAll();
        for (const QByteArray &secret : std::as_const(m_secrets)) {
            if (contents.contains(secret) || contents.contains(secret.toBase64()))
                found << path;
        }
    }
    return found;
}

QByteArray CliHarness::secretOnStderr() const {
    for (const QByteArray &err : m_stderr) {
        for (const QByteArray &secret : m_secrets) {
            if (err.contains(secret))
                return secret;
        }
    }
    return {};
}

void CliHarness::removeAllAccounts() {
    const CliRun names = run({QStringLiteral("list"), QStringLiteral("--names")});
    for (const QByteArray &name : names.out.split('\n')) {
        if (!name.isEmpty())
            run({QStringLiteral("remove"), QString::fromUtf8(name)});
    }
}

QByteArray CliHarness::demoSecret(const QString &presetId) {
    for (const DemoAccount &a : DemoServer::demoAccounts()) {
        if (a.presetId == presetId)
            return a.secret;
    }
    return {};
}

QString CliHarness::demoUsername(const QString &presetId) {
    for (const DemoAccount &a : DemoServer::demoAccounts()) {
        if (a.presetId == presetId)
            return a.username;
    }
    return {};
}
