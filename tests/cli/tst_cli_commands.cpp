// tokendesk-cli as a process: help, usage errors (exit 2) with add's validation, providers, list and its
// JSON, login/refresh/logout/remove, and the bash completion. Adding accounts: tst_cli_add.
#include "CliTestSupport.h"

#include "demo/DemoServer.h"

#include <QFile>
#include <algorithm>
#include <QSet>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

class TestCliCommands : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void helpAndVersion();
    void usageErrors_data();
    void usageErrors();
    void providers();
    void bashCompletion();
    void listJsonShape();
    void listJsonShowsLastErrorAndPasswordExpiry();
    void listAlignsWideAndCombiningNames();
    void loginWarnsOfPasswordExpiry();
    void loginRefreshLogoutRemove();

private:
    std::unique_ptr<CliHarness> m_cli;
    std::unique_ptr<DemoServer> m_server;
};

void TestCliCommands::init() {
    CLI_SKIP_WITHOUT_KEYRING();
    m_cli = std::make_unique<CliHarness>();
    QVERIFY(m_cli->isValid());
    m_server = std::make_unique<DemoServer>();
    QVERIFY(m_server->listen());
}

void TestCliCommands::cleanup() {
    if (m_cli)
        verifyNoSecretsAndClean(*m_cli);
    m_cli.reset();
    m_server.reset();
}

void TestCliCommands::helpAndVersion() {
    const CliRun help = m_cli->run({u"--help"_s});
    CLI_EXPECT(help, 0);
    for (const char *command : {"providers", "add", "list", "login", "refresh", "logout", "remove", "token"})
        QVERIFY2(help.out.contains(QByteArray(QByteArray("  ") + command + ' ')), command);
    QVERIFY(help.out.contains("--timeout"));
    QVERIFY(help.out.contains("Exit status"));
    QVERIFY(help.err.isEmpty());

    const CliRun tokenHelp = m_cli->run({u"token"_s, u"--help"_s});
    CLI_EXPECT(tokenHelp, 0);
    for (const char *option : {"--header", "--min-valid", "--json", "--timeout", "NAME"})
        QVERIFY2(tokenHelp.out.contains(option), option);
    QCOMPARE(m_cli->run({u"help"_s, u"token"_s}).out, tokenHelp.out);

    const CliRun addHelp = m_cli->run({u"add"_s, u"--help"_s});
    CLI_EXPECT(addHelp, 0);
    for (const char *option : {"--provider", "--base-url", "--username", "--allow-insecure-http"})
        QVERIFY2(addHelp.out.contains(option), option);

    const CliRun version = m_cli->run({u"--version"_s});
    CLI_EXPECT(version, 0);
    QVERIFY(version.out.startsWith("tokendesk-cli "));
}

