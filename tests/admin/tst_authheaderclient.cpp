// AuthHeaderClient against the in-process demo providers: add, list and delete per user; a signed-out or
// expired account logs in first; a 401 is answered by exactly one re-login and one retry; accounts without
// the feature send nothing; and a table of bad answers, each a clear error or a skipped entry, never a crash.
#include "CoreFixture.h"

#include "admin/AuthHeaderClient.h"
#include "demo/DemoCredentials.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace {
const QString kPreset = u"user-authheader"_s;

struct ListOutcome {
    QList<AuthHeader> headers;
    AuthError error;
};

struct AddOutcome {
    AuthHeader header;
    AuthError error;
};
} // namespace

class TestAuthHeaderClient : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void supportsFollowsTheProfile();
    void addAppearsInListAndDeleteRemovesIt();
    void headersArePerUser();
    void requestCarriesTheProfilesHeaderLine();
    void deleteUnknownTokenIsAClearError();
    void signedOutAccountLogsInFirst();
    void expiredTokenIsRenewedFirst();
    void rejectedTokenIsRenewedAndRetriedOnce();
    void twoRejectionsGiveAnErrorAfterOneRelogin();
    void accountWithoutTheFeatureSendsNothing();
    void unknownAccountIsAConfigurationError();
    void failedLoginIsReported();
    void providerErrorsAreSentences_data();
    void providerErrorsAreSentences();
    void listAnswers_data();
    void listAnswers();
    void addAnswers_data();
    void addAnswers();
    void callbacksRunLaterAndOnlyWhileTheContextLives();
    void noSecretInErrors();
    void echoedTokensAreRedacted();

private:
    ListOutcome list(const QString &accountId);
    AddOutcome add(const QString &accountId, const QString &name);
    AuthError remove(const QString &accountId, const QByteArray &token);
    int requestsEndingWith(const QByteArray &suffix) const;
    void armOnce(const DemoFault &fault) { m_core->server.setFault(kPreset, fault, 1); }

    std::unique_ptr<CoreFixture> m_core;
    std::unique_ptr<AuthHeaderClient> m_client;
};

void TestAuthHeaderClient::init() {
    m_core = std::make_unique<CoreFixture>();
    m_client = std::make_unique<AuthHeaderClient>(m_core->manager.get(), m_core->store.get(),
                                                  &m_core->registry, m_core->http.get());
}

void TestAuthHeaderClient::cleanup() {
    m_client.reset();
    m_core.reset();
}

ListOutcome TestAuthHeaderClient::list(const QString &accountId) {
    ListOutcome outcome;
    bool done = false;
    m_client->list(accountId, &m_core->context,
                   [&](const QList<AuthHeader> &headers, const AuthError &error) {
                       outcome = {headers, error};
                       done = true;
                   });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 15000); }();
    return outcome;
}

AddOutcome TestAuthHeaderClient::add(const QString &accountId, const QString &name) {
    AddOutcome outcome;
    bool done = false;
    m_client->add(accountId, name, &m_core->context, [&](const AuthHeader &header, const AuthError &error) {
        outcome = {header, error};
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 15000); }();
    return outcome;
}

AuthError TestAuthHeaderClient::remove(const QString &accountId, const QByteArray &token) {
    AuthError outcome;
    bool done = false;
    m_client->remove(accountId, token, &m_core->context, [&](const AuthError &error) {
        outcome = error;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 15000); }();
    return outcome;
}

int TestAuthHeaderClient::requestsEndingWith(const QByteArray &suffix) const {
    int n = 0;
    for (const DemoRequest &r : m_core->server.requests())
        n += r.path.endsWith(suffix) ? 1 : 0;
    return n;
}

void TestAuthHeaderClient::supportsFollowsTheProfile() {
    QVERIFY(AuthHeaderClient::supports(*m_core->registry.find(kPreset)));
    for (const QString &other : {u"quadrata"_s, u"kyc-jwt"_s, u"partner-api"_s, u"b2b-api"_s})
        QVERIFY2(!AuthHeaderClient::supports(*m_core->registry.find(other)), qPrintable(other));
}

