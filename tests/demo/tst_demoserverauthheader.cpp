// The user-authheader admin API of the demo server: add, list and delete headers, a header's token opens
// /whoami, the admin routes need a valid login, and headers are per user.

#include "DemoServerTest.h"

class TestDemoServerAuthHeader : public DemoServerTest {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void authHeaderAddListDelete();
    void authHeaderTokenOpensWhoami();
    void authHeaderAdminNeedsValidLogin();
    void authHeadersArePerUser();

private:
    QByteArray userToken();
};

void TestDemoServerAuthHeader::init() {
    setUp();
}

void TestDemoServerAuthHeader::cleanup() {
    tearDown();
}

QByteArray TestDemoServerAuthHeader::userToken() {
    return m_http
        ->postJson(url(QStringLiteral("user-authheader"), QStringLiteral("/user/login")),
                   {{QStringLiteral("username"), QStringLiteral("demo-user")},
                    {QStringLiteral("password"), QStringLiteral("demo-user-password")}})
        .json()
        .value(u"Token")
        .toString()
        .toLatin1();
}

void TestDemoServerAuthHeader::authHeaderAddListDelete() {
    const QByteArray token = userToken();
    const DemoHttp::Headers auth{{"Authorization", "Bearer " + token}};
    const QUrl add = url(QStringLiteral("user-authheader"), QStringLiteral("/authheader/add"));
    const QUrl list = url(QStringLiteral("user-authheader"), QStringLiteral("/authheader/list"));
    const QUrl remove = url(QStringLiteral("user-authheader"), QStringLiteral("/authheader/delete"));

    QCOMPARE(m_http->get(list, auth).jsonArray(), QJsonArray());
    DemoReply r =
        m_http->postJson(add, {{QStringLiteral("name"), QStringLiteral("production-api-key")}}, auth);
    QCOMPARE(r.status, 200);
    const QJsonObject created = r.json();
    QCOMPARE(created.value(u"name").toString(), QStringLiteral("production-api-key"));
    for (const char *key : {"id", "token", "created"})
        QVERIFY2(!created.value(QLatin1String(key)).toString().isEmpty(), key);
    QVERIFY(m_http->postJson(add, {{QStringLiteral("name"), QStringLiteral("second")}}, auth).status == 200);

    r = m_http->get(list, auth);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.jsonArray().size(), 2);
    QCOMPARE(r.jsonArray().at(0).toObject(), created);

    r = m_http->postJson(remove, {{QStringLiteral("text"), created.value(u"token")}}, auth);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("message"), QStringLiteral("Success")}}));
    QCOMPARE(m_http->get(list, auth).jsonArray().size(), 1);

    r = m_http->postJson(remove, {{QStringLiteral("text"), created.value(u"token")}}, auth);
    QCOMPARE(r.status, 404);
    QCOMPARE(r.json(), (QJsonObject{{QStringLiteral("message"), QStringLiteral("Auth header not found")}}));

    QCOMPARE(m_http->postJson(add, {}, auth).status, 400);
    QCOMPARE(m_http->post(add, "text/plain", "name=x", auth).status, 415);
    QCOMPARE(m_http->postJson(list, {}, auth).status, 405);
}

