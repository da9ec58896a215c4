// A provider that misbehaves on purpose, against the real core and the in-process demo server: it echoes the
// request's secrets in its error message, issues tokens that expired long ago, and sends Retry-After values
// that are unreadable, far off or already past. None of it may leak, be stored as valid, or be misquoted.
#include "CoreFixture.h"

#include "auth/SecretRedactor.h"
#include "demo/DemoCredentials.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {
const QString kB2b = u"b2b-api"_s;

QByteArray errorBody(const QString &message)
{
    return QJsonDocument(QJsonObject{{u"message"_s, message}}).toJson(QJsonDocument::Compact);
}

// Every form in which a request may carry `secret`, as a provider echoing it would write it.
QStringList echoedForms(const QByteArray &secret, const QByteArray &username)
{
    const QString raw = QString::fromUtf8(secret);
    const QByteArray json = QJsonDocument(QJsonObject{{u"password"_s, raw}}).toJson(QJsonDocument::Compact);
    return {raw,
            QString::fromUtf8(json.mid(json.indexOf(':') + 2).chopped(2)), // JSON-escaped, as in a JSON body
            QString::fromLatin1(QUrl::toPercentEncoding(raw)),             // a form body
            QString::fromLatin1(QByteArray(username + ':' + secret).toBase64()), // HTTP Basic
            QString::fromLatin1(secret.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))};
}

