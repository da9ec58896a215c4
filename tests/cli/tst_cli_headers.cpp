// `tokendesk-cli headers list / add / delete` as a process against an in-process DemoServer: the whole
// round trip, the table and JSON shapes, the token read from stdin, every exit code, an expired token
// renewed first, accounts without the feature refused without a request, and the bash completion.
#include "CliTestSupport.h"

#include "demo/DemoServer.h"

#include <QFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

class TestCliHeaders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void addListDeleteRoundTrip();
    void jsonShape();
    void noLoggingLinesOnStderr();
    void deleteReadsTheTokenFromStdin();
    void deleteByIdAndNeverByATokenArgument();
    void idThatIsAnotherHeadersNameIsAmbiguous();
    void deleteUnknownTokenExitsWithProviderError();
    void accountWithoutTheFeatureIsAUsageError();
    void usageErrors();
    void expiredTokenIsRenewedFirst();
    void exitCodesFollowTheFailure();
    void help();
    void bashCompletion();

private:
    QByteArray addHeader(const QString &account, const QString &label);
    int requestsEndingWith(const QByteArray &suffix) const;

    std::unique_ptr<CliHarness> m_cli;
    std::unique_ptr<DemoServer> m_server;
    const QString m_preset = u"user-authheader"_s;
};

void TestCliHeaders::init() {
    CLI_SKIP_WITHOUT_KEYRING();
    m_cli = std::make_unique<CliHarness>();
    QVERIFY(m_cli->isValid());
    m_server = std::make_unique<DemoServer>();
    QVERIFY(m_server->listen());
    CLI_EXPECT(m_cli->addDemo(m_preset, u"ua"_s, m_server->baseUrl(m_preset)), 0);
}

void TestCliHeaders::cleanup() {
    if (m_cli)
        verifyNoSecretsAndClean(*m_cli);
    m_cli.reset();
    m_server.reset();
}

QByteArray TestCliHeaders::addHeader(const QString &account, const QString &label) {
    const CliRun r = m_cli->run({u"headers"_s, u"add"_s, account, label});
    const QByteArray token = r.out.trimmed();
    m_cli->rememberSecret(token);
    [&] {
        CLI_EXPECT(r, 0);
        // stdout holds the token and nothing else.
        QVERIFY2(!token.isEmpty() && r.out == token + '\n', r.describe().constData());
    }();
    return token;
}

int TestCliHeaders::requestsEndingWith(const QByteArray &suffix) const {
    int n = 0;
    for (const DemoRequest &r : m_server->requests())
        n += r.path.endsWith(suffix) ? 1 : 0;
    return n;
}

void TestCliHeaders::addListDeleteRoundTrip() {
    CliRun list = m_cli->run({u"headers"_s, u"list"_s, u"ua"_s});
    CLI_EXPECT(list, 0);
    QVERIFY(list.out.isEmpty());
    QVERIFY2(list.err.contains("no auth headers yet"), list.describe().constData());

    const QByteArray first = addHeader(u"ua"_s, u"ci-runner"_s);
    const QByteArray second = addHeader(u"ua"_s, u"nightly backup"_s);
    QVERIFY(first != second);

    list = m_cli->run({u"headers"_s, u"list"_s, u"ua"_s});
    CLI_EXPECT(list, 0);
    const QList<QByteArray> lines = list.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    QVERIFY(lines.at(0).startsWith("NAME"));
    QVERIFY(lines.at(1).startsWith("ci-runner"));
    QVERIFY(lines.at(2).startsWith("nightly backup"));
    // The table masks the tokens.
    QVERIFY(!list.out.contains(first));
    QVERIFY(!list.out.contains(second));
    const QByteArray masked = first.left(4) + QStringLiteral("\u2026").toUtf8() + first.right(4);
    QVERIFY2(lines.at(1).endsWith(masked), lines.at(1).constData());

    // Named as the table shows it: no token on the command line.
    const CliRun removed = m_cli->run({u"headers"_s, u"delete"_s, u"ua"_s, u"ci-runner"_s});
    CLI_EXPECT(removed, 0);
    QVERIFY(removed.out.isEmpty());
    QVERIFY2(removed.err.contains("Deleted the auth header \"ci-runner\""), removed.describe().constData());

    const CliRun json = m_cli->run({u"headers"_s, u"list"_s, u"ua"_s, u"--json"_s});
    CLI_EXPECT(json, 0);
    const QJsonArray array = parseJson(json.out).array();
    QCOMPARE(array.size(), 1);
    QCOMPARE(array.at(0).toObject().value(u"token"_s).toString().toLatin1(), second);
    // One login for all of it: the stored token stayed valid between the processes.
    QCOMPARE(requestsEndingWith("/user/login"), 1);
}

