// readAccountEntry against the general way of reading an entry (QJsonDocument + accountFromJson): for
// written, hand-written, mutated and truncated entries, whatever it reads the general way reads the same,
// and the account file as a whole reads as the general way reads its entries.
#include "AccountEntryAgreement.h"

#include "accounts/AccountFile.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QTest>

using AccountEntryAgreement::describe;
using AccountEntryAgreement::disagreement;

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 5, 1), QTime(12, 0, 0, 250), Qt::UTC);

Account plainAccount(int i) {
    Account a;
    a.id = QStringLiteral("id-%1").arg(i);
    a.name = QStringLiteral("account-%1").arg(i);
    a.providerId = QStringLiteral("b2b-api");
    a.baseUrl = QUrl(QStringLiteral("https://api%1.example.com").arg(i % 7));
    a.username = QStringLiteral("user%1").arg(i);
    a.token.hasAccessToken = true;
    a.token.hasRefreshToken = true;
    a.token.accessObtainedAt = kT0;
    a.token.accessExpiresAt = kT0.addSecs(600 + i);
    a.token.refreshExpiresAt = kT0.addDays(7);
    a.token.lastState = TokenState::Valid;
    return a;
}

// Accounts using every field the entry has.
QList<Account> variedAccounts() {
    QList<Account> out{plainAccount(1)};
    Account failed = plainAccount(2);
    failed.name = QStringLiteral("Zürich – prod 🔑");
    failed.username.clear();
    failed.keepSignedIn = false;
    failed.allowInsecureHttp = true;
    failed.baseUrl = QUrl(QStringLiteral("http://10.0.0.1:8080/api/v2"));
    failed.token.lastState = TokenState::Failed;
    failed.token.lastError.kind = AuthError::Kind::RateLimited;
    failed.token.lastError.message = QStringLiteral("Too many \"requests\"\n\ttry later \\ ok");
    failed.token.lastError.providerMessage = QStringLiteral("slow down ☃");
    failed.token.lastError.httpStatus = 429;
    failed.token.lastError.retryAfter = kT0.addSecs(30);
    failed.token.lastErrorAt = kT0;
    failed.token.rateLimitedUntil = kT0.addSecs(30);
    failed.token.passwordExpiresAt = kT0.addDays(30);
    failed.token.extras = QJsonObject{{QStringLiteral("client_id"), QStringLiteral("abc")},
                                      {QStringLiteral("profile"), QJsonObject{{QStringLiteral("n"), 1.5}}},
                                      {QStringLiteral("list"), QJsonArray{1, true, QJsonValue()}}};
    for (int i = 0; i < 25; ++i) {
        HistoryEntry h;
        h.at = kT0.addSecs(i);
        h.operation = i % 2 ? QStringLiteral("refresh") : QStringLiteral("login");
        h.result = i % 3 ? AuthError::Kind::None : AuthError::Kind::Network;
        h.message = i % 3 ? QString() : QStringLiteral("no route");
        failed.token.addHistory(h);
    }
    out << failed;
    Account signedOut;
    signedOut.id = QStringLiteral("x.Y_z-9");
    signedOut.name = QStringLiteral("a");
    signedOut.providerId = QStringLiteral("kyc-jwt");
    signedOut.baseUrl = QUrl(QStringLiteral("https://xn--bcher-kva.example/"));
    signedOut.token.credentialProblem = AuthError::Kind::PasswordExpired; // refused, then logged out
    out << signedOut;
    Account newSecret = plainAccount(3); // refused, then its credential changed
    newSecret.token.lastState = TokenState::Failed;
    newSecret.token.lastError = AuthError::make(AuthError::Kind::CredentialsRejected, QStringLiteral("no"));
    out << newSecret;
    return out;
}

QByteArray line(const Account &a) {
    return AccountFile::entryLine(a, {});
}