void TestAuthHeaderClient::addAppearsInListAndDeleteRemovesIt() {
    const QString id = m_core->addAccount(kPreset);
    const ListOutcome empty = list(id);
    QVERIFY2(!empty.error, qPrintable(empty.error.message));
    QVERIFY(empty.headers.isEmpty());

    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-5);
    const AddOutcome added = add(id, u"ci-runner"_s);
    QVERIFY2(!added.error, qPrintable(added.error.message));
    QCOMPARE(added.header.name, u"ci-runner"_s);
    QVERIFY(!added.header.token.isEmpty());
    QVERIFY(!added.header.id.isEmpty());
    QVERIFY(added.header.created.isValid());
    QVERIFY(added.header.created >= before);
    const AddOutcome second = add(id, u"backup job"_s);
    QVERIFY2(!second.error, qPrintable(second.error.message));

    ListOutcome listed = list(id);
    QVERIFY2(!listed.error, qPrintable(listed.error.message));
    QCOMPARE(listed.headers.size(), 2);
    QCOMPARE(listed.headers.at(0).token, added.header.token);
    QCOMPARE(listed.headers.at(0).name, u"ci-runner"_s);
    QCOMPARE(listed.headers.at(0).id, added.header.id);
    QCOMPARE(listed.headers.at(0).created, added.header.created);
    QCOMPARE(listed.headers.at(1).name, u"backup job"_s);

    const AuthError removed = remove(id, added.header.token);
    QVERIFY2(!removed, qPrintable(removed.message));
    listed = list(id);
    QVERIFY2(!listed.error, qPrintable(listed.error.message));
    QCOMPARE(listed.headers.size(), 1);
    QCOMPARE(listed.headers.at(0).token, second.header.token);
    // One login served every call: the token stayed valid.
    QCOMPARE(requestsEndingWith("/user/login"), 1);
}

void TestAuthHeaderClient::headersArePerUser() {
    const QString first = m_core->addAccount(kPreset);
    const QString second = m_core->addAccount(kPreset, u"second"_s, DemoCredentials::userSecondUsername());
    const AddOutcome added = add(first, u"mine"_s);
    QVERIFY2(!added.error, qPrintable(added.error.message));
    const ListOutcome other = list(second);
    QVERIFY2(!other.error, qPrintable(other.error.message));
    QVERIFY(other.headers.isEmpty());
    // The other user cannot delete it either.
    QCOMPARE(remove(second, added.header.token).httpStatus, 404);
    QCOMPARE(list(first).headers.size(), 1);
}

void TestAuthHeaderClient::requestCarriesTheProfilesHeaderLine() {
    const QString id = m_core->addAccount(kPreset);
    const TokenResult login = m_core->login(id);
    QVERIFY2(!login.error, qPrintable(login.error.message));
    m_core->server.clearRequests();
    QVERIFY(!add(id, u"x"_s).error);
    const QList<DemoRequest> requests = m_core->server.requests();
    QCOMPARE(requests.size(), 1);
    const DemoRequest &r = requests.first();
    QCOMPARE(r.method, QByteArray("POST"));
    QVERIFY(r.path.endsWith("/user-authheader/authheader/add"));
    QCOMPARE(r.header("Authorization"), QByteArray("Bearer " + login.accessToken));
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
    QCOMPARE(QJsonDocument::fromJson(r.body).object().value(u"name"_s).toString(), u"x"_s);

    m_core->server.clearRequests();
    QVERIFY(!list(id).error);
    QCOMPARE(m_core->server.requests().first().method, QByteArray("GET"));
    QVERIFY(m_core->server.requests().first().path.endsWith("/authheader/list"));
}