void TestCliHeaders::jsonShape() {
    CliRun json = m_cli->run({u"headers"_s, u"list"_s, u"ua"_s, u"--json"_s});
    CLI_EXPECT(json, 0);
    QVERIFY(parseJson(json.out).isArray());
    QCOMPARE(parseJson(json.out).array().size(), 0);

    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-5);
    const QByteArray token = addHeader(u"ua"_s, u"json"_s);
    json = m_cli->run({u"headers"_s, u"list"_s, u"--json"_s, u"ua"_s});
    CLI_EXPECT(json, 0);
    const QJsonArray array = parseJson(json.out).array();
    QCOMPARE(array.size(), 1);
    const QJsonObject o = array.at(0).toObject();
    QCOMPARE(sortedKeys(o), (QStringList{u"created"_s, u"id"_s, u"name"_s, u"token"_s}));
    QCOMPARE(o.value(u"name"_s).toString(), u"json"_s);
    QCOMPARE(o.value(u"token"_s).toString().toLatin1(), token);
    QVERIFY(!o.value(u"id"_s).toString().isEmpty());
    const QString created = o.value(u"created"_s).toString();
    QVERIFY2(created.endsWith(u'Z'), qPrintable(created));
    QVERIFY(QDateTime::fromString(created, Qt::ISODate) >= before);

    // Missing fields come out as null, not as empty strings or a made-up date.
    m_server->setFault(m_preset, DemoFault::respondWith(200, R"([{"token":"bare-token-1234"}])"), 1);
    m_cli->rememberSecret("bare-token-1234");
    json = m_cli->run({u"headers"_s, u"list"_s, u"ua"_s, u"--json"_s});
    CLI_EXPECT(json, 0);
    const QJsonObject bare = parseJson(json.out).array().at(0).toObject();
    QVERIFY(bare.value(u"id"_s).isNull());
    QVERIFY(bare.value(u"name"_s).isNull());
    QVERIFY(bare.value(u"created"_s).isNull());
    QCOMPARE(bare.value(u"token"_s).toString(), u"bare-token-1234"_s);
}

void TestCliHeaders::noLoggingLinesOnStderr() {
    // A list with entries the client skips (no token) logs a warning in the core; the CLI's stderr carries
    // only its own messages unless QT_LOGGING_RULES asks for more.
    CLI_EXPECT(m_cli->run({u"login"_s, u"ua"_s}), 0);
    m_server->setFault(m_preset,
                       DemoFault::respondWith(
                           200, R"([{"id":"1","name":"a"},{"id":"2","name":"b"},{"id":"3","name":"c","token":"ah_kept_0123456789"}])"),
                       1);
    m_cli->rememberSecret("ah_kept_0123456789");
    QProcessEnvironment env = m_cli->environment();
    env.remove(u"QT_LOGGING_RULES"_s);
    const CliRun list = m_cli->run({u"headers"_s, u"list"_s, u"ua"_s}, {}, env);
    CLI_EXPECT(list, 0);
    QVERIFY2(list.out.contains("ah_k"), list.describe().constData());
    QVERIFY2(list.err.isEmpty(), list.describe().constData());

    // Asked for, the lines are there (counts only, never a token).
    m_server->setFault(m_preset, DemoFault::respondWith(200, R"([{"id":"1"},{"id":"2"}])"), 1);
    env.insert(u"QT_LOGGING_RULES"_s, u"tokendesk.authheaders.warning=true"_s);
    const CliRun logged = m_cli->run({u"headers"_s, u"list"_s, u"ua"_s}, {}, env);
    CLI_EXPECT(logged, 0);
    QVERIFY2(logged.err.contains("tokendesk.authheaders: skipped 2"), logged.describe().constData());
}

void TestCliHeaders::deleteReadsTheTokenFromStdin() {
    const QByteArray token = addHeader(u"ua"_s, u"stdin"_s);
    const CliRun removed = m_cli->run({u"headers"_s, u"delete"_s, u"ua"_s, u"-"_s}, token + '\n');
    CLI_EXPECT(removed, 0);
    const CliRun json = m_cli->run({u"headers"_s, u"list"_s, u"ua"_s, u"--json"_s});
    CLI_EXPECT(json, 0);
    QCOMPARE(parseJson(json.out).array().size(), 0);
    // Nothing on stdin: a usage error, no request.
    m_server->clearRequests();
    CLI_EXPECT(m_cli->run({u"headers"_s, u"delete"_s, u"ua"_s, u"-"_s}, QByteArray()), 2);
    QCOMPARE(requestsEndingWith("/authheader/delete"), 0);
}

