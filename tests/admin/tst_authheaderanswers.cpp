// AuthHeaderClient and what the provider answers: a table of errors, each a sentence; tables of bad list
// and add answers, each a clear error or a skipped entry, never a crash; no secret in any error, and
// echoed tokens redacted.
#include "AuthHeaderClientTest.h"

#include "demo/DemoCredentials.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

class TestAuthHeaderAnswers : public AuthHeaderClientTest {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void providerErrorsAreSentences_data();
    void providerErrorsAreSentences();
    void listAnswers_data();
    void listAnswers();
    void addAnswers_data();
    void addAnswers();
    void addedTokenTooLongSaysSo();
    void noSecretInErrors();
    void echoedTokensAreRedacted();
};

void TestAuthHeaderAnswers::init() {
    setUp();
}

void TestAuthHeaderAnswers::cleanup() {
    tearDown();
}

void TestAuthHeaderAnswers::providerErrorsAreSentences_data() {
    QTest::addColumn<int>("operation"); // 0 list, 1 add, 2 delete
    QTest::addColumn<DemoFault>("fault");
    QTest::addColumn<AuthError::Kind>("kind");
    QTest::addColumn<QString>("inMessage");
    QTest::addColumn<QString>("providerMessage");

    QTest::newRow("500 list") << 0 << DemoFault::respondWith(500, R"({"message":"database down"})")
                              << AuthError::Kind::ProviderError << u"HTTP 500"_s << u"database down"_s;
    QTest::newRow("503 add") << 1 << DemoFault::respondWith(503, QByteArray())
                             << AuthError::Kind::ProviderError << u"HTTP 503"_s << QString();
    QTest::newRow("400 add") << 1 << DemoFault::respondWith(400, R"({"message":"name is required"})")
                             << AuthError::Kind::InvalidRequest << u"name"_s << u"name is required"_s;
    QTest::newRow("403 list") << 0 << DemoFault::respondWith(403, R"({"message":"Forbidden"})")
                              << AuthError::Kind::CredentialsRejected << u"HTTP 403"_s << u"Forbidden"_s;
    QTest::newRow("404 list") << 0 << DemoFault::respondWith(404, "{}") << AuthError::Kind::ProviderError
                              << u"does not offer auth-header administration"_s << QString();
    QTest::newRow("429 list") << 0 << DemoFault::rateLimit("7") << AuthError::Kind::RateLimited
                              << u"7 second"_s << u"Rate limit exceeded. Please try again later."_s;
    QTest::newRow("418 delete") << 2 << DemoFault::respondWith(418, R"({"message":"teapot"})")
                                << AuthError::Kind::ProviderError << u"HTTP 418"_s << u"teapot"_s;
    QTest::newRow("html 200 list") << 0 << DemoFault::htmlBody() << AuthError::Kind::MalformedAnswer
                                   << u"web page"_s << QString();
    QTest::newRow("oversized list") << 0 << DemoFault::oversizedBody() << AuthError::Kind::MalformedAnswer
                                    << u"larger than"_s << QString();
}

void TestAuthHeaderAnswers::providerErrorsAreSentences() {
    QFETCH(int, operation);
    QFETCH(DemoFault, fault);
    QFETCH(AuthError::Kind, kind);
    QFETCH(QString, inMessage);
    QFETCH(QString, providerMessage);

    const QString id = m_core->addAccount(kPreset);
    QVERIFY(!m_core->login(id).error);
    armOnce(fault);
    AuthError error;
    if (operation == 0)
        error = list(id).error;
    else if (operation == 1)
        error = add(id, u"x"_s).error;
    else
        error = remove(id, "ah_whatever");
    QCOMPARE(error.kind, kind);
    QVERIFY2(error.message.contains(inMessage), qPrintable(error.message));
    QCOMPARE(error.providerMessage, providerMessage);
    // Not a 401: no re-login.
    QCOMPARE(requestsEndingWith("/user/login"), 1);
}