void TestAuthHeaderClient::deleteUnknownTokenIsAClearError() {
    const QString id = m_core->addAccount(kPreset);
    const AuthError error = remove(id, "ah_no_such_token");
    QCOMPARE(error.kind, AuthError::Kind::ProviderError);
    QCOMPARE(error.httpStatus, 404);
    QVERIFY2(error.message.contains(u"No auth header with that token exists"_s), qPrintable(error.message));
    QVERIFY(!error.message.contains(u"ah_no_such_token"_s));

    // Deleting twice: the second one says so too.
    const AddOutcome added = add(id, u"once"_s);
    QVERIFY(!remove(id, added.header.token));
    QCOMPARE(remove(id, added.header.token).httpStatus, 404);
}

void TestAuthHeaderClient::signedOutAccountLogsInFirst() {
    const QString id = m_core->addAccount(kPreset);
    QCOMPARE(m_core->manager->state(id), TokenState::SignedOut);
    const ListOutcome listed = list(id);
    QVERIFY2(!listed.error, qPrintable(listed.error.message));
    QCOMPARE(requestsEndingWith("/user/login"), 1);
    QCOMPARE(requestsEndingWith("/authheader/list"), 1);
    QCOMPARE(m_core->manager->state(id), TokenState::Valid);
}

void TestAuthHeaderClient::expiredTokenIsRenewedFirst() {
    const QString id = m_core->addAccount(kPreset);
    const TokenResult first = m_core->login(id);
    QVERIFY(!first.error);
    QVERIFY(m_core->store->modify(
        id, [](Account &a) { a.token.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(-60); }));
    QCOMPARE(m_core->manager->state(id), TokenState::Expired);
    m_core->server.clearRequests();

    const AddOutcome added = add(id, u"after expiry"_s);
    QVERIFY2(!added.error, qPrintable(added.error.message));
    QCOMPARE(requestsEndingWith("/user/login"), 1);
    QCOMPARE(requestsEndingWith("/authheader/add"), 1);
    QCOMPARE(m_core->manager->state(id), TokenState::Valid);
}

void TestAuthHeaderClient::rejectedTokenIsRenewedAndRetriedOnce() {
    const QString id = m_core->addAccount(kPreset);
    const TokenResult first = m_core->login(id);
    QVERIFY(!first.error);
    QVERIFY(!add(id, u"existing"_s).error);
    m_core->server.clearRequests();

    // The provider drops the stored token although it has not expired yet.
    armOnce(DemoFault::respondWith(401, R"({"message":"Unauthorized"})"));
    const ListOutcome listed = list(id);
    QVERIFY2(!listed.error, qPrintable(listed.error.message));
    QCOMPARE(listed.headers.size(), 1);
    QCOMPARE(requestsEndingWith("/user/login"), 1);
    QCOMPARE(requestsEndingWith("/authheader/list"), 2);
    const QList<DemoRequest> requests = m_core->server.requests();
    QCOMPARE(requests.size(), 3);
    QCOMPARE(requests.at(0).header("Authorization"), QByteArray("Bearer " + first.accessToken));
    QVERIFY(requests.at(2).header("Authorization") != requests.at(0).header("Authorization"));
}

void TestAuthHeaderClient::twoRejectionsGiveAnErrorAfterOneRelogin() {
    // A profile whose header line the demo's admin API never accepts (logins work as usual).
    QJsonObject preset = QJsonDocument::fromJson([] {
                             QFile file(u":/providers/user-authheader.json"_s);
                             return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
                         }())
                             .object();
    QVERIFY(!preset.isEmpty());
    preset.insert(u"id"_s, u"odd-scheme"_s);
    preset.insert(u"name"_s, u"Odd scheme"_s);
    preset.insert(u"header"_s,
                  QJsonObject{{u"name"_s, u"Authorization"_s}, {u"value"_s, u"Token {token}"_s}});
    QString problem;
    QVERIFY2(
        m_core->registry.addProfile(QJsonDocument(preset).toJson(), u"odd-scheme.json"_s, false, &problem),
        qPrintable(problem));
    const QString id = m_core->addAccount(kPreset);
    QVERIFY(m_core->store->modify(id, [](Account &a) { a.providerId = u"odd-scheme"_s; }));

    const ListOutcome listed = list(id);
    QCOMPARE(listed.error.kind, AuthError::Kind::CredentialsRejected);
    QCOMPARE(listed.error.httpStatus, 401);
    QVERIFY2(listed.error.message.contains(u"even after logging in again"_s),
             qPrintable(listed.error.message));
    // The first login because the account was signed out, then exactly one re-login.
    QCOMPARE(requestsEndingWith("/user/login"), 2);
    QCOMPARE(requestsEndingWith("/authheader/list"), 2);
}