void TestCliHeaders::deleteByIdAndNeverByATokenArgument() {
    const QByteArray first = addHeader(u"ua"_s, u"twin"_s);
    const QByteArray second = addHeader(u"ua"_s, u"twin"_s);
    const QJsonArray listed = parseJson(m_cli->run({u"headers"_s, u"list"_s, u"ua"_s, u"--json"_s}).out).array();
    QCOMPARE(listed.size(), 2);
    m_server->clearRequests();

    // The old form, a token as an argument: refused, nothing deleted, and the message says why.
    const CliRun old = m_cli->run({u"headers"_s, u"delete"_s, u"ua"_s, QString::fromLatin1(first)});
    CLI_EXPECT(old, 2);
    QVERIFY2(old.err.contains("never taken from the command line"), old.describe().constData());
    QVERIFY2(old.err.contains("nothing was deleted"), old.describe().constData());
    QVERIFY2(!old.err.contains(first), "the token was echoed");
    QCOMPARE(requestsEndingWith("/authheader/delete"), 0);

    // Two headers of one name: the name is not enough.
    const CliRun twin = m_cli->run({u"headers"_s, u"delete"_s, u"ua"_s, u"twin"_s});
    CLI_EXPECT(twin, 2);
    QVERIFY2(twin.err.contains("Several auth headers of \"ua\" are named \"twin\""), twin.describe().constData());
    // The hint's command is not inside quotes of its own around the quoted name ('… list 'ua'').
    QVERIFY2(twin.err.contains(": tokendesk-cli headers list 'ua'\n"), twin.describe().constData());
    QVERIFY2(!twin.err.contains("'ua''"), twin.describe().constData());
    QCOMPARE(requestsEndingWith("/authheader/delete"), 0);

    // An unknown name or id: a usage error before any delete request.
    const CliRun unknown = m_cli->run({u"headers"_s, u"delete"_s, u"ua"_s, u"nope"_s});
    CLI_EXPECT(unknown, 2);
    QVERIFY2(unknown.err.contains("has no auth header with the ID or name \"nope\""), unknown.describe().constData());
    QVERIFY2(unknown.err.contains(": tokendesk-cli headers list 'ua'\n"), unknown.describe().constData());
    QVERIFY2(old.err.contains(": tokendesk-cli headers list 'ua'\n"), old.describe().constData());
    QCOMPARE(requestsEndingWith("/authheader/delete"), 0);

    // By id: exactly that one goes.
    QString secondId;
    for (const QJsonValue &h : listed) {
        if (h.toObject().value(u"token"_s).toString().toLatin1() == second)
            secondId = h.toObject().value(u"id"_s).toString();
    }
    QVERIFY(!secondId.isEmpty());
    CLI_EXPECT(m_cli->run({u"headers"_s, u"delete"_s, u"ua"_s, secondId}), 0);
    const QJsonArray left = parseJson(m_cli->run({u"headers"_s, u"list"_s, u"ua"_s, u"--json"_s}).out).array();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.at(0).toObject().value(u"token"_s).toString().toLatin1(), first);
    const QList<DemoRequest> requests = m_server->requests();
    for (const DemoRequest &r : requests) {
        if (r.path.endsWith("/authheader/delete"))
            QVERIFY2(r.body.contains(second), r.body.constData()); // the API wants the token: from the list
    }
}