void TestCliCommands::usageErrors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("message");

    const QString url = u"https://api.example.com"_s;
    QTest::newRow("no command") << QStringList{} << QByteArray() << QByteArray("No command");
    QTest::newRow("unknown command") << QStringList{u"frobnicate"_s} << QByteArray()
                                     << QByteArray("frobnicate");
    QTest::newRow("unknown option") << QStringList{u"list"_s, u"--bogus"_s} << QByteArray()
                                    << QByteArray("bogus");
    QTest::newRow("unknown global option")
        << QStringList{u"--bogus"_s, u"list"_s} << QByteArray() << QByteArray("bogus");
    QTest::newRow("missing name") << QStringList{u"token"_s} << QByteArray() << QByteArray("NAME");
    QTest::newRow("extra argument") << QStringList{u"login"_s, u"a"_s, u"b"_s} << QByteArray()
                                    << QByteArray("\"b\"");
    QTest::newRow("help unknown") << QStringList{u"help"_s, u"nope"_s} << QByteArray() << QByteArray("nope");
    QTest::newRow("bad timeout") << QStringList{u"--timeout"_s, u"0"_s, u"list"_s} << QByteArray()
                                 << QByteArray("--timeout");
    QTest::newRow("bad timeout after")
        << QStringList{u"list"_s, u"--timeout"_s, u"soon"_s} << QByteArray() << QByteArray("--timeout");
    QTest::newRow("missing option value")
        << QStringList{u"token"_s, u"x"_s, u"--min-valid"_s} << QByteArray() << QByteArray("min-valid");
    QTest::newRow("bad min-valid") << QStringList{u"token"_s, u"x"_s, u"--min-valid"_s, u"-3"_s}
                                   << QByteArray() << QByteArray("--min-valid");
    // Options choosing different outputs: refused, both named, whichever order (not one silently winning).
    QTest::newRow("list --json --names") << QStringList{u"list"_s, u"--json"_s, u"--names"_s} << QByteArray()
                                         << QByteArray("--json and --names cannot be used together");
    QTest::newRow("list --names --json") << QStringList{u"list"_s, u"--names"_s, u"--json"_s} << QByteArray()
                                         << QByteArray("--json and --names cannot be used together");
    QTest::newRow("providers --ids --json") << QStringList{u"providers"_s, u"--ids"_s, u"--json"_s}
                                            << QByteArray() << QByteArray("--json and --ids");
    QTest::newRow("token --header --json") << QStringList{u"token"_s, u"x"_s, u"--header"_s, u"--json"_s}
                                           << QByteArray() << QByteArray("--json and --header");
    for (const char *command : {"token", "login", "refresh", "logout", "remove"}) {
        QTest::newRow(qPrintable(u"unknown account: "_s + QLatin1String(command)))
            << QStringList{QLatin1String(command), u"nobody"_s} << QByteArray()
            << QByteArray("No account named \"nobody\"");
    }
    QTest::newRow("add: no provider") << QStringList{u"add"_s, u"a"_s, u"--base-url"_s, url}
                                      << QByteArray("key\n") << QByteArray("--provider");
    QTest::newRow("add: unknown provider")
        << QStringList{u"add"_s, u"a"_s, u"--provider"_s, u"nope"_s, u"--base-url"_s, url}
        << QByteArray("key\n") << QByteArray("Unknown provider \"nope\"");
    QTest::newRow("add: no base url") << QStringList{u"add"_s, u"a"_s, u"--provider"_s, u"quadrata"_s}
                                      << QByteArray("key\n") << QByteArray("--base-url");
    QTest::newRow("add: not a url") << QStringList{u"add"_s,      u"a"_s,          u"--provider"_s,
                                                   u"quadrata"_s, u"--base-url"_s, u"api.example.com"_s}
                                    << QByteArray("key\n") << QByteArray("\"api.example.com\" has no scheme");
    QTest::newRow("add: ftp") << QStringList{u"add"_s,      u"a"_s,          u"--provider"_s,
                                             u"quadrata"_s, u"--base-url"_s, u"ftp://example.com"_s}
                              << QByteArray("key\n") << QByteArray("\"ftp://example.com\" uses ftp://");
    QTest::newRow("add: insecure http")
        << QStringList{u"add"_s,      u"a"_s,          u"--provider"_s,
                       u"quadrata"_s, u"--base-url"_s, u"http://example.com"_s}
        << QByteArray("key\n") << QByteArray("--allow-insecure-http");
    QTest::newRow("add: username missing")
        << QStringList{u"add"_s, u"a"_s, u"--provider"_s, u"kyc-jwt"_s, u"--base-url"_s, url}
        << QByteArray("pw\n") << QByteArray("--username");
    QTest::newRow("add: username not wanted")
        << QStringList{u"add"_s,        u"a"_s, u"--provider"_s, u"quadrata"_s,
                       u"--base-url"_s, url,    u"--username"_s, u"u"_s}
        << QByteArray("key\n") << QByteArray("--username");
    QTest::newRow("add: empty secret")
        << QStringList{u"add"_s, u"a"_s, u"--provider"_s, u"quadrata"_s, u"--base-url"_s, url}
        << QByteArray("\n") << QByteArray("No secret");
    QTest::newRow("add: option-like name")
        << QStringList{u"add"_s, u"--provider"_s, u"quadrata"_s, u"--base-url"_s, url, u"--"_s, u"-a"_s}
        << QByteArray("key\n") << QByteArray("'-'");
}