const char *const kHandWritten[] = {
    // Escapes, decoded like QJsonDocument decodes them.
    R"({"id":"e1","name":"caf\u00e9 \ud83d\ude00 \/ \b\f\n\r\t \" \\","providerId":"p","baseUrl":"https://a.example"})",
    R"({"id":"e2","name":"\u0041\u00DF\u4e2D","providerId":"p","baseUrl":"https://a.example"})",
    R"({"id":"e3","name":"x\u0000y","providerId":"p","baseUrl":"https://a.example"})",
    R"({"id":"e4","name":"lone \ud800","providerId":"p","baseUrl":"https://a.example"})",
    R"({"id":"e5","name":"lone \udc00 low","providerId":"p","baseUrl":"https://a.example"})",
    R"({"id":"e6","name":"swapped \ude00\ud83d","providerId":"p","baseUrl":"https://a.example"})",
    R"({"id":"e7","name":"bad \x41","providerId":"p","baseUrl":"https://a.example"})",
    R"({"id":"e8","name":"short \u12","providerId":"p","baseUrl":"https://a.example"})",
    R"({"id":"e9","name":"nonchar \ufffe \uFDD0","providerId":"p","baseUrl":"https://a.example"})",
    R"({"\u0069d":"k1","name":"escaped key","providerId":"p","baseUrl":"https://a.example"})",
    // Repeated keys, at the top and inside.
    R"({"id":"d1","id":"d2","name":"dup","providerId":"p","baseUrl":"https://a.example"})",
    R"({"id":"d3","name":"dup","providerId":"p","baseUrl":"https://a.example","token":{"hasAccessToken":true,"hasAccessToken":false}})",
    // Numbers.
    R"({"id":"n1","name":"n","providerId":"p","baseUrl":"https://a.example","token":{"lastError":{"kind":"network","httpStatus":200}}})",
    R"({"id":"n2","name":"n","providerId":"p","baseUrl":"https://a.example","token":{"lastError":{"kind":"network","httpStatus":200.0}}})",
    R"({"id":"n3","name":"n","providerId":"p","baseUrl":"https://a.example","token":{"lastError":{"kind":"network","httpStatus":2e2}}})",
    R"({"id":"n4","name":"n","providerId":"p","baseUrl":"https://a.example","token":{"lastError":{"kind":"network","httpStatus":-0}}})",
    R"({"id":"n5","name":"n","providerId":"p","baseUrl":"https://a.example","token":{"lastError":{"kind":"network","httpStatus":0}}})",
    R"({"id":"n6","name":"n","providerId":"p","baseUrl":"https://a.example","token":{"lastError":{"kind":"network","httpStatus":1000}}})",
    R"({"id":"n7","name":"n","providerId":"p","baseUrl":"https://a.example","token":{"lastError":{"kind":"network","httpStatus":007}}})",
    R"({"id":"n8","name":"n","providerId":"p","baseUrl":"https://a.example","token":{"lastError":{"kind":"network","httpStatus":999}}})",
    R"({"id":"n9","name":"n","providerId":"p","baseUrl":"https://a.example","keepSignedIn":1})",
    // null is "not there".
    R"({"id":"u1","name":"nulls","providerId":"p","baseUrl":"https://a.example","username":null,"allowInsecureHttp":null,"keepSignedIn":null,"token":null})",
    R"({"id":"u2","name":"nulls","providerId":"p","baseUrl":"https://a.example","token":{"extras":null,"lastError":null,"history":null,"lastState":null,"accessExpiresAt":null}})",
    R"({"id":null,"name":"nulls","providerId":"p","baseUrl":"https://a.example"})",
    R"({"id":"u3","name":"nulls","providerId":"p","baseUrl":"https://a.example","token":{"lastError":{}}})",
    R"({"id":"u4","name":"nulls","providerId":"p","baseUrl":"https://a.example","token":{"lastState":""}})",
    R"({"id":"u5","name":"nul","providerId":"p","baseUrl":"https://a.example","username":nul})",
    // Whitespace, and what is not whitespace.
    " \t\r\n{ \"id\" : \"w1\" ,\n\"name\":\t\"w\" , \"providerId\" :\"p\",\"baseUrl\":\"https://a.example\" } \n",
    "{\"id\":\"w2\",\"name\":\"w\",\"providerId\":\"p\",\"baseUrl\":\"https://a.example\"}\f",
    "{\"id\":\"w3\",\"name\":\"tab\there\",\"providerId\":\"p\",\"baseUrl\":\"https://a.example\"}",
    "{\"id\":\"w4\",\"name\":\"del\x7f\",\"providerId\":\"p\",\"baseUrl\":\"https://a.example\"}",
    // UTF-8: valid, overlong, encoded surrogate, beyond U+10FFFF, truncated, a noncharacter.
    "{\"id\":\"8a\",\"name\":\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\",\"providerId\":\"p\",\"baseUrl\":\"https://a.example\"}",
    "{\"id\":\"8b\",\"name\":\"\xc0\xaf\",\"providerId\":\"p\",\"baseUrl\":\"https://a.example\"}",
    "{\"id\":\"8c\",\"name\":\"\xed\xa0\x80\",\"providerId\":\"p\",\"baseUrl\":\"https://a.example\"}",
    "{\"id\":\"8d\",\"name\":\"\xf4\x90\x80\x80\",\"providerId\":\"p\",\"baseUrl\":\"https://a.example\"}",
    "{\"id\":\"8e\",\"name\":\"\xe2\x82\",\"providerId\":\"p\",\"baseUrl\":\"https://a.example\"}",
    "{\"id\":\"8f\",\"name\":\"\xef\xbf\xbe\",\"providerId\":\"p\",\"baseUrl\":\"https://a.example\"}",
    "{\"id\":\"8g\",\"name\":\"\xff\",\"providerId\":\"p\",\"baseUrl\":\"https://a.example\"}",
    // Values accountFromJson refuses, or reads with its general timestamp parser.
    R"({"id":"v1","name":" padded","providerId":"p","baseUrl":"https://a.example"})",
    R"({"id":"v2","name":"   ","providerId":"p","baseUrl":"https://a.example"})",
    R"({"id":"-v3","name":"v","providerId":"p","baseUrl":"https://a.example"})",
    R"({"id":"v4","name":"v","providerId":"p","baseUrl":"ftp://a.example"})",
    R"({"id":"v5","name":"v","providerId":"p","baseUrl":"https://user:pw@a.example"})",
    R"({"id":"v6","name":"v","providerId":" ","baseUrl":"https://a.example"})",
    R"({"id":"v7","name":"v","providerId":"p","baseUrl":"https://a.example","token":{"accessExpiresAt":"2024-05-01T12:00:00Z"}})",
    R"({"id":"v8","name":"v","providerId":"p","baseUrl":"https://a.example","token":{"accessExpiresAt":"2023-02-30T12:00:00.000Z"}})",
    R"({"id":"v9","name":"v","providerId":"p","baseUrl":"https://a.example","token":{"accessExpiresAt":"2024-05-01T12:00:00.000+02:00"}})",
    R"({"id":"va","name":"v","providerId":"p","baseUrl":"https://a.example","token":{"lastState":"nonsense"}})",
    R"({"id":"vb","name":"v","providerId":"p","baseUrl":"https://a.example","token":{"history":[{"at":"2024-05-01T12:00:00.000Z","operation":" "}]}})",
    R"({"id":"vc","name":"v","providerId":"p","baseUrl":"https://a.example","token":{"history":[{"operation":"login"}]}})",
    R"({"id":"vd","name":"v","providerId":"p","baseUrl":"https://a.example","token":{"history":[1,2]}})",
    // The refused credential: implied by the last error where the field is absent or null (older files).
    R"({"id":"c1","name":"c","providerId":"p","baseUrl":"https://a.example","token":{"lastError":{"kind":"password_expired"}}})",
    R"({"id":"c2","name":"c","providerId":"p","baseUrl":"https://a.example","token":{"credentialProblem":null,"lastError":{"kind":"not_verified"}}})",
    R"({"id":"c3","name":"c","providerId":"p","baseUrl":"https://a.example","token":{"credentialProblem":"none","lastError":{"kind":"not_verified"}}})",
    R"({"id":"c4","name":"c","providerId":"p","baseUrl":"https://a.example","token":{"credentialProblem":"credentials_rejected"}})",
    R"({"id":"c5","name":"c","providerId":"p","baseUrl":"https://a.example","token":{"credentialProblem":"martian"}})",
    R"({"id":"c6","name":"c","providerId":"p","baseUrl":"https://a.example","token":{"credentialProblem":7}})",
    R"({"id":"ve","name":"v","providerId":"p","baseUrl":"https://a.example","token":{"lastError":{"kind":"martian"}}})",
    R"({"id":"vf","name":"v","providerId":"p","baseUrl":"https://a.example","token":{"extras":[]}})",
    R"({"id":"vg","name":"v","providerId":"p","baseUrl":"https://a.example","token":{"extras":{"a":{"b":[{"c":"}]"}]},"d":"\"{"}}})",
    R"({"id":"vh","name":"v","providerId":"p","baseUrl":"https://a.example","token":{"extras":{"a":]}}})",
    R"({"id":"vi","name":"v","providerId":"p","baseUrl":"https://a.example","token":[]})",
    // Fields this version does not know.
    R"({"id":"k2","name":"v","providerId":"p","baseUrl":"https://a.example","future":{"x":1}})",
    R"({"id":"k3","name":"v","providerId":"p","baseUrl":"https://a.example","token":{"future":1}})",
    // Not one object.
    R"({"id":"t1","name":"v","providerId":"p","baseUrl":"https://a.example"} {})",
    R"({"id":"t2","name":"v","providerId":"p","baseUrl":"https://a.example",})",
    R"({"id":"t3","name":"v","providerId":"p","baseUrl":"https://a.example"])",
    R"([])",
    R"("id")",
    "",
};

} // namespace

class TestAccountEntryReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writtenEntriesAreReadDirectly();
    void handWritten();
    void mutatedAndTruncated();
    void filesReadAsTheirEntries();
    void readAtTheStartOfMore();
    void shortFirstEntryReservesNoMore();
};

void TestAccountEntryReader::writtenEntriesAreReadDirectly()
{
    for (const Account &a : variedAccounts()) {
        bool direct = false;
        const QString problem = disagreement(line(a), &direct);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY2(direct, line(a).constData()); // what this version writes is read the fast way
    }
}

void TestAccountEntryReader::handWritten()
{
    int direct = 0;
    for (const char *text : kHandWritten) {
        bool read = false;
        const QString problem = disagreement(QByteArrayView(text), &read);
        QVERIFY2(problem.isEmpty(), qPrintable(QString::fromUtf8(text) + u'\n' + problem));
        direct += read ? 1 : 0;
    }
    // Escapes, surrogate pairs, UTF-8, nulls, odd whitespace and small numbers are read directly.
    QVERIFY2(direct >= 12, qPrintable(QString::number(direct)));
}

void TestAccountEntryReader::mutatedAndTruncated()
{
    QList<QByteArray> bases;
    for (const Account &a : variedAccounts())
        bases << line(a);
    for (const char *text : kHandWritten)
        bases << QByteArray(text);
    static const char kBytes[] = {'"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', 'u', 'n', '0', '1', '9',
                                  'e', '.', '-', 'd', 'D', 'Z', char(0x80), char(0xc3), char(0xa9), char(0xed),
                                  char(0xf4), char(0xff), char(0x00), char(0x1f), char(0x7f)};
    QRandomGenerator random(20261122);
    int cases = 0;
    int direct = 0;
    const auto check = [&](const QByteArray &text) {
        bool read = false;
        const QString problem = disagreement(text, &read);
        ++cases;
        direct += read ? 1 : 0;
        return problem.isEmpty() ? QString() : QString::fromLatin1(text.toPercentEncoding()) + u'\n' + problem;
    };
    const qsizetype written = bases.size() - qsizetype(std::size(kHandWritten));
    for (qsizetype b = 0; b < bases.size(); ++b) {
        const QByteArray &base = bases.at(b);
        // What this version writes gets escapes and UTF-8 only, so that most variants stay readable.
        const bool gentle = b < written;
        for (qsizetype cut = 0; cut < base.size(); ++cut) {
            const QString problem = check(base.left(cut));
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        for (int round = 0; round < 1500 && !base.isEmpty(); ++round) {
            QByteArray text = base;
            const int edits = 1 + random.bounded(3);
            for (int e = 0; e < edits && !text.isEmpty(); ++e) {
                const qsizetype at = random.bounded(int(text.size()));
                const char byte = kBytes[random.bounded(int(sizeof kBytes))];
                switch (gentle ? 4 : random.bounded(5)) {
                case 4: {
                    // An escape or a UTF-8 sequence at the start of a string value: the entry often stays valid JSON.
                    static const char *const kFragments[] = {"\\u00e9", "\\ud83d\\ude00", "\xc3\xa9", "\\n",
                                                             "\\ud800", "\xed\xa0\x80", "\\u0000", "\\/",
                                                             "\xf0\x9f\x98\x80", "\\uFFFF", "\xc0\x80", " "};
                    const qsizetype quote = text.indexOf(":\"", at); // a string value's opening quote
                    if (quote >= 0)
                        text.insert(quote + 2, kFragments[random.bounded(int(std::size(kFragments)))]);
                    break;
                }
                case 0: text[at] = byte; break;
                case 1: text.insert(at, byte); break;
                case 2: text.remove(at, 1); break;
                default: text.insert(at, text.mid(random.bounded(int(text.size())), 1 + random.bounded(8))); break;
                }
            }
            const QString problem = check(text);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
    }
    qInfo("%d entries, %d read directly", cases, direct);
    QVERIFY(direct > 1500); // the mutations leave many entries readable, so both ways are compared
}

void TestAccountEntryReader::filesReadAsTheirEntries()
{
    // Files of written entries with a few hand-written ones among them: the file reads as its entries read
    // the general way, in accounts or in the first broken entry's error.
    const QString path = QStringLiteral("/test/accounts.json");
    QRandomGenerator random(7);
    for (int round = 0; round < 60; ++round) {
        QList<QByteArray> entries;
        for (int i = 0; i < 20; ++i)
            entries << line(plainAccount(round * 100 + i));
        for (int k = 0; k < 2; ++k) {
            const char *text = kHandWritten[random.bounded(int(std::size(kHandWritten)))];
            entries.insert(random.bounded(int(entries.size())), QByteArray(text));
        }
        const QByteArray file = "{\"version\":1,\"accounts\":[\n" + entries.join(",\n") + "\n]}\n";
        const AccountFile::ReadResult result = AccountFile::parse(path, file);

        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            QCOMPARE(result.status, AccountFile::Status::ParseError);
            QVERIFY2(result.message.contains(QStringLiteral("not valid JSON")), qPrintable(result.message));
            continue;
        }
        const QJsonArray array = doc.object().value(QStringLiteral("accounts")).toArray();
        QStringList expected;
        QString expectedError;
        QSet<QString> ids, names;
        for (qsizetype i = 0; i < array.size() && expectedError.isEmpty(); ++i) {
            QString error;
            const std::optional<Account> a = array.at(i).isObject() ? accountFromJson(array.at(i).toObject(), &error)
                                                                    : std::nullopt;
            if (!a || ids.contains(a->id) || names.contains(a->name))
                expectedError = QStringLiteral("(account %1)").arg(i + 1);
            else
                expected << describe(*a);
            if (a) {
                ids.insert(a->id);
                names.insert(a->name);
            }
            if (!a && !error.isEmpty())
                expectedError += u' ' + error;
        }
        if (!expectedError.isEmpty()) {
            QCOMPARE(result.status, AccountFile::Status::ParseError);
            const QString where = expectedError.section(u' ', 0, 1);
            QVERIFY2(result.message.contains(where), qPrintable(result.message + u'\n' + expectedError));
            const QString what = expectedError.section(u' ', 2);
            QVERIFY2(result.message.contains(what), qPrintable(result.message + u'\n' + expectedError));
            continue;
        }
        QCOMPARE(result.status, AccountFile::Status::Ok);
        QStringList got;
        for (const Account &a : result.snapshot.accounts)
            got << describe(a);
        QCOMPARE(got, expected);
    }
}


void TestAccountEntryReader::readAtTheStartOfMore()
{
    // readAccountEntryAt reads the entry at the start of the bytes and says where it ends: an entry it takes
    // is one readAccountEntry takes on its own as the same account, and one readAccountEntry takes is taken.
    QList<QByteArray> texts;
    for (const Account &a : variedAccounts())
        texts << line(a);
    for (const char *text : kHandWritten)
        texts << QByteArray(text);
    for (const QByteArray &text : std::as_const(texts)) {
        for (const char *tail : {",{\"id\":\"x\"}]}", "  \n]", "\""}) {
            const QByteArray bytes = text + tail;
            AccountReadCache cache;
            qsizetype length = -1;
            const std::optional<Account> at = readAccountEntryAt(bytes, &cache, &length);
            const std::optional<Account> whole = readAccountEntry(text, nullptr);
            if (whole) {
                QVERIFY2(at, text.constData());
                QCOMPARE(length, text.trimmed().size());
            }
            if (at) {
                QVERIFY2(length > 0 && length <= text.size(), text.constData());
                const std::optional<Account> alone = readAccountEntry(QByteArrayView(bytes).first(length), nullptr);
                QVERIFY2(alone, text.constData());
                QCOMPARE(describe(*at), describe(*alone));
            }
        }
    }
}


void TestAccountEntryReader::shortFirstEntryReservesNoMore()
{
    // The reader guesses the number of entries from the first one's length. A short first entry (no token
    // yet) before long ones (full histories) must not leave the snapshot holding room for many times more.
    Account first = plainAccount(0);
    first.token = {};
    QList<QByteArray> entries{line(first)};
    for (int i = 1; i <= 200; ++i) {
        Account a = plainAccount(i);
        for (int h = 0; h < TokenMeta::kMaxHistory; ++h)
            a.token.addHistory({kT0.addSecs(h), QStringLiteral("refresh"), AuthError::Kind::Network,
                          QStringLiteral("The provider did not answer within 30 seconds; retrying later.")});
        entries << line(a);
    }
    const QByteArray file = "{\"version\":1,\"accounts\":[\n" + entries.join(",\n") + "\n]}\n";
    const AccountFile::ReadResult result = AccountFile::parse(QStringLiteral("/test/accounts.json"), file);
    QCOMPARE(result.status, AccountFile::Status::Ok);
    const AccountFile::Snapshot &s = result.snapshot;
    QCOMPARE(s.accounts.size(), 201);
    QVERIFY2(s.accounts.capacity() <= 2 * s.accounts.size() + 64, qPrintable(QString::number(s.accounts.capacity())));
    QVERIFY(s.hashes.capacity() <= 2 * s.hashes.size() + 64);
}

QTEST_GUILESS_MAIN(TestAccountEntryReader)
#include "tst_accountentryreader.moc"