// One header's ID given as another header's name: which one is meant cannot be told, as with two headers of
// one name, so nothing is deleted. The confirmation of a delete by ID names the header's name.
void TestCliHeaders::idThatIsAnotherHeadersNameIsAmbiguous() {
    addHeader(u"ua"_s, u"first"_s);
    const QJsonArray listed = parseJson(m_cli->run({u"headers"_s, u"list"_s, u"ua"_s, u"--json"_s}).out).array();
    QCOMPARE(listed.size(), 1);
    const QString firstId = listed.at(0).toObject().value(u"id"_s).toString();
    QVERIFY(!firstId.isEmpty());
    addHeader(u"ua"_s, firstId);
    m_server->clearRequests();

    const CliRun ambiguous = m_cli->run({u"headers"_s, u"delete"_s, u"ua"_s, firstId});
    CLI_EXPECT(ambiguous, 2);
    QVERIFY2(ambiguous.err.contains("is the ID of one auth header of \"ua\" and the name of another"),
             ambiguous.describe().constData());
    QCOMPARE(requestsEndingWith("/authheader/delete"), 0);
    QCOMPARE(parseJson(m_cli->run({u"headers"_s, u"list"_s, u"ua"_s, u"--json"_s}).out).array().size(), 2);

    // The other one by its own ID: deleted, and the confirmation names it.
    QString secondId;
    for (const QJsonValue &h : parseJson(m_cli->run({u"headers"_s, u"list"_s, u"ua"_s, u"--json"_s}).out).array()) {
        if (h.toObject().value(u"name"_s).toString() == firstId)
            secondId = h.toObject().value(u"id"_s).toString();
    }
    QVERIFY(!secondId.isEmpty());
    const CliRun removed = m_cli->run({u"headers"_s, u"delete"_s, u"ua"_s, secondId});
    CLI_EXPECT(removed, 0);
    const QByteArray confirmation =
        QStringLiteral("Deleted the auth header \"%1\" (ID %2) from \"ua\".").arg(firstId, secondId).toUtf8();
    QVERIFY2(removed.err.contains(confirmation), removed.describe().constData());

    // Now the ID is unambiguous again; the confirmation gives the name "first".
    const CliRun first = m_cli->run({u"headers"_s, u"delete"_s, u"ua"_s, firstId});
    CLI_EXPECT(first, 0);
    QVERIFY2(first.err.contains("Deleted the auth header \"first\" (ID "), first.describe().constData());
}

void TestCliHeaders::deleteUnknownTokenExitsWithProviderError() {
    const CliRun r = m_cli->run({u"headers"_s, u"delete"_s, u"ua"_s, u"-"_s}, "ah_no_such_header\n");
    CLI_EXPECT(r, 5);
    QVERIFY(r.out.isEmpty());
    QVERIFY2(r.err.contains("No auth header with that token exists"), r.describe().constData());
}

void TestCliHeaders::accountWithoutTheFeatureIsAUsageError() {
    CLI_EXPECT(m_cli->addDemo(u"kyc-jwt"_s, u"kyc"_s, m_server->baseUrl(u"kyc-jwt"_s)), 0);
    m_server->clearRequests();
    const CliRun list = m_cli->run({u"headers"_s, u"list"_s, u"kyc"_s});
    CLI_EXPECT(list, 2);
    QVERIFY2(list.err.contains("which has no auth headers"), list.describe().constData());
    CLI_EXPECT(m_cli->run({u"headers"_s, u"add"_s, u"kyc"_s, u"label"_s}), 2);
    CLI_EXPECT(m_cli->run({u"headers"_s, u"delete"_s, u"kyc"_s, u"tok"_s}), 2);
    QCOMPARE(m_server->requests().size(), 0);
}

void TestCliHeaders::usageErrors() {
    m_server->clearRequests();
    const CliRun bare = m_cli->run({u"headers"_s});
    CLI_EXPECT(bare, 2);
    QVERIFY2(bare.err.contains("list, add, delete"), bare.describe().constData());
    CLI_EXPECT(m_cli->run({u"headers"_s, u"rotate"_s, u"ua"_s}), 2);
    CLI_EXPECT(m_cli->run({u"headers"_s, u"list"_s}), 2);
    CLI_EXPECT(m_cli->run({u"headers"_s, u"list"_s, u"nobody"_s}), 2);
    CLI_EXPECT(m_cli->run({u"headers"_s, u"list"_s, u"ua"_s, u"extra"_s}), 2);
    CLI_EXPECT(m_cli->run({u"headers"_s, u"list"_s, u"ua"_s, u"--bogus"_s}), 2);
    CLI_EXPECT(m_cli->run({u"headers"_s, u"add"_s, u"ua"_s}), 2);
    CLI_EXPECT(m_cli->run({u"headers"_s, u"add"_s, u"ua"_s, u"  "_s}), 2);
    CLI_EXPECT(m_cli->run({u"headers"_s, u"add"_s, u"ua"_s, u"a\tb"_s}), 2);
    CLI_EXPECT(m_cli->run({u"headers"_s, u"delete"_s, u"ua"_s}), 2);
    QCOMPARE(m_server->requests().size(), 0);
}

