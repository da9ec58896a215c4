#include "accounts/Account.h"
#include "accounts/AccountName.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

#include <functional>

namespace {

QDateTime utc(const char *iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

Account fullAccount() {
    Account a;
    a.id = Account::newId();
    a.name = QStringLiteral("prod-kyc");
    a.providerId = QStringLiteral("kyc-jwt");
    a.baseUrl = QUrl(QStringLiteral("https://kyc.example.com/api/v2"));
    a.username = QStringLiteral("operator@example.com");
    a.allowInsecureHttp = true;
    a.keepSignedIn = false;

    TokenMeta &t = a.token;
    t.hasAccessToken = true;
    t.hasRefreshToken = true;
    t.accessObtainedAt = utc("2024-05-01T10:00:00.123Z");
    t.accessExpiresAt = utc("2024-05-01T11:00:00.456Z");
    t.refreshExpiresAt = utc("2024-05-08T10:00:00.000Z");
    t.passwordExpiresAt = utc("2024-08-01T00:00:00.001Z");
    t.rateLimitedUntil = utc("2024-05-01T10:05:00.999Z");
    t.extras = QJsonObject{
        {QStringLiteral("client_id"), QStringLiteral("abc-123")},
        {QStringLiteral("profile"), QJsonObject{{QStringLiteral("email"), QStringLiteral("x@y")}}}};
    t.lastState = TokenState::RateLimited;
    t.lastError = AuthError::make(AuthError::Kind::RateLimited, QStringLiteral("Too many attempts."),
                                  QStringLiteral("slow down"), 429);
    t.lastError.retryAfter = utc("2024-05-01T10:05:00.999Z");
    t.lastErrorAt = utc("2024-05-01T10:00:01.000Z");
    t.credentialProblem = AuthError::Kind::PasswordExpired;
    t.addHistory({utc("2024-05-01T10:00:00.123Z"), QStringLiteral("login"), AuthError::Kind::None, {}});
    t.addHistory({utc("2024-05-01T10:00:01.000Z"), QStringLiteral("refresh"), AuthError::Kind::RateLimited,
                  QStringLiteral("Too many attempts.")});
    return a;
}

void compareAccounts(const Account &a, const Account &b) {
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.providerId, b.providerId);
    QCOMPARE(a.baseUrl, b.baseUrl);
    QCOMPARE(a.username, b.username);
    QCOMPARE(a.allowInsecureHttp, b.allowInsecureHttp);
    QCOMPARE(a.keepSignedIn, b.keepSignedIn);
    const TokenMeta &x = a.token;
    const TokenMeta &y = b.token;
    QCOMPARE(x.hasAccessToken, y.hasAccessToken);
    QCOMPARE(x.hasRefreshToken, y.hasRefreshToken);
    QCOMPARE(x.accessObtainedAt, y.accessObtainedAt);
    QCOMPARE(x.accessExpiresAt, y.accessExpiresAt);
    QCOMPARE(x.refreshExpiresAt, y.refreshExpiresAt);
    QCOMPARE(x.passwordExpiresAt, y.passwordExpiresAt);
    QCOMPARE(x.rateLimitedUntil, y.rateLimitedUntil);
    QCOMPARE(x.extras, y.extras);
    QCOMPARE(x.lastState, y.lastState);
    QCOMPARE(x.lastError.kind, y.lastError.kind);
    QCOMPARE(x.lastError.message, y.lastError.message);
    QCOMPARE(x.lastError.providerMessage, y.lastError.providerMessage);
    QCOMPARE(x.lastError.httpStatus, y.lastError.httpStatus);
    QCOMPARE(x.lastError.retryAfter, y.lastError.retryAfter);
    QCOMPARE(x.lastErrorAt, y.lastErrorAt);
    QCOMPARE(x.credentialProblem, y.credentialProblem);
    QCOMPARE(x.history.size(), y.history.size());
    for (qsizetype i = 0; i < x.history.size(); ++i) {
        QCOMPARE(x.history.at(i).at, y.history.at(i).at);
        QCOMPARE(x.history.at(i).operation, y.history.at(i).operation);
        QCOMPARE(x.history.at(i).result, y.history.at(i).result);
        QCOMPARE(x.history.at(i).message, y.history.at(i).message);
    }
}

} // namespace

