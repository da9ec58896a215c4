// ProviderProfile::fromJson() on profiles it refuses: each broken field of a valid profile named in a
// one-line error with its problem, JSON that does not parse (with the offset) or is no object, and a null
// error pointer. Profiles it accepts: tst_providerprofile.
#include "ProviderProfileTest.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace ProviderProfileTesting;

class TestProviderProfileErrors : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void brokenProfiles_data();
    void brokenProfiles();
    void notJsonNamesOffset();
    void nullErrorPointerIsAllowed();
};

void TestProviderProfileErrors::brokenProfiles_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");   // the field the error must name
    QTest::addColumn<QString>("problem"); // a fragment of the problem it must state

    const QJsonObject ok = validProfile();
    auto row = [](const char *name, const QJsonObject &o, const QString &field, const QString &problem) {
        QTest::newRow(name) << toJson(o) << field << problem;
    };

    row("missing id", without(ok, u"id"_s), u"id"_s, u"is missing"_s);
    row("empty id", with(ok, u"id"_s, u""_s), u"id"_s, u"must not be empty"_s);
    row("bad id: upper case and space", with(ok, u"id"_s, u"Corp API"_s), u"id"_s, u"lower-case"_s);
    row("bad id: path", with(ok, u"id"_s, u"../corp"_s), u"id"_s, u"lower-case"_s);
    row("bad id: 65 chars", with(ok, u"id"_s, QString(65, u'a')), u"id"_s, u"at most 64"_s);
    row("id a number", with(ok, u"id"_s, 7), u"id"_s, u"must be a string"_s);
    row("missing name", without(ok, u"name"_s), u"name"_s, u"is missing"_s);
    row("unknown credential", with(ok, u"credential"_s, u"oauth2"_s), u"credential"_s, u"api_key"_s);
    row("missing credential", without(ok, u"credential"_s), u"credential"_s, u"is missing"_s);
    row("knownHosts ftp",
        with(ok, u"knownHosts"_s, QJsonArray{QJsonObject{{u"label"_s, u"Prod"_s}, {u"url"_s, u"ftp://h"_s}}}),
        u"knownHosts[0].url"_s, u"http(s) URL"_s);
    row("knownHosts entry without label",
        with(ok, u"knownHosts"_s, QJsonArray{QJsonObject{{u"url"_s, u"https://h"_s}}}), u"knownHosts[0].label"_s,
        u"missing"_s);
    row("knownHosts not a list", with(ok, u"knownHosts"_s, u"https://h"_s), u"knownHosts"_s,
        u"must be a list"_s);
    row("missing login", without(ok, u"login"_s), u"login"_s, u"is missing"_s);
    row("login not an object", with(ok, u"login"_s, u"/auth/login"_s), u"login"_s, u"must be an object"_s);
    row("login.path without /", with(ok, u"login.path"_s, u"auth/login"_s), u"login.path"_s,
        u"must start with '/'"_s);
    row("login.path with ..", with(ok, u"login.path"_s, u"/auth/../admin"_s), u"login.path"_s, u"'..'"_s);
    row("login.path with space", with(ok, u"login.path"_s, u"/auth/log in"_s), u"login.path"_s, u"spaces"_s);
    row("login.path with CRLF", with(ok, u"login.path"_s, u"/auth\r\nHost: evil"_s), u"login.path"_s,
        u"must start with '/'"_s);
    row("login.path missing", without(ok, u"login.path"_s), u"login.path"_s, u"is missing"_s);
    row("login.method DELETE", with(ok, u"login.method"_s, u"DELETE"_s), u"login.method"_s, u"POST"_s);
    row("login.body xml", with(ok, u"login.body"_s, u"xml"_s), u"login.body"_s, u"\"form\""_s);
    row("login.fields missing", without(ok, u"login.fields"_s), u"login.fields"_s, u"is missing"_s);
    row("login.fields empty", with(ok, u"login.fields"_s, QJsonObject{}), u"login.fields"_s,
        u"at least one"_s);
    row("login.fields value a number", with(ok, u"login.fields.pass"_s, 5), u"login.fields.pass"_s,
        u"must be a string"_s);
    row("unknown placeholder", with(ok, u"login.fields.pass"_s, u"{password}"_s), u"login.fields.pass"_s,
        u"{password}"_s);
    // The credential must reach the provider: a login that never sends {secret} cannot succeed, and an
    // API-key profile has no username to put into {username} (the account form does not ask for one).
    row("login never sends {secret}",
        with(ok, u"login.fields"_s, QJsonObject{{u"user"_s, u"{username}"_s}, {u"pass"_s, u"literal"_s}}),
        u"login.fields"_s, u"{secret}"_s);
    row("{username} in an api_key profile", with(ok, u"credential"_s, u"api_key"_s), u"login.fields.user"_s,
        u"{username}"_s);
    row("refreshToken placeholder in login", with(ok, u"login.fields.pass"_s, u"{refreshToken}"_s),
        u"login.fields.pass"_s, u"{refreshToken}"_s);
    row("refresh without {refreshToken}",
        with(ok, u"refresh.fields"_s, QJsonObject{{u"token"_s, u"{secret}"_s}}), u"refresh.fields"_s,
        u"{refreshToken}"_s);
    row("refresh.path without /", with(ok, u"refresh.path"_s, u"refresh"_s), u"refresh.path"_s,
        u"must start with '/'"_s);
    row("refresh.rotates a string", with(ok, u"refresh.rotates"_s, u"yes"_s), u"refresh.rotates"_s,
        u"true or false"_s);
    row("refresh without response.refreshToken", without(ok, u"response.refreshToken"_s),
        u"response.refreshToken"_s, u"refresh"_s);
    row("missing response", without(ok, u"response"_s), u"response"_s, u"is missing"_s);
    row("missing accessToken pointer", without(ok, u"response.accessToken"_s), u"response.accessToken"_s,
        u"is missing"_s);
    row("bad pointer: no slash", with(ok, u"response.accessToken"_s, u"data.token"_s),
        u"response.accessToken"_s, u"JSON pointer"_s);
    row("bad pointer: ~2", with(ok, u"response.accessExpiresAt"_s, u"/data/~2"_s),
        u"response.accessExpiresAt"_s, u"JSON pointer"_s);
    row("bad pointer: refreshExpiresAt", with(ok, u"response.refreshExpiresAt"_s, u"expires"_s),
        u"response.refreshExpiresAt"_s, u"JSON pointer"_s);
    row("bad pointer: passwordExpiresAt", with(ok, u"response.passwordExpiresAt"_s, 3),
        u"response.passwordExpiresAt"_s, u"must be a string"_s);
    row("bad extras pointer", with(ok, u"response.extras.client"_s, u"client"_s), u"response.extras.client"_s,
        u"JSON pointer"_s);
    row("bad errorMessage pointer", with(ok, u"response.errorMessage"_s, QJsonArray{u"/ok"_s, u"message"_s}),
        u"response.errorMessage[1]"_s, u"JSON pointer"_s);
    row("errorMessage a number", with(ok, u"response.errorMessage"_s, 1), u"response.errorMessage"_s,
        u"JSON pointer"_s);
    row("fixedLifetimeSeconds 0", with(ok, u"response.fixedLifetimeSeconds"_s, 0),
        u"response.fixedLifetimeSeconds"_s, u"whole number"_s);
    row("fixedLifetimeSeconds negative", with(ok, u"response.fixedLifetimeSeconds"_s, -60),
        u"response.fixedLifetimeSeconds"_s, u"whole number"_s);
    row("fixedLifetimeSeconds fraction", with(ok, u"response.fixedLifetimeSeconds"_s, 60.5),
        u"response.fixedLifetimeSeconds"_s, u"whole number"_s);
    row("fixedLifetimeSeconds string", with(ok, u"response.fixedLifetimeSeconds"_s, u"3600"_s),
        u"response.fixedLifetimeSeconds"_s, u"whole number"_s);
    row("fixedLifetimeSeconds two years", with(ok, u"response.fixedLifetimeSeconds"_s, 2 * 366 * 86400),
        u"response.fixedLifetimeSeconds"_s, u"up to a year"_s);
    row("header.value without {token}", with(ok, u"header.value"_s, u"Bearer"_s), u"header.value"_s,
        u"{token}"_s);
    row("header.value with newline", with(ok, u"header.value"_s, u"Bearer {token}\nX-Evil: 1"_s),
        u"header.value"_s, u"control characters"_s);
    row("header name with a space", with(ok, u"header.name"_s, u"R Auth"_s), u"header.name"_s,
        u"not a valid HTTP header name"_s);
    row("header name with a colon", with(ok, u"header.name"_s, u"R-Auth:"_s), u"header.name"_s,
        u"not a valid HTTP header name"_s);
    row("header.name missing", without(ok, u"header.name"_s), u"header.name"_s, u"is missing"_s);
    row("errors not a list", with(ok, u"errors"_s, QJsonObject{}), u"errors"_s, u"must be a list"_s);
    row("errors[0] not an object", with(ok, u"errors"_s, QJsonArray{401}), u"errors[0]"_s,
        u"must be an object"_s);
    row("errors[0].status 99",
        with(ok, u"errors"_s, QJsonArray{QJsonObject{{u"status"_s, 99}, {u"kind"_s, u"rate_limited"_s}}}),
        u"errors[0].status"_s, u"between 100 and 599"_s);
    row("errors[0].status 600",
        with(ok, u"errors"_s, QJsonArray{QJsonObject{{u"status"_s, 600}, {u"kind"_s, u"rate_limited"_s}}}),
        u"errors[0].status"_s, u"between 100 and 599"_s);
    row("errors[0].status string",
        with(ok, u"errors"_s,
             QJsonArray{QJsonObject{{u"status"_s, u"401"_s}, {u"kind"_s, u"rate_limited"_s}}}),
        u"errors[0].status"_s, u"between 100 and 599"_s);
    row("errors[0].status missing",
        with(ok, u"errors"_s, QJsonArray{QJsonObject{{u"kind"_s, u"rate_limited"_s}}}), u"errors[0].status"_s,
        u"between 100 and 599"_s);
    row("errors[1].kind unknown",
        with(ok, u"errors"_s,
             QJsonArray{QJsonObject{{u"status"_s, 401}, {u"kind"_s, u"credentials_rejected"_s}},
                        QJsonObject{{u"status"_s, 418}, {u"kind"_s, u"teapot"_s}}}),
        u"errors[1].kind"_s, u"must be one of"_s);
    row("errors[0].kind none",
        with(ok, u"errors"_s, QJsonArray{QJsonObject{{u"status"_s, 401}, {u"kind"_s, u"none"_s}}}),
        u"errors[0].kind"_s, u"must be one of"_s);
    row("errors[0].kind missing", with(ok, u"errors"_s, QJsonArray{QJsonObject{{u"status"_s, 401}}}),
        u"errors[0].kind"_s, u"is missing"_s);
    row("features.authHeaders string", with(ok, u"features.authHeaders"_s, u"true"_s),
        u"features.authHeaders"_s, u"true or false"_s);
    row("format 2", with(ok, u"format"_s, 2), u"format"_s, u"version 2 is not supported"_s);
    row("format 1.5", with(ok, u"format"_s, 1.5), u"format"_s, u"not supported"_s);
    row("format missing", without(ok, u"format"_s), u"format"_s, u"is missing"_s);
    row("format a string", with(ok, u"format"_s, u"1"_s), u"format"_s, u"not a number"_s);
}

