// AuthHeaderClient against the in-process demo providers: add, list and delete per user; a signed-out or
// expired account logs in first; a 401 is answered by exactly one re-login and one retry; accounts without
// the feature send nothing; callbacks only while their context lives. The provider's answers:
// tst_authheaderanswers.
#include "AuthHeaderClientTest.h"

#include "demo/DemoCredentials.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

class TestAuthHeaderClient : public AuthHeaderClientTest {
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
    void callbacksRunLaterAndOnlyWhileTheContextLives();
};

void TestAuthHeaderClient::init() {
    setUp();
}

void TestAuthHeaderClient::cleanup() {
    tearDown();
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

QTEST_GUILESS_MAIN(TestAuthHeaderClient)
#include "tst_authheaderclient.moc"