class TestAccount : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void newIdIsUuidWithoutBraces() {
        const QString id = Account::newId();
        QCOMPARE(id.size(), 36);
        QVERIFY(!id.contains(u'{'));
        QVERIFY(!QUuid::fromString(id).isNull());
        QVERIFY(Account::newId() != id);
    }

    void roundTripEveryField() {
        const Account original = fullAccount();
        const QJsonObject json = accountToJson(original);
        // Through text, as the file holds it.
        const QJsonObject reparsed = QJsonDocument::fromJson(QJsonDocument(json).toJson()).object();
        QString error;
        const std::optional<Account> back = accountFromJson(reparsed, &error);
        QVERIFY2(back, qPrintable(error));
        compareAccounts(*back, original);
    }

    // A refused credential outlives the last error (a logout clears that), and a changed credential ends it
    // while the error stays; a file written before the field existed says it through its last error.
    void credentialProblemRoundTripsAndOlderFilesImplyIt_data() {
        QTest::addColumn<int>("lastError");
        QTest::addColumn<int>("problem");
        QTest::addColumn<bool>("written");
        using K = AuthError::Kind;
        QTest::newRow("refused") << int(K::PasswordExpired) << int(K::PasswordExpired) << false;
        QTest::newRow("refused, then logged out") << int(K::None) << int(K::NotVerified) << true;
        QTest::newRow("refused, then another failure") << int(K::Network) << int(K::CredentialsRejected) << true;
        QTest::newRow("refused, then a new credential") << int(K::CredentialsRejected) << int(K::None) << true;
        QTest::newRow("never refused") << int(K::Network) << int(K::None) << false;
    }
    void credentialProblemRoundTripsAndOlderFilesImplyIt() {
        QFETCH(int, lastError);
        QFETCH(int, problem);
        QFETCH(bool, written);
        Account a = fullAccount();
        a.token.lastError = AuthError::make(AuthError::Kind(lastError));
        a.token.credentialProblem = AuthError::Kind(problem);
        QJsonObject json = accountToJson(a);
        QJsonObject token = json.value(QLatin1String("token")).toObject();
        QCOMPARE(token.contains(QLatin1String("credentialProblem")), written);
        QString error;
        std::optional<Account> back = accountFromJson(json, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->token.credentialProblem, a.token.credentialProblem);

        // An older file: no such field; a credential problem in the last error is the refusal.
        token.remove(QLatin1String("credentialProblem"));
        json.insert(QLatin1String("token"), token);
        back = accountFromJson(json, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->token.credentialProblem, TokenMeta::impliedCredentialProblem(a.token.lastError));
    }

    void timestampsAreUtcIsoWithMilliseconds() {
        Account a = fullAccount();
        a.token.accessExpiresAt =
            QDateTime(QDate(2024, 5, 1), QTime(13, 0, 0, 7), Qt::OffsetFromUTC, 2 * 3600);
        const QJsonObject token = accountToJson(a).value(QLatin1String("token")).toObject();
        QCOMPARE(token.value(QLatin1String("accessExpiresAt")).toString(),
                 QStringLiteral("2024-05-01T11:00:00.007Z"));
        QCOMPARE(token.value(QLatin1String("accessObtainedAt")).toString(),
                 QStringLiteral("2024-05-01T10:00:00.123Z"));
    }

    void minimalAccountGetsDefaults() {
        const QJsonObject json{{QStringLiteral("id"), QStringLiteral("a1")},
                               {QStringLiteral("name"), QStringLiteral("dev")},
                               {QStringLiteral("providerId"), QStringLiteral("simple-key")},
                               {QStringLiteral("baseUrl"), QStringLiteral("http://127.0.0.1:8080")},
                               {QStringLiteral("futureField"), 42}};
        QString error;
        const std::optional<Account> a = accountFromJson(json, &error);
        QVERIFY2(a, qPrintable(error));
        QVERIFY(a->keepSignedIn);
        QVERIFY(!a->allowInsecureHttp);
        QVERIFY(a->username.isEmpty());
        QVERIFY(!a->token.accessExpiresAt.isValid());
        QCOMPARE(a->token.lastState, TokenState::SignedOut);
        QVERIFY(!a->token.lastError.isError());
    }

    void invalidInstantsStayInvalid() {
        Account a = fullAccount();
        a.token = TokenMeta{};
        const std::optional<Account> back = accountFromJson(accountToJson(a), nullptr);
        QVERIFY(back);
        QVERIFY(!back->token.accessExpiresAt.isValid());
        QVERIFY(!back->token.rateLimitedUntil.isValid());
        QVERIFY(!back->token.lastError.isError());
    }

    void historyKeepsNewestTwenty() {
        TokenMeta t;
        const QDateTime start = utc("2024-01-01T00:00:00.000Z");
        for (int i = 0; i < 25; ++i)
            t.addHistory(
                {start.addSecs(i), QStringLiteral("refresh"), AuthError::Kind::None, QString::number(i)});
        QCOMPARE(t.history.size(), TokenMeta::kMaxHistory);
        QCOMPARE(t.history.first().message, QStringLiteral("5"));
        QCOMPARE(t.history.last().message, QStringLiteral("24"));
    }

    void secretLookingExtrasAreNotWritten() {
        Account a = fullAccount();
        a.token.extras.insert(QStringLiteral("access_token"), QStringLiteral("eyJsecret"));
        a.token.extras.insert(QStringLiteral("Refresh_Token"), QStringLiteral("r-secret"));
        const QByteArray text = QJsonDocument(accountToJson(a)).toJson();
        QVERIFY(!text.contains("eyJsecret"));
        QVERIFY(!text.contains("r-secret"));
        QVERIFY(text.contains("abc-123"));
    }

    void badInputNamesTheField_data() {
        QTest::addColumn<QString>("path"); // dotted path into the object
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field"); // expected in the message

        QTest::newRow("missing id") << "id" << QJsonValue(QJsonValue::Undefined) << "'id'";
        QTest::newRow("id not a string") << "id" << QJsonValue(5) << "'id'";
        QTest::newRow("id with slash") << "id" << QJsonValue(QStringLiteral("a/b")) << "'id'";
        QTest::newRow("empty name") << "name" << QJsonValue(QStringLiteral("  ")) << "'name'";
        QTest::newRow("missing provider")
            << "providerId" << QJsonValue(QJsonValue::Undefined) << "'providerId'";
        QTest::newRow("bad url") << "baseUrl" << QJsonValue(QStringLiteral("not a url")) << "'baseUrl'";
        QTest::newRow("ftp url") << "baseUrl" << QJsonValue(QStringLiteral("ftp://x.example")) << "'baseUrl'";
        QTest::newRow("url with password")
            << "baseUrl" << QJsonValue(QStringLiteral("https://u:p@x.example")) << "'baseUrl'";
        QTest::newRow("bool as string")
            << "keepSignedIn" << QJsonValue(QStringLiteral("yes")) << "'keepSignedIn'";
        QTest::newRow("token not object") << "token" << QJsonValue(3) << "'token'";
        QTest::newRow("bad timestamp")
            << "token.accessExpiresAt" << QJsonValue(QStringLiteral("tomorrow")) << "'token.accessExpiresAt'";
        QTest::newRow("number timestamp")
            << "token.refreshExpiresAt" << QJsonValue(1700000000) << "'token.refreshExpiresAt'";
        QTest::newRow("unknown state")
            << "token.lastState" << QJsonValue(QStringLiteral("sleepy")) << "'token.lastState'";
        QTest::newRow("extras not object")
            << "token.extras" << QJsonValue(QStringLiteral("x")) << "'token.extras'";
        QTest::newRow("unknown error kind")
            << "token.lastError.kind" << QJsonValue(QStringLiteral("oops")) << "'token.lastError.kind'";
        QTest::newRow("fractional status")
            << "token.lastError.httpStatus" << QJsonValue(429.5) << "'token.lastError.httpStatus'";
        QTest::newRow("bad retryAfter") << "token.lastError.retryAfter" << QJsonValue(QStringLiteral("soon"))
                                        << "'token.lastError.retryAfter'";
        QTest::newRow("history not array") << "token.history" << QJsonValue(1) << "'token.history'";
    }

    void badInputNamesTheField() {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);

        QJsonObject root = accountToJson(fullAccount());
        const QStringList parts = path.split(u'.');
        // Set root[parts...] = value, rebuilding the nested objects on the way back up.
        std::function<void(QJsonObject &, int)> set = [&](QJsonObject &o, int depth) {
            const QString &key = parts.at(depth);
            if (depth == parts.size() - 1) {
                if (value.isUndefined())
                    o.remove(key);
                else
                    o.insert(key, value);
                return;
            }
            QJsonObject child = o.value(key).toObject();
            set(child, depth + 1);
            o.insert(key, child);
        };
        set(root, 0);

        QString error;
        QVERIFY(!accountFromJson(root, &error));
        QVERIFY2(error.contains(field), qPrintable(error));
    }

    void badHistoryEntryNamesItsIndex() {
        QJsonObject root = accountToJson(fullAccount());
        QJsonObject token = root.value(QLatin1String("token")).toObject();
        QJsonArray history = token.value(QLatin1String("history")).toArray();
        QJsonObject entry = history.at(1).toObject();
        entry.insert(QStringLiteral("at"), QStringLiteral("yesterday"));
        history.replace(1, entry);
        token.insert(QStringLiteral("history"), history);
        root.insert(QStringLiteral("token"), token);
        QString error;
        QVERIFY(!accountFromJson(root, &error));
        QVERIFY2(error.contains(QLatin1String("'token.history[1].at'")), qPrintable(error));
    }

    // One rule for names (add, the account dialog, import): what a shell, a table and a reader can take.
    void nameRule_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("problem");
        using P = AccountName::Problem;
        QTest::newRow("plain") << QStringLiteral("prod-b2b") << int(P::None);
        QTest::newRow("space inside, accent, emoji") << QStringLiteral("caf\u00e9 \U0001F600 x") << int(P::None);
        QTest::newRow("empty") << QString() << int(P::Empty);
        QTest::newRow("trailing space") << QStringLiteral("a ") << int(P::SurroundingSpace);
        QTest::newRow("leading dash") << QStringLiteral("-dash") << int(P::LeadingDash);
        for (const char16_t c : {u'\0', u'\t', u'\n', u'\x07', u'\x1b', u'\x7f', u'\x85', u'\u200b', u'\u200e',
                                 u'\u202e', u'\u2066', u'\u2028', u'\u2029', u'\ufeff', u'\xad'}) {
            const QString name = QStringLiteral("a") + QChar(c) + QStringLiteral("b");
            QTest::addRow("U+%04X", unsigned(c)) << name << int(P::InvisibleCharacter);
        }
        QTest::newRow("lone surrogate") << (QStringLiteral("a") + QChar(0xD800) + QStringLiteral("b"))
                                        << int(P::InvisibleCharacter);
        QTest::newRow("tag character") << QStringLiteral("a\U000E0041b") << int(P::InvisibleCharacter);
    }
    void nameRule() {
        QFETCH(QString, name);
        QFETCH(int, problem);
        QCOMPARE(int(AccountName::check(name)), problem);
        // Shown escaped: nothing invisible is left, and a good name is shown as it is.
        const QString shown = AccountName::visible(name);
        QCOMPARE(AccountName::check(shown) == AccountName::Problem::InvisibleCharacter, false);
        if (problem == int(AccountName::Problem::None))
            QCOMPARE(shown, name);
    }
    void visibleEscapes() {
        QCOMPARE(AccountName::visible(QStringLiteral("esc\x1b]0;PWNED\x07\n\tz")),
                 QStringLiteral("esc\\x1b]0;PWNED\\x07\\n\\tz"));
        QCOMPARE(AccountName::visible(QStringLiteral("a\u202eb")), QStringLiteral("a\\u202eb"));
        QCOMPARE(AccountName::visible(QStringLiteral("a\U000E0041b")), QStringLiteral("a\\U000e0041b"));
    }
};

QTEST_GUILESS_MAIN(TestAccount)
#include "tst_account.moc"