void TestCliCommands::usageErrors() {
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, message);
    const CliRun r = m_cli->run(arguments, input);
    CLI_EXPECT(r, 2);
    QVERIFY2(r.err.startsWith("tokendesk-cli: "), r.err.constData());
    QVERIFY2(r.err.contains(message), r.err.constData());
    QVERIFY(r.out.isEmpty());
    QVERIFY2(!QFile::exists(m_cli->accountsPath()), "a usage error wrote the account file");
}

void TestCliCommands::providers() {
    const QSet<QString> presets{u"quadrata"_s, u"kyc-jwt"_s, u"partner-api"_s, u"b2b-api"_s,
                                u"user-authheader"_s};

    const CliRun text = m_cli->run({u"providers"_s});
    CLI_EXPECT(text, 0);
    for (const QString &id : presets)
        QVERIFY2(text.out.contains(id.toUtf8()), qPrintable(id));

    const CliRun ids = m_cli->run({u"providers"_s, u"--ids"_s});
    CLI_EXPECT(ids, 0);
    QSet<QString> listed;
    for (const QByteArray &line : ids.out.trimmed().split('\n'))
        listed.insert(QString::fromUtf8(line));
    QCOMPARE(listed, presets);

    const CliRun json = m_cli->run({u"providers"_s, u"--json"_s});
    CLI_EXPECT(json, 0);
    const QJsonArray array = parseJson(json.out).array();
    QCOMPARE(array.size(), presets.size());
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        QVERIFY(presets.contains(o.value(u"id"_s).toString()));
        QVERIFY(o.value(u"needs_username"_s).isBool());
        QVERIFY(o.value(u"has_refresh"_s).isBool());
        QCOMPARE(o.value(u"built_in"_s).toBool(), true);
        if (o.value(u"id"_s).toString() == u"partner-api")
            QCOMPARE(o.value(u"header_name"_s).toString(), u"R-Auth"_s);
    }
}

void TestCliCommands::bashCompletion() {
    const QString bash = QStandardPaths::findExecutable(u"bash"_s);
    if (bash.isEmpty())
        QSKIP("needs bash");
    CLI_EXPECT(m_cli->addDemo(u"quadrata"_s, u"alpha"_s, m_server->baseUrl(u"quadrata"_s)), 0);
    CLI_EXPECT(m_cli->addDemo(u"kyc-jwt"_s, u"beta"_s, m_server->baseUrl(u"kyc-jwt"_s)), 0);
    const QString completion =
        qEnvironmentVariable("TOKENDESK_SOURCE_DIR") + u"/resources/completion/tokendesk-cli.bash"_s;
    QVERIFY2(QFile::exists(completion), qPrintable(completion));
    // Completes the words (the last one being typed) and returns the candidates, sorted.
    auto complete = [&](const QStringList &words) {
        QString line = u"source '%1'; COMP_WORDS=('%2'"_s.arg(completion, QStringLiteral(TOKENDESK_CLI));
        for (const QString &w : words)
            line += u" '"_s + w + u"'"_s;
        line += u"); COMP_CWORD=%1; _tokendesk_cli; printf '%s\\n' \"${COMPREPLY[@]}\""_s.arg(words.size());
        QProcess p;
        p.setProcessEnvironment(m_cli->environment());
        p.start(bash, {u"-c"_s, line});
        [&] { QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 15000); }();
        QStringList out = QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        out.sort();
        return out;
    };
    QCOMPARE(complete({u"to"_s}), QStringList{u"token"_s});
    QCOMPARE(complete({u"l"_s}), (QStringList{u"list"_s, u"login"_s, u"logout"_s}));
    QCOMPARE(complete({u"token"_s, u""_s}), (QStringList{u"alpha"_s, u"beta"_s}));
    QCOMPARE(complete({u"--timeout"_s, u"5"_s, u"remove"_s, u"b"_s}), QStringList{u"beta"_s});
    QCOMPARE(complete({u"token"_s, u"alpha"_s, u"--h"_s}), (QStringList{u"--header"_s, u"--help"_s}));
    QCOMPARE(complete({u"add"_s, u"x"_s, u"--provider"_s, u"kyc"_s}), QStringList{u"kyc-jwt"_s});
    QCOMPARE(complete({u"token"_s, u"alpha"_s, u""_s}), QStringList{});
}

