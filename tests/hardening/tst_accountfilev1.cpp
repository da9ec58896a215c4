// The migration entry point: a v1 account file, written by hand (tests/hardening/fixtures/accounts-v1.json),
// loads into exactly the accounts it describes. The current format is v1, so this pins v1 loading: a
// future version must keep this test passing through AccountFile::migrate.
#include "accounts/AccountStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

namespace {

QDateTime utc(const char *iso) {
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

QByteArray readAll(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestAccountFileV1 : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    void verifyFixtureAccounts(const AccountStore &store) {
        QCOMPARE(store.count(), 3);

        const Account &q = store.accounts().at(0);
        QCOMPARE(q.id, QStringLiteral("0b6f3d1e-6a43-4c41-9d0e-3f2a1c5b7e01"));
        QCOMPARE(q.name, QStringLiteral("prod-quadrata"));
        QCOMPARE(q.providerId, QStringLiteral("quadrata"));
        QCOMPARE(q.baseUrl, QUrl(QStringLiteral("https://api.quadrata.example.com")));
        QCOMPARE(q.username, QString());
        QCOMPARE(q.allowInsecureHttp, false);
        QCOMPARE(q.keepSignedIn, true);
        QCOMPARE(q.token.hasAccessToken, true);
        QCOMPARE(q.token.hasRefreshToken, false);
        QCOMPARE(q.token.accessObtainedAt, utc("2024-05-01T12:00:00.000Z"));
        QCOMPARE(q.token.accessExpiresAt, utc("2024-05-01T13:00:00.000Z"));
        QVERIFY(!q.token.refreshExpiresAt.isValid());
        QVERIFY(!q.token.passwordExpiresAt.isValid());
        QVERIFY(!q.token.rateLimitedUntil.isValid());
        QVERIFY(q.token.extras.isEmpty());
        QCOMPARE(q.token.lastState, TokenState::Valid);
        QCOMPARE(q.token.lastError.kind, AuthError::Kind::None);
        QCOMPARE(q.token.history.size(), 1);
        QCOMPARE(q.token.history.at(0).at, utc("2024-05-01T12:00:00.000Z"));
        QCOMPARE(q.token.history.at(0).operation, QStringLiteral("login"));
        QCOMPARE(q.token.history.at(0).result, AuthError::Kind::None);

        const Account &k = store.accounts().at(1);
        QCOMPARE(k.id, QStringLiteral("kyc_staging.2"));
        QCOMPARE(k.name, QStringLiteral("staging kyc"));
        QCOMPARE(k.providerId, QStringLiteral("kyc-jwt"));
        QCOMPARE(k.baseUrl, QUrl(QStringLiteral("https://kyc.example.com/api/v2")));
        QCOMPARE(k.username, QStringLiteral("ops@example.com"));
        QCOMPARE(k.keepSignedIn, true);
        QCOMPARE(k.token.hasAccessToken, true);
        QCOMPARE(k.token.hasRefreshToken, true);
        QCOMPARE(k.token.accessObtainedAt, utc("2024-05-02T08:30:00.000Z"));
        QCOMPARE(k.token.accessExpiresAt, utc("2024-05-02T08:45:00.000Z"));
        QCOMPARE(k.token.refreshExpiresAt, utc("2024-05-09T08:30:00.000Z"));
        QCOMPARE(k.token.passwordExpiresAt, utc("2024-06-30T00:00:00.000Z"));
        QCOMPARE(k.token.extras.value(QLatin1String("client_id")).toString(), QStringLiteral("kyc-client-42"));
        const QJsonObject user = k.token.extras.value(QLatin1String("user")).toObject();
        QCOMPARE(user.value(QLatin1String("email")).toString(), QStringLiteral("ops@example.com"));
        QCOMPARE(user.value(QLatin1String("role")).toString(), QStringLiteral("operator"));
        QCOMPARE(k.token.extras.size(), 2);
        QCOMPARE(k.token.lastState, TokenState::Valid);
        QCOMPARE(k.token.history.size(), 2);
        QCOMPARE(k.token.history.at(1).operation, QStringLiteral("refresh"));
        QCOMPARE(k.token.history.at(1).at, utc("2024-05-02T08:30:00.000Z"));

        const Account &b = store.accounts().at(2);
        QCOMPARE(b.id, QStringLiteral("b2b-lab"));
        QCOMPARE(b.name, QStringLiteral("lab-b2b"));
        QCOMPARE(b.providerId, QStringLiteral("b2b-api"));
        QCOMPARE(b.baseUrl, QUrl(QStringLiteral("http://10.0.0.5:8080")));
        QCOMPARE(b.username, QStringLiteral("api-user"));
        QCOMPARE(b.allowInsecureHttp, true);
        QCOMPARE(b.keepSignedIn, false);
        QCOMPARE(b.token.hasAccessToken, false);
        QCOMPARE(b.token.hasRefreshToken, false);
        QVERIFY(!b.token.accessExpiresAt.isValid());
        QCOMPARE(b.token.rateLimitedUntil, utc("2024-05-03T10:05:00.000Z"));
        QCOMPARE(b.token.lastState, TokenState::RateLimited);
        QCOMPARE(b.token.lastError.kind, AuthError::Kind::RateLimited);
        QCOMPARE(b.token.lastError.message, QStringLiteral("Too many requests. Try again later."));
        QCOMPARE(b.token.lastError.providerMessage, QStringLiteral("Rate limit exceeded"));
        QCOMPARE(b.token.lastError.httpStatus, 429);
        QCOMPARE(b.token.lastError.retryAfter, utc("2024-05-03T10:05:00.000Z"));
        QCOMPARE(b.token.lastErrorAt, utc("2024-05-03T10:00:00.000Z"));
        QCOMPARE(b.token.history.size(), 1);
        QCOMPARE(b.token.history.at(0).result, AuthError::Kind::RateLimited);
        QCOMPARE(b.token.history.at(0).message, QStringLiteral("Too many requests. Try again later."));
    }

private Q_SLOTS:
    void init() {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("accounts.json"));
        QFile::remove(m_path);
        QVERIFY(QFile::copy(QStringLiteral(TOKENDESK_HARDENING_FIXTURES "/accounts-v1.json"), m_path));
        QVERIFY(QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner));
    }