void TestCliHeaders::expiredTokenIsRenewedFirst() {
    CLI_EXPECT(m_cli->run({u"login"_s, u"ua"_s}), 0);
    QVERIFY(m_cli->expire(u"ua"_s, 60));
    m_server->clearRequests();
    addHeader(u"ua"_s, u"after-expiry"_s);
    QCOMPARE(requestsEndingWith("/user/login"), 1);
    QCOMPARE(requestsEndingWith("/authheader/add"), 1);
}

void TestCliHeaders::exitCodesFollowTheFailure() {
    // Wrong password: 3, and no admin request.
    CLI_EXPECT(m_cli->add(u"wrong"_s, m_preset, m_server->baseUrl(m_preset),
                          CliHarness::demoUsername(m_preset), "not-the-password"),
               0);
    CLI_EXPECT(m_cli->run({u"headers"_s, u"list"_s, u"wrong"_s}), 3);
    QCOMPARE(requestsEndingWith("/authheader/list"), 0);

    // The provider fails on its side: 5.
    CLI_EXPECT(m_cli->run({u"login"_s, u"ua"_s}), 0);
    m_server->setFault(m_preset, DemoFault::serverError(500), 1);
    CLI_EXPECT(m_cli->run({u"headers"_s, u"list"_s, u"ua"_s}), 5);
    // A web page instead of JSON: 5.
    m_server->setFault(m_preset, DemoFault::htmlBody(), 1);
    CLI_EXPECT(m_cli->run({u"headers"_s, u"add"_s, u"ua"_s, u"x"_s}), 5);

    // Nobody listening: 4.
    DemoServer gone;
    QVERIFY(gone.listen());
    const QUrl deadUrl = gone.baseUrl(m_preset);
    gone.close();
    CLI_EXPECT(m_cli->add(u"dead"_s, m_preset, deadUrl, CliHarness::demoUsername(m_preset),
                          CliHarness::demoSecret(m_preset)),
               0);
    CLI_EXPECT(m_cli->run({u"headers"_s, u"list"_s, u"dead"_s}), 4);
}

void TestCliHeaders::help() {
    const CliRun group = m_cli->run({u"headers"_s, u"--help"_s});
    CLI_EXPECT(group, 0);
    for (const char *word : {"list", "add", "delete"})
        QVERIFY2(group.out.contains(word), group.describe().constData());
    CLI_EXPECT(m_cli->run({u"help"_s, u"headers"_s}), 0);
    const CliRun add = m_cli->run({u"help"_s, u"headers"_s, u"add"_s});
    CLI_EXPECT(add, 0);
    QVERIFY2(add.out.contains("LABEL"), add.describe().constData());
    const CliRun list = m_cli->run({u"headers"_s, u"list"_s, u"--help"_s});
    CLI_EXPECT(list, 0);
    QVERIFY2(list.out.contains("--json"), list.describe().constData());
    const CliRun general = m_cli->run({u"--help"_s});
    QVERIFY2(general.out.contains("headers delete"), general.describe().constData());
}

void TestCliHeaders::bashCompletion() {
    const QString bash = QStandardPaths::findExecutable(u"bash"_s);
    if (bash.isEmpty())
        QSKIP("needs bash");
    const QString completion =
        qEnvironmentVariable("TOKENDESK_SOURCE_DIR") + u"/resources/completion/tokendesk-cli.bash"_s;
    QVERIFY2(QFile::exists(completion), qPrintable(completion));
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
    QCOMPARE(complete({u"hea"_s}), QStringList{u"headers"_s});
    QCOMPARE(complete({u"headers"_s, u""_s}), (QStringList{u"add"_s, u"delete"_s, u"list"_s}));
    QCOMPARE(complete({u"headers"_s, u"d"_s}), QStringList{u"delete"_s});
    QCOMPARE(complete({u"headers"_s, u"list"_s, u"u"_s}), QStringList{u"ua"_s});
    QCOMPARE(complete({u"headers"_s, u"list"_s, u"ua"_s, u"--j"_s}), QStringList{u"--json"_s});
    QCOMPARE(complete({u"headers"_s, u"add"_s, u"ua"_s, u""_s}), QStringList{});
    QCOMPARE(complete({u"help"_s, u"headers"_s, u""_s}), (QStringList{u"add"_s, u"delete"_s, u"list"_s}));
}

QTEST_GUILESS_MAIN(TestCliHeaders)
#include "tst_cli_headers.moc"