void TestCliCommands::listJsonShape() {
    CLI_EXPECT(m_cli->addDemo(u"kyc-jwt"_s, u"kyc"_s, m_server->baseUrl(u"kyc-jwt"_s)), 0);
    CLI_EXPECT(m_cli->addDemo(u"partner-api"_s, u"partner"_s, m_server->baseUrl(u"partner-api"_s)), 0);
    CLI_EXPECT(m_cli->run({u"login"_s, u"partner"_s}), 0);

    const CliRun list = m_cli->run({u"list"_s, u"--json"_s});
    CLI_EXPECT(list, 0);
    const QJsonArray array = parseJson(list.out).array();
    QCOMPARE(array.size(), 2);
    const QStringList keys{u"access_expires_at"_s,   u"base_url"_s,   u"expires_in"_s, u"has_refresh_token"_s,
                           u"last_error"_s,          u"name"_s,       u"password_expires_at"_s,
                           u"provider"_s,            u"refresh_expires_at"_s, u"state"_s, u"username"_s};
    QJsonObject kyc, partner;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        QCOMPARE(sortedKeys(o), keys);
        (o.value(u"name"_s).toString() == u"kyc" ? kyc : partner) = o;
    }
    QCOMPARE(kyc.value(u"provider"_s).toString(), u"kyc-jwt"_s);
    QCOMPARE(kyc.value(u"base_url"_s).toString(), m_server->baseUrl(u"kyc-jwt"_s).toString());
    QCOMPARE(kyc.value(u"username"_s).toString(), CliHarness::demoUsername(u"kyc-jwt"_s));
    QCOMPARE(kyc.value(u"state"_s).toString(), u"signed_out"_s);
    QVERIFY(kyc.value(u"access_expires_at"_s).isNull());
    QVERIFY(kyc.value(u"expires_in"_s).isNull());
    QVERIFY(kyc.value(u"refresh_expires_at"_s).isNull());
    QCOMPARE(kyc.value(u"has_refresh_token"_s).toBool(true), false);
    QVERIFY(kyc.value(u"password_expires_at"_s).isNull());
    QVERIFY(kyc.value(u"last_error"_s).isNull());

    QCOMPARE(partner.value(u"name"_s).toString(), u"partner"_s);
    QVERIFY(partner.value(u"username"_s).isNull());
    QCOMPARE(partner.value(u"state"_s).toString(), u"valid"_s);
    const QString expiresAt = partner.value(u"access_expires_at"_s).toString();
    QVERIFY2(expiresAt.endsWith(u'Z'), qPrintable(expiresAt));
    const QDateTime expiry = QDateTime::fromString(expiresAt, Qt::ISODate);
    QVERIFY(expiry.isValid());
    QCOMPARE(expiry.timeSpec(), Qt::UTC);
    const qint64 left = QDateTime::currentDateTimeUtc().secsTo(expiry);
    QVERIFY(left > 200 && left <= m_server->accessLifetime());
    QVERIFY(partner.value(u"expires_in"_s).isDouble());
    QVERIFY(qAbs(partner.value(u"expires_in"_s).toInteger() - left) <= 5);
    QVERIFY(QDateTime::fromString(partner.value(u"refresh_expires_at"_s).toString(), Qt::ISODate).isValid());
    QCOMPARE(partner.value(u"has_refresh_token"_s).toBool(), true);
    QVERIFY(partner.value(u"last_error"_s).isNull());

    const CliRun text = m_cli->run({u"list"_s});
    CLI_EXPECT(text, 0);
    QVERIFY(text.out.contains("kyc") && text.out.contains("partner") && text.out.contains("signed_out"));
    const CliRun names = m_cli->run({u"list"_s, u"--names"_s});
    CLI_EXPECT(names, 0);
    QCOMPARE(names.out, QByteArray("kyc\npartner\n"));
}