void TestAuthHeaderAnswers::listAnswers_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("names"); // of the headers kept, in order
    QTest::addColumn<QStringList>("tokens");

    QTest::newRow("empty array") << QByteArray("[]") << true << QStringList() << QStringList();
    QTest::newRow("object, not an array")
        << QByteArray(R"({"headers":[{"token":"a1"}]})") << false << QStringList() << QStringList();
    QTest::newRow("string") << QByteArray(R"("nope")") << false << QStringList() << QStringList();
    QTest::newRow("null") << QByteArray("null") << false << QStringList() << QStringList();
    QTest::newRow("empty body") << QByteArray("") << false << QStringList() << QStringList();
    QTest::newRow("truncated") << QByteArray(R"([{"token":"a1","name":)") << false << QStringList()
                               << QStringList();
    QTest::newRow("html") << QByteArray("<!DOCTYPE html><html><body>Sign in</body></html>") << false
                          << QStringList() << QStringList();
    QTest::newRow("garbage elements")
        << QByteArray(R"([1, "x", null, [], true, {"name":"kept","token":"t-ok"}, {}, {"name":"no token"}])")
        << true << QStringList{u"kept"_s} << QStringList{u"t-ok"_s};
    QTest::newRow("missing fields") << QByteArray(R"([{"token":"only-token"}])") << true
                                    << QStringList{QString()} << QStringList{u"only-token"_s};
    QTest::newRow("wrong types")
        << QByteArray(
               R"([{"id":7,"name":["a"],"token":"t1","created":true},{"name":"n","token":42},{"name":"e","token":""}])")
        << true << QStringList{QString()} << QStringList{u"t1"_s};
    QTest::newRow("token with CR/LF")
        << QByteArray(R"([{"name":"bad","token":"abc\r\nX-Injected: 1"},{"name":"good","token":"t2"}])")
        << true << QStringList{u"good"_s} << QStringList{u"t2"_s};
    QTest::newRow("token with a space")
        << QByteArray(R"([{"name":"bad","token":"a b"}])") << true << QStringList() << QStringList();
    QTest::newRow("control chars in name") << QByteArray(R"([{"name":"a\u0007b\nc","token":"t3"}])") << true
                                           << QStringList{u"abc"_s} << QStringList{u"t3"_s};
}

void TestAuthHeaderAnswers::listAnswers() {
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(QStringList, names);
    QFETCH(QStringList, tokens);

    const QString id = m_core->addAccount(kPreset);
    QVERIFY(!m_core->login(id).error);
    armOnce(DemoFault::respondWith(200, body));
    const ListOutcome listed = list(id);
    if (!ok) {
        QCOMPARE(listed.error.kind, AuthError::Kind::MalformedAnswer);
        QVERIFY(!listed.error.message.isEmpty());
        QVERIFY(listed.headers.isEmpty());
        return;
    }
    QVERIFY2(!listed.error, qPrintable(listed.error.message));
    QStringList gotNames;
    QStringList gotTokens;
    for (const AuthHeader &h : listed.headers) {
        gotNames << h.name;
        gotTokens << QString::fromUtf8(h.token);
    }
    QCOMPARE(gotNames, names);
    QCOMPARE(gotTokens, tokens);
}

void TestAuthHeaderAnswers::addAnswers_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("hasCreated");

    QTest::newRow("full")
        << QByteArray(R"({"id":"i1","name":"srv","token":"t1","created":"2026-06-26T07:56:42.199+00:00"})")
        << true << u"srv"_s << true;
    QTest::newRow("token only: the name comes from the request")
        << QByteArray(R"({"token":"t1"})") << true << u"requested"_s << false;
    QTest::newRow("unparseable created")
        << QByteArray(R"({"name":"n","token":"t1","created":"yesterday"})") << true << u"n"_s << false;
    QTest::newRow("created without zone")
        << QByteArray(R"({"name":"n","token":"t1","created":"2026-06-01T12:00:00"})") << true << u"n"_s
        << true;
    QTest::newRow("no token") << QByteArray(R"({"id":"i1","name":"n"})") << false << QString() << false;
    QTest::newRow("token not a string") << QByteArray(R"({"token":12345})") << false << QString() << false;
    QTest::newRow("array") << QByteArray(R"([{"token":"t1"}])") << false << QString() << false;
    QTest::newRow("html") << QByteArray("<html>proxy login</html>") << false << QString() << false;
    QTest::newRow("token with CR/LF")
        << QByteArray(R"({"token":"t1\r\nX-Injected: 1"})") << false << QString() << false;
}