void TestProviderProfileErrors::brokenProfiles() {
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QString, problem);

    QString error;
    const auto p = ProviderProfile::fromJson(json, u"corp.json"_s, &error);
    QVERIFY2(!p.has_value(), "a broken profile was accepted");
    const QString prefix = u"corp.json: field '"_s + field + u"': "_s;
    QVERIFY2(error.startsWith(prefix),
             qPrintable(u"expected prefix <"_s + prefix + u"> in <"_s + error + u'>'));
    QVERIFY2(error.contains(problem), qPrintable(u"expected <"_s + problem + u"> in <"_s + error + u'>'));
    QVERIFY2(!error.contains(u'\n') && !error.contains(u'\r'), "error must be one line");
}

void TestProviderProfileErrors::notJsonNamesOffset() {
    QString error;
    // The parser stops at the stray 'x'; the message says where.
    const QByteArray broken = QByteArrayLiteral(R"({"format": 1, "id": "c" x})");
    QVERIFY(!ProviderProfile::fromJson(broken, u"corp.json"_s, &error));
    QVERIFY2(error.startsWith(u"corp.json: not valid JSON at offset "_s), qPrintable(error));
    QJsonParseError expected;
    QJsonDocument::fromJson(broken, &expected);
    QVERIFY(expected.offset > 20);
    QVERIFY2(error.contains(u"offset "_s + QString::number(expected.offset) + u':'), qPrintable(error));

    QVERIFY(!ProviderProfile::fromJson(QByteArray(), u"empty.json"_s, &error));
    QVERIFY2(error.startsWith(u"empty.json: not valid JSON at offset "_s), qPrintable(error));

    QVERIFY(!ProviderProfile::fromJson(QByteArrayLiteral("[1, 2]"), u"list.json"_s, &error));
    QCOMPARE(error, u"list.json: the profile must be a JSON object"_s);

    // A null error pointer is allowed.
    QVERIFY(!ProviderProfile::fromJson(QByteArrayLiteral("[]"), u"x.json"_s, nullptr));
}

void TestProviderProfileErrors::nullErrorPointerIsAllowed() {
    QVERIFY(!ProviderProfile::fromJson(toJson(without(validProfile(), u"id"_s)), u"corp.json"_s, nullptr));
    QVERIFY(ProviderProfile::fromJson(toJson(validProfile()), u"corp.json"_s, nullptr).has_value());
}

QTEST_GUILESS_MAIN(TestProviderProfileErrors)
#include "tst_providerprofileerrors.moc"