    void v1FixtureLoadsIntoExactlyItsAccounts() {
        const QByteArray before = readAll(m_path);
        AccountStore store(m_path);
        const AccountStore::LoadResult r = store.load();
        QCOMPARE(r.status, AccountStore::LoadStatus::Ok);
        QVERIFY(r.message.isEmpty());
        QVERIFY(store.isWritable());
        verifyFixtureAccounts(store);
        QCOMPARE(readAll(m_path), before); // loading never rewrites the file
    }

    void v1FixtureSurvivesASave() {
        {
            AccountStore store(m_path);
            QVERIFY(store.load().ok());
            // A change to one account rewrites the file; the others must come back identical.
            QVERIFY(store.modify(QStringLiteral("b2b-lab"), [](Account &a) { a.keepSignedIn = true; }).ok);
        }
        const QJsonObject root = QJsonDocument::fromJson(readAll(m_path)).object();
        QCOMPARE(root.value(QLatin1String("version")).toInt(), 1);
        QCOMPARE(root.value(QLatin1String("accounts")).toArray().size(), 3);

        AccountStore again(m_path);
        QCOMPARE(again.load().status, AccountStore::LoadStatus::Ok);
        QCOMPARE(again.accounts().at(2).keepSignedIn, true);
        // Everything else exactly as in the fixture.
        Account b = again.accounts().at(2);
        QVERIFY(again.modify(b.id, [](Account &a) { a.keepSignedIn = false; }).ok);
        verifyFixtureAccounts(again);
    }
};

QTEST_GUILESS_MAIN(TestAccountFileV1)
#include "tst_accountfilev1.moc"