// A monitoring script can tell why an account failed and that its password expires soon, as the window does.
void TestCliCommands::listJsonShowsLastErrorAndPasswordExpiry() {
    CLI_EXPECT(m_cli->add(u"wrong"_s, u"partner-api"_s, m_server->baseUrl(u"partner-api"_s), {}, "not-the-key\n"),
               0);
    CLI_EXPECT(m_cli->run({u"login"_s, u"wrong"_s}), 3);
    CLI_EXPECT(m_cli->addDemo(u"user-authheader"_s, u"user"_s, m_server->baseUrl(u"user-authheader"_s)), 0);
    CLI_EXPECT(m_cli->run({u"login"_s, u"user"_s}), 0);

    const CliRun list = m_cli->run({u"list"_s, u"--json"_s});
    CLI_EXPECT(list, 0);
    QJsonObject wrong, user;
    for (const QJsonValue &v : parseJson(list.out).array())
        (v.toObject().value(u"name"_s).toString() == u"wrong" ? wrong : user) = v.toObject();
    const QJsonObject error = wrong.value(u"last_error"_s).toObject();
    QCOMPARE(error.value(u"kind"_s).toString(), u"credentials_rejected"_s);
    QVERIFY2(!error.value(u"message"_s).toString().isEmpty(), list.out.constData());
    QVERIFY(QDateTime::fromString(error.value(u"at"_s).toString(), Qt::ISODate).isValid());
    QVERIFY(wrong.value(u"password_expires_at"_s).isNull());

    QVERIFY(user.value(u"last_error"_s).isNull());
    const QDateTime password = QDateTime::fromString(user.value(u"password_expires_at"_s).toString(), Qt::ISODate);
    QVERIFY2(password.isValid(), list.out.constData());
    const qint64 days = QDateTime::currentDateTimeUtc().daysTo(password);
    QVERIFY2(days >= 9 && days <= 10, qPrintable(QString::number(days)));
}

// The demo's user-authheader password expires in 10 days: login, and token when it logs in, say so on stderr
// (the window shows it); stdout and the exit status stay as they were. A token read from the keychain: no word.
void TestCliCommands::loginWarnsOfPasswordExpiry() {
    CLI_EXPECT(m_cli->addDemo(u"user-authheader"_s, u"user"_s, m_server->baseUrl(u"user-authheader"_s)), 0);
    const QByteArray warning("Warning: the password of \"user\" expires on ");

    const CliRun token = m_cli->run({u"token"_s, u"user"_s});
    CLI_EXPECT(token, 0);
    QVERIFY2(token.err.contains(warning), token.describe().constData());
    QVERIFY(token.err.contains("(in 9 days)") || token.err.contains("(in 10 days)"));
    QVERIFY(!token.out.contains("Warning"));
    QCOMPARE(token.out.count('\n'), 1);

    const CliRun again = m_cli->run({u"token"_s, u"user"_s});
    CLI_EXPECT(again, 0);
    QVERIFY2(!again.err.contains("Warning"), again.describe().constData());

    const CliRun login = m_cli->run({u"login"_s, u"user"_s});
    CLI_EXPECT(login, 0);
    QVERIFY2(login.err.contains(warning), login.describe().constData());
    QVERIFY(login.out.isEmpty());

    // Within the day: hours and minutes, never "(in 0 days)".
    const QString soon = m_server->now().addSecs(72 * 60).toString(u"yyyy-MM-ddTHH:mm:ss'Z'");
    m_server->setFault(u"user-authheader"_s,
                       DemoFault::respondWith(200, QJsonDocument(QJsonObject{{u"Token"_s, u"opaque-soon"_s},
                                                                             {u"PasswordExpiration"_s, soon}})
                                                       .toJson(QJsonDocument::Compact)));
    const CliRun today = m_cli->run({u"login"_s, u"user"_s});
    CLI_EXPECT(today, 0);
    QVERIFY2(today.err.contains(QByteArray(warning + soon.toUtf8() + " (in 1 h 1")), today.describe().constData());
    QVERIFY2(!today.err.contains("day"), today.describe().constData());

    CLI_EXPECT(m_cli->addDemo(u"partner-api"_s, u"partner"_s, m_server->baseUrl(u"partner-api"_s)), 0);
    const CliRun partner = m_cli->run({u"login"_s, u"partner"_s});
    CLI_EXPECT(partner, 0);
    QVERIFY2(!partner.err.contains("Warning"), partner.describe().constData());
}