void TestDemoServerAuthHeader::authHeaderTokenOpensWhoami() {
    const DemoHttp::Headers auth{{"Authorization", "Bearer " + userToken()}};
    const QByteArray header =
        m_http
            ->postJson(url(QStringLiteral("user-authheader"), QStringLiteral("/authheader/add")),
                       {{QStringLiteral("name"), QStringLiteral("ci")}}, auth)
            .json()
            .value(u"token")
            .toString()
            .toLatin1();
    const QUrl whoami = url(QStringLiteral("user-authheader"), QStringLiteral("/whoami"));
    DemoReply r = m_http->get(whoami, {{"Authorization", "Bearer " + header}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(u"sub").toString(), QStringLiteral("demo-user"));
    QCOMPARE(m_http->get(whoami, {{"Authorization", header}}).status, 200);
    // Long-lived: still valid when the login token would have expired.
    m_server->setClockOffset(24 * 3600);
    QCOMPARE(m_http->get(whoami, {{"Authorization", "Bearer " + header}}).status, 200);
    // But it does not administer auth headers.
    QCOMPARE(m_http
                 ->get(url(QStringLiteral("user-authheader"), QStringLiteral("/authheader/list")),
                       {{"Authorization", "Bearer " + header}})
                 .status,
             401);
    m_server->setClockOffset(0);
    m_http->postJson(url(QStringLiteral("user-authheader"), QStringLiteral("/authheader/delete")),
                     {{QStringLiteral("text"), QString::fromLatin1(header)}}, auth);
    QCOMPARE(m_http->get(whoami, {{"Authorization", "Bearer " + header}}).status, 401);
}

void TestDemoServerAuthHeader::authHeaderAdminNeedsValidLogin() {
    const QUrl list = url(QStringLiteral("user-authheader"), QStringLiteral("/authheader/list"));
    const QUrl add = url(QStringLiteral("user-authheader"), QStringLiteral("/authheader/add"));
    QCOMPARE(m_http->get(list).status, 401);
    QCOMPARE(m_http->postJson(add, {{QStringLiteral("name"), QStringLiteral("x")}}).status, 401);
    QCOMPARE(m_http->get(list, {{"Authorization", "Bearer nonsense"}}).status, 401);
    const QByteArray token = userToken();
    m_server->setClockOffset(301);
    const DemoReply r = m_http->postJson(add, {{QStringLiteral("name"), QStringLiteral("x")}},
                                         {{"Authorization", "Bearer " + token}});
    QCOMPARE(r.status, 401);
    QCOMPARE(r.json().value(u"message").toString(), QStringLiteral("Unauthorized"));
}

void TestDemoServerAuthHeader::authHeadersArePerUser() {
    const QUrl add = url(QStringLiteral("user-authheader"), QStringLiteral("/authheader/add"));
    const QUrl list = url(QStringLiteral("user-authheader"), QStringLiteral("/authheader/list"));
    const QUrl remove = url(QStringLiteral("user-authheader"), QStringLiteral("/authheader/delete"));
    const DemoHttp::Headers first{{"Authorization", "Bearer " + userToken()}};
    const QByteArray secondToken =
        m_http
            ->postJson(url(QStringLiteral("user-authheader"), QStringLiteral("/user/login")),
                       {{QStringLiteral("username"), QStringLiteral("demo-user-2")},
                        {QStringLiteral("password"), QStringLiteral("demo-user-password")}})
            .json()
            .value(u"Token")
            .toString()
            .toLatin1();
    const DemoHttp::Headers second{{"Authorization", "Bearer " + secondToken}};

    const QJsonObject created =
        m_http->postJson(add, {{QStringLiteral("name"), QStringLiteral("mine")}}, first).json();
    QCOMPARE(m_http->get(list, first).jsonArray().size(), 1);
    QCOMPARE(m_http->get(list, second).jsonArray().size(), 0);
    QCOMPARE(m_http->postJson(remove, {{QStringLiteral("text"), created.value(u"token")}}, second).status,
             404);
    QCOMPARE(m_http->get(list, first).jsonArray().size(), 1);

    // A token of another preset administers nothing here.
    const QByteArray quadrata =
        m_http
            ->postJson(url(QStringLiteral("quadrata"), QStringLiteral("/api/v1/login")),
                       {{QStringLiteral("apiKey"), QStringLiteral("demo-quadrata-key")}})
            .json()
            .value(u"data")
            .toObject()
            .value(u"accessToken")
            .toString()
            .toLatin1();
    QCOMPARE(m_http->get(list, {{"Authorization", "Bearer " + quadrata}}).status, 401);
}

QTEST_GUILESS_MAIN(TestDemoServerAuthHeader)
#include "tst_demoserverauthheader.moc"