// Whether `text` holds any run of `length` characters of `secret`, ignoring case: what must never reach
// a message, whatever the provider did to the echo.
bool holdsPieceOf(const QString &text, const QString &secret, int length)
{
    for (qsizetype i = 0; i + length <= secret.size(); ++i) {
        if (text.contains(secret.mid(i, length), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

QByteArray expiredJwt()
{
    const auto part = [](const QByteArray &json) {
        return json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    return part(R"({"alg":"HS256","typ":"JWT"})") + '.' + part(R"({"sub":"x","exp":1000000000})") + ".c2ln";
}
} // namespace

class TestHostileProvider : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void echoedPasswordIsRedacted_data();
    void echoedPasswordIsRedacted();
    void echoedPasswordAtTheLengthCapIsRedacted();
    void echoedRefreshTokenIsRedacted();
    void cutOffOrChangedEchoIsRedacted_data();
    void cutOffOrChangedEchoIsRedacted();
    void redactionSearchesABoundedCopy();
    void shortSecretOnlyAsAWord();
    void expiredTokenIsRefused_data();
    void expiredTokenIsRefused();
    void retryAfterSaysWhatCameAndWhatHappens_data();
    void retryAfterSaysWhatCameAndWhatHappens();
};

void TestHostileProvider::echoedPasswordIsRedacted_data()
{
    QTest::addColumn<int>("form");
    const QStringList names{u"raw"_s, u"JSON-escaped"_s, u"percent-encoded"_s, u"Basic"_s, u"base64url"_s};
    for (int i = 0; i < names.size(); ++i)
        QTest::newRow(qPrintable(names.at(i))) << i;
}

void TestHostileProvider::echoedPasswordIsRedacted()
{
    QFETCH(int, form);
    CoreFixture f;
    const QByteArray password = QStringLiteral("p\"ss/wörd + 42&x=1").toUtf8();
    const QString id = f.addAccount(kB2b, {}, {}, password);
    const QString echoed = echoedForms(password, DemoCredentials::b2bUsername().toUtf8()).at(form);
    f.server.setFault(kB2b, DemoFault::respondWith(401, errorBody(u"bad password: "_s + echoed + u" (try again)"_s)), 1);

    const TokenResult r = f.login(id);
    QCOMPARE(r.error.kind, AuthError::Kind::CredentialsRejected);
    const QString stored = f.account(id).token.lastError.providerMessage;
    QFile file(f.dir.filePath(u"config/accounts.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString onDisk = QString::fromUtf8(file.readAll());
    for (const QString &shown : {r.error.providerMessage, r.error.message, stored, onDisk}) {
        for (const QString &secretForm : echoedForms(password, DemoCredentials::b2bUsername().toUtf8()))
            QVERIFY2(!shown.contains(secretForm), qPrintable(shown.left(200)));
        QVERIFY(!shown.contains(u"wörd"_s));
    }
    QCOMPARE(r.error.providerMessage, u"bad password: [redacted] (try again)"_s);
    QCOMPARE(stored, r.error.providerMessage);
}

void TestHostileProvider::echoedPasswordAtTheLengthCapIsRedacted()
{
    // The provider's words are capped at 300 characters: a cut through a secret must not leave its start.
    CoreFixture f;
    const QByteArray password = "correct-horse-battery-staple";
    const QString id = f.addAccount(kB2b, {}, {}, password);
    f.server.setFault(kB2b, DemoFault::respondWith(401, errorBody(QString(290, u'E') + QString::fromUtf8(password))), 1);
    const TokenResult r = f.login(id);
    QVERIFY(r.error);
    QVERIFY2(!r.error.providerMessage.contains(u"correct"_s), qPrintable(r.error.providerMessage));
    QVERIFY(r.error.providerMessage.startsWith(QString(290, u'E')));
}

void TestHostileProvider::echoedRefreshTokenIsRedacted()
{
    CoreFixture f;
    const QString id = f.addAccount(kB2b);
    QVERIFY(!f.login(id).error);
    const QByteArray refreshToken = f.secret(id, SecretKind::RefreshToken).value_or(QByteArray());
    QVERIFY(!refreshToken.isEmpty());
    const QByteArray answerToken = "ACCESS-IN-AN-ERROR-ANSWER-123";
    const QString message = u"cannot refresh "_s + QString::fromLatin1(refreshToken) + u" now, try "_s
                            + QString::fromLatin1(answerToken);
    const QJsonObject body{{u"message"_s, message}, {u"access_token"_s, QString::fromLatin1(answerToken)}};
    f.server.setFault(kB2b, DemoFault::respondWith(503, QJsonDocument(body).toJson(QJsonDocument::Compact)), 1);
    const TokenResult r = f.refresh(id);
    QCOMPARE(r.error.kind, AuthError::Kind::ProviderError);
    QCOMPARE(r.error.providerMessage, u"cannot refresh [redacted] now, try [redacted]"_s);
    QCOMPARE(f.account(id).token.lastError.providerMessage, r.error.providerMessage);
}

void TestHostileProvider::cutOffOrChangedEchoIsRedacted_data()
{
    // Providers that log and echo the request body often cut it off after a few bytes, or change its case.
    QTest::addColumn<QString>("said");
    QTest::addColumn<QString>("kept");
    const QString password = u"PW-SECRET-b2b-123"_s;
    const QString basic = QString::fromLatin1(QByteArray(DemoCredentials::b2bUsername().toUtf8() + ':'
                                                         + password.toUtf8()).toBase64());
    QTest::newRow("JSON body cut off") << uR"(rejected body {"password":"PW-SECRET-b2b-1...)"_s
                                       << uR"(rejected body {"password":"[redacted]...)"_s;
    QTest::newRow("form body cut off") << u"rejected body grant_type=password&password=PW-SECRET-b"_s
                                       << u"rejected body grant_type=password&password=[redacted]"_s;
    QTest::newRow("upper-cased") << u"upper=PW-SECRET-B2B-123 is not accepted"_s
                                 << u"upper=[redacted] is not accepted"_s;
    QTest::newRow("first half") << u"half=PW-SECRET-b2b"_s << u"half=[redacted]"_s;
    QTest::newRow("end only") << u"ends in ET-b2b-123."_s << u"ends in [redacted]."_s;
    QTest::newRow("Basic cut off") << u"Authorization: Basic "_s + basic.left(14) + u"…"_s
                                   << u"Authorization: Basic [redacted]…"_s;
    QTest::newRow("no echo") << u"Invalid credentials"_s << u"Invalid credentials"_s;
}

void TestHostileProvider::cutOffOrChangedEchoIsRedacted()
{
    QFETCH(QString, said);
    QFETCH(QString, kept);
    CoreFixture f;
    const QString password = u"PW-SECRET-b2b-123"_s;
    const QString id = f.addAccount(kB2b, {}, {}, password.toUtf8());
    f.server.setFault(kB2b, DemoFault::respondWith(401, errorBody(said)), 1);

    const TokenResult r = f.login(id);
    QCOMPARE(r.error.kind, AuthError::Kind::CredentialsRejected);
    QCOMPARE(r.error.providerMessage, kept);
    QCOMPARE(f.account(id).token.lastError.providerMessage, kept);
    QFile file(f.dir.filePath(u"config/accounts.json"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString onDisk = QString::fromUtf8(file.readAll());
    QVERIFY(!holdsPieceOf(onDisk, password, SecretRedactor::kMinRun));
    QVERIFY(!holdsPieceOf(r.error.message, password, SecretRedactor::kMinRun));
}

void TestHostileProvider::redactionSearchesABoundedCopy()
{
    // Whatever a provider sends, the run search sees a few KiB: the kept message is capped far below that.
    SecretRedactor redactor;
    redactor.add("PW-SECRET-b2b-123");
    const QString huge = QString(1 << 20, u'x') + u"PW-SECRET-b2b-123"_s;
    const QString out = redactor.redact(huge);
    QCOMPARE(out.size(), SecretRedactor::kMaxText + 1);
    QVERIFY(out.endsWith(QChar(0x2026)));
    QCOMPARE(redactor.redact(u"PW-SECRET-b2b-123"_s + huge).left(12), u"[redacted]xx"_s);

    // A huge secret (an error answer's token, say) is looked for by its first kMaxSecret bytes: a piece of
    // its start is still hidden, and the search does not grow with the rest of it.
    SecretRedactor hugeSecret;
    QByteArray token = QByteArray(1 << 20, 'y');
    token.replace(0, 12, "TOKEN-START-");
    hugeSecret.add(token);
    QCOMPARE(hugeSecret.redact(u"rejected token TOKEN-START-yyy..."_s), u"rejected token [redacted]..."_s);
}

void TestHostileProvider::shortSecretOnlyAsAWord()
{
    // A three-character secret is redacted where it stands alone, not inside every word that contains it.
    SecretRedactor redactor;
    redactor.add("abc");
    QCOMPARE(redactor.redact(u"password \"abc\" is wrong; abcdef is fine"_s),
             u"password \"[redacted]\" is wrong; abcdef is fine"_s);
    SecretRedactor longer;
    longer.add("hunter2");
    QCOMPARE(longer.redact(u"xhunter2x"_s), u"x[redacted]x"_s);
}

void TestHostileProvider::expiredTokenIsRefused_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("access_expires_at in 2001")
        << QByteArrayLiteral(R"({"access_token":"EXPIRED-OPAQUE","refresh_token":"RT-NEW","access_expires_at":"2001-01-01T00:00:00Z"})");
    QTest::newRow("JWT exp in 2001")
        << QByteArray(R"({"access_token":")" + expiredJwt() + R"(","refresh_token":"RT-NEW"})");
}

void TestHostileProvider::expiredTokenIsRefused()
{
    QFETCH(QByteArray, body);
    CoreFixture f;
    const QString id = f.addAccount(kB2b);
    const TokenResult first = f.login(id);
    QVERIFY(!first.error);
    const TokenMeta before = f.account(id).token;
    const QByteArray refreshBefore = f.secret(id, SecretKind::RefreshToken).value_or(QByteArray());

    f.server.setFault(kB2b, DemoFault::respondWith(200, body), 1);
    const TokenResult r = f.login(id);
    QCOMPARE(r.error.kind, AuthError::Kind::MalformedAnswer);
    QVERIFY2(r.error.message.contains(u"already expired"_s), qPrintable(r.error.message));
    QVERIFY(r.accessToken.isEmpty());
    // The previous token stays as it was, in the keychain and in the account file.
    QCOMPARE(f.secret(id, SecretKind::AccessToken).value_or(QByteArray()), first.accessToken);
    QCOMPARE(f.secret(id, SecretKind::RefreshToken).value_or(QByteArray()), refreshBefore);
    const TokenMeta after = f.account(id).token;
    QCOMPARE(after.accessExpiresAt, before.accessExpiresAt);
    QCOMPARE(after.accessObtainedAt, before.accessObtainedAt);
}

void TestHostileProvider::retryAfterSaysWhatCameAndWhatHappens_data()
{
    QTest::addColumn<QByteArray>("retryAfter");
    QTest::addColumn<QString>("said");
    QTest::addColumn<qint64>("waitAtMost");
    QTest::newRow("unreadable") << QByteArrayLiteral("soon-ish")
                                << u"asked to wait (unreadable Retry-After); TokenDesk waits 30 second(s)."_s
                                << qint64(30);
    QTest::newRow("2099") << QByteArrayLiteral("Wed, 21 Oct 2099 07:28:00 GMT")
                          << u"asked to wait until 2099-10-21 07:28 UTC; TokenDesk waits at most 24 hour(s)."_s
                          << qint64(86400);
    QTest::newRow("20 digits") << QByteArrayLiteral("99999999999999999999")
                               << u"asked to wait more than a day; TokenDesk waits at most 24 hour(s)."_s
                               << qint64(86400);
    QTest::newRow("zero") << QByteArrayLiteral("0")
                          << u"the provider allows trying again right away (Retry-After: 0)."_s << qint64(0);
    QTest::newRow("past date") << QByteArrayLiteral("Wed, 21 Oct 2015 07:28:00 GMT")
                               << u"asked to wait until 2015-10-21 07:28 UTC, which has passed"_s << qint64(0);
    QTest::newRow("ten minutes") << QByteArrayLiteral("600")
                                 << u"asked to wait 10 minute(s); TokenDesk sends nothing before then."_s << qint64(600);
}

void TestHostileProvider::retryAfterSaysWhatCameAndWhatHappens()
{
    QFETCH(QByteArray, retryAfter);
    QFETCH(QString, said);
    QFETCH(qint64, waitAtMost);
    CoreFixture f;
    const QString id = f.addAccount(kB2b);
    f.server.setFault(kB2b, DemoFault::rateLimit(retryAfter), 1);
    const QDateTime before = QDateTime::currentDateTimeUtc();
    const TokenResult r = f.login(id);
    QCOMPARE(r.error.kind, AuthError::Kind::RateLimited);
    QVERIFY2(r.error.message.contains(said), qPrintable(r.error.message));
    QVERIFY(r.error.retryAfter.isValid());
    QVERIFY(before.secsTo(r.error.retryAfter) <= waitAtMost + 1);
    QVERIFY(before.secsTo(r.error.retryAfter) >= waitAtMost - 5);
}

QTEST_GUILESS_MAIN(TestHostileProvider)
#include "tst_hostileprovider.moc"