void TestAuthHeaderClient::accountWithoutTheFeatureSendsNothing() {
    const QString id = m_core->addAccount(u"kyc-jwt"_s);
    const ListOutcome listed = list(id);
    QCOMPARE(listed.error.kind, AuthError::Kind::Configuration);
    QVERIFY2(listed.error.message.contains(u"does not offer auth headers"_s),
             qPrintable(listed.error.message));
    QCOMPARE(add(id, u"x"_s).error.kind, AuthError::Kind::Configuration);
    QCOMPARE(remove(id, "abc").kind, AuthError::Kind::Configuration);
    QCOMPARE(m_core->server.requests().size(), 0);
}

void TestAuthHeaderClient::unknownAccountIsAConfigurationError() {
    QCOMPARE(list(u"no-such-account"_s).error.kind, AuthError::Kind::Configuration);
    QCOMPARE(m_core->server.requests().size(), 0);
}

void TestAuthHeaderClient::failedLoginIsReported() {
    const QString id = m_core->addAccount(kPreset, u"wrong"_s, {}, "not-the-password");
    const AddOutcome added = add(id, u"x"_s);
    QCOMPARE(added.error.kind, AuthError::Kind::CredentialsRejected);
    QCOMPARE(requestsEndingWith("/authheader/add"), 0);

    const QString expired = m_core->addAccount(kPreset, u"expired"_s, DemoCredentials::userExpiredUsername());
    QCOMPARE(list(expired).error.kind, AuthError::Kind::PasswordExpired);
}

void TestAuthHeaderClient::providerErrorsAreSentences_data() {
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

void TestAuthHeaderClient::providerErrorsAreSentences() {
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

void TestAuthHeaderClient::listAnswers_data() {
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

void TestAuthHeaderClient::listAnswers() {
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

void TestAuthHeaderClient::addAnswers_data() {
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

void TestAuthHeaderClient::addAnswers() {
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

void TestAuthHeaderClient::callbacksRunLaterAndOnlyWhileTheContextLives() {
    const QString kyc = m_core->addAccount(u"kyc-jwt"_s);
    bool called = false;
    m_client->list(kyc, &m_core->context,
                   [&](const QList<AuthHeader> &, const AuthError &) { called = true; });
    QVERIFY(!called); // even an error found before any request arrives from the event loop
    QTRY_VERIFY(called);

    // A context gone before the call starts: nothing is sent, nobody is called.
    const QString id = m_core->addAccount(kPreset);
    auto context = std::make_unique<QObject>();
    called = false;
    m_client->list(id, context.get(), [&](const QList<AuthHeader> &, const AuthError &) { called = true; });
    context.reset();
    QTest::qWait(200);
    QVERIFY(!called);
    QCOMPARE(m_core->server.requests().size(), 0);

    // A context gone while the provider thinks: the request is abandoned, nobody is called.
    QVERIFY(!m_core->login(id).error);
    armOnce(DemoFault::delay(3000));
    context = std::make_unique<QObject>();
    m_client->list(id, context.get(), [&](const QList<AuthHeader> &, const AuthError &) { called = true; });
    QTRY_COMPARE(requestsEndingWith("/authheader/list"), 1);
    context.reset();
    QTest::qWait(200);
    QVERIFY(!called);

    // A null context: always called.
    called = false;
    m_client->list(id, nullptr, [&](const QList<AuthHeader> &, const AuthError &) { called = true; });
    QTRY_VERIFY(called);
}

void TestAuthHeaderClient::noSecretInErrors() {
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

void TestAuthHeaderClient::echoedTokensAreRedacted() {
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

QTEST_GUILESS_MAIN(TestAuthHeaderClient)
#include "tst_authheaderclient.moc"