void TestAuthHeaderAnswers::addAnswers() {
    QFETCH(QByteArray, body);
    QFETCH(bool, ok);
    QFETCH(QString, name);
    QFETCH(bool, hasCreated);

    const QString id = m_core->addAccount(kPreset);
    QVERIFY(!m_core->login(id).error);
    armOnce(DemoFault::respondWith(200, body));
    const AddOutcome added = add(id, u"requested"_s);
    if (!ok) {
        QCOMPARE(added.error.kind, AuthError::Kind::MalformedAnswer);
        QVERIFY(added.header.token.isEmpty());
        QVERIFY(!added.error.message.contains(u"X-Injected"_s));
        return;
    }
    QVERIFY2(!added.error, qPrintable(added.error.message));
    QCOMPARE(added.header.token, QByteArray("t1"));
    QCOMPARE(added.header.name, name);
    QCOMPARE(added.header.created.isValid(), hasCreated);
    if (hasCreated)
        QCOMPARE(added.header.created.timeSpec(), Qt::UTC);
}

void TestAuthHeaderAnswers::addedTokenTooLongSaysSo() {
    const QString id = m_core->addAccount(kPreset);
    QVERIFY(!m_core->login(id).error);
    armOnce(DemoFault::respondWith(200, R"({"token":")" + QByteArray(20 * 1024, 'a') + R"("})"));
    const AddOutcome added = add(id, u"big"_s);
    QCOMPARE(added.error.kind, AuthError::Kind::MalformedAnswer);
    QVERIFY(added.header.token.isEmpty());
    QVERIFY2(added.error.message.contains(u"is 20480 bytes long, more than the 16384 bytes"_s),
             qPrintable(added.error.message));
    QVERIFY2(!added.error.message.contains(u"characters"_s), qPrintable(added.error.message));
    QVERIFY2(added.error.message.contains(u"Delete it at the provider"_s), qPrintable(added.error.message));
}

void TestAuthHeaderAnswers::noSecretInErrors() {
    const QString id = m_core->addAccount(kPreset);
    const TokenResult login = m_core->login(id);
    QVERIFY(!login.error);
    const AddOutcome added = add(id, u"secret-holder"_s);
    QVERIFY(!added.error);
    QVERIFY(!remove(id, added.header.token));
    const AuthError gone = remove(id, added.header.token);
    QVERIFY(gone);
    const QString password = DemoCredentials::userPassword();
    for (const QString &text : {gone.message, gone.providerMessage}) {
        QVERIFY(!text.contains(QString::fromLatin1(added.header.token)));
        QVERIFY(!text.contains(QString::fromLatin1(login.accessToken)));
        QVERIFY(!text.contains(password));
    }
}

void TestAuthHeaderAnswers::echoedTokensAreRedacted() {
    // A provider that quotes the request's access token, or the header token being deleted, in its message.
    const QString id = m_core->addAccount(kPreset);
    const TokenResult login = m_core->login(id);
    QVERIFY(!login.error);
    const AddOutcome added = add(id, u"quoted"_s);
    QVERIFY(!added.error);
    const QString access = QString::fromLatin1(login.accessToken);
    const QString header = QString::fromLatin1(added.header.token);
    const auto body = [](const QString &message) {
        return QJsonDocument(QJsonObject{{u"message"_s, message}}).toJson(QJsonDocument::Compact);
    };

    armOnce(DemoFault::respondWith(500, body(u"token "_s + access + u" is broken"_s)));
    const ListOutcome listed = list(id);
    QVERIFY(listed.error);
    QCOMPARE(listed.error.providerMessage, u"token [redacted] is broken"_s);

    armOnce(DemoFault::respondWith(400, body(u"cannot delete "_s + header + u" by "_s + access)));
    const AuthError removed = remove(id, added.header.token);
    QVERIFY(removed);
    QCOMPARE(removed.providerMessage, u"cannot delete [redacted] by [redacted]"_s);
}

QTEST_GUILESS_MAIN(TestAuthHeaderAnswers)
#include "tst_authheaderanswers.moc"