// The table pads by terminal columns, not by UTF-16 units: a CJK character takes two columns, a combining
// mark none. Each name here is four columns wide, so each is followed by exactly the two separating blanks.
void TestCliCommands::listAlignsWideAndCombiningNames() {
    const QStringList names{u"abcd"_s, u"\u6771\u4eac"_s, u"x\u0301yzw"_s};
    for (const QString &name : names)
        CLI_EXPECT(m_cli->addDemo(u"partner-api"_s, name, m_server->baseUrl(u"partner-api"_s)), 0);
    const CliRun list = m_cli->run({u"list"_s});
    CLI_EXPECT(list, 0);
    const QStringList lines = QString::fromUtf8(list.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), names.size() + 1); // and the header
    for (const QString &name : names) {
        const auto line = std::find_if(lines.begin(), lines.end(), [&](const QString &l) { return l.startsWith(name); });
        QVERIFY2(line != lines.end(), qPrintable(name));
        QVERIFY2(line->mid(name.size()).startsWith(u"  partner-api"_s), qPrintable(*line));
    }
}

void TestCliCommands::loginRefreshLogoutRemove() {
    const QString name = u"session"_s;
    CLI_EXPECT(m_cli->addDemo(u"partner-api"_s, name, m_server->baseUrl(u"partner-api"_s)), 0);
    const QString id = m_cli->idOf(name);

    const CliRun login = m_cli->run({u"login"_s, name});
    CLI_EXPECT(login, 0);
    QVERIFY(login.out.isEmpty());
    QVERIFY2(login.err.contains("Logged in"), login.err.constData());
    QCOMPARE(m_server->requests().size(), 1);
    QVERIFY(m_server->requests().constLast().path.endsWith("/auth/login"));

    const CliRun refresh = m_cli->run({u"refresh"_s, name});
    CLI_EXPECT(refresh, 0);
    QVERIFY(refresh.out.isEmpty());
    QCOMPARE(m_server->refreshCount(u"partner-api"_s), 1);

    const CliRun logout = m_cli->run({u"logout"_s, name});
    CLI_EXPECT(logout, 0);
    QCOMPARE(m_cli->keychainEntry(id, SecretKind::AccessToken).status, SecretResult::Status::NotFound);
    QCOMPARE(m_cli->keychainEntry(id, SecretKind::RefreshToken).status, SecretResult::Status::NotFound);
    QVERIFY(m_cli->keychainEntry(id, SecretKind::Credential).ok()); // kept
    const QJsonArray afterLogout = parseJson(m_cli->run({u"list"_s, u"--json"_s}).out).array();
    QCOMPARE(afterLogout.at(0).toObject().value(u"state"_s).toString(), u"signed_out"_s);

    // The credential survived the logout: `token` logs in again.
    const CliRun token = m_cli->run({u"token"_s, name});
    CLI_EXPECT(token, 0);
    m_cli->rememberSecret(token.out.trimmed());
    QVERIFY(m_cli->keychainEntry(id, SecretKind::RefreshToken).ok());
    QVERIFY(!m_cli->filesWithSecrets().size());

    const CliRun remove = m_cli->run({u"remove"_s, name});
    CLI_EXPECT(remove, 0);
    QVERIFY(remove.out.isEmpty());
    for (SecretKind kind : {SecretKind::Credential, SecretKind::AccessToken, SecretKind::RefreshToken})
        QCOMPARE(m_cli->keychainEntry(id, kind).status, SecretResult::Status::NotFound);
    QCOMPARE(m_cli->run({u"list"_s, u"--names"_s}).out, QByteArray());
    CLI_EXPECT(m_cli->run({u"token"_s, name}), 2);
}

QTEST_GUILESS_MAIN(TestCliCommands)
#include "tst_cli_commands.moc"
