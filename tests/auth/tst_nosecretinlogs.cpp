// Runs the flows with every logging category on (Qt's own network categories included) and fails if
// any message contains a credential, a token or anything shaped like a JWT.
#include "CoreFixture.h"

#include "demo/DemoCredentials.h"

#include <QLoggingCategory>
#include <QRegularExpression>

namespace {
QStringList g_messages;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_messages.append(QString::fromLatin1(context.category ? context.category : "default") + QStringLiteral(": ")
                      + message);
    if (g_previous)
        g_previous(type, context, message);
}
} // namespace

class TestNoSecretInLogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void canaryIsCaught();
    void flowsLogNoSecret();

private:
    QStringList leaks(const QList<QByteArray> &secrets) const;
};

void TestNoSecretInLogs::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true\nqt.*.debug=true"));
    g_previous = qInstallMessageHandler(capture);
}

void TestNoSecretInLogs::cleanupTestCase()
{
    qInstallMessageHandler(g_previous);
}

QStringList TestNoSecretInLogs::leaks(const QList<QByteArray> &secrets) const
{
    static const QRegularExpression jwt(QStringLiteral(R"(eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,})"));
    QStringList found;
    for (const QString &line : std::as_const(g_messages)) {
        bool leak = jwt.match(line).hasMatch();
        for (const QByteArray &s : secrets)
            leak = leak || (!s.isEmpty() && line.contains(QString::fromUtf8(s)));
        if (leak)
            found.append(line.left(60) + QStringLiteral("…"));
    }
    return found;
}

void TestNoSecretInLogs::canaryIsCaught()
{
    // The check itself must be able to fail.
    g_messages.clear();
    qDebug() << "canary" << DemoCredentials::b2bPassword();
    QCOMPARE(leaks({DemoCredentials::b2bPassword().toUtf8()}).size(), 1);
    g_messages.clear();
    qDebug() << "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.sig";
    QCOMPARE(leaks({}).size(), 1);
    g_messages.clear();
}

void TestNoSecretInLogs::flowsLogNoSecret()
{
    QList<QByteArray> secrets;
    for (const DemoAccount &d : DemoServer::demoAccounts())
        secrets.append(d.secret);
    {
        CoreFixture f;
        f.server.setAccessLifetime(12);
        QStringList ids;
        for (const DemoAccount &d : DemoServer::demoAccounts())
            ids.append(f.addAccount(d.presetId));
        for (const QString &id : std::as_const(ids)) {
            const TokenResult r = f.login(id);
            QVERIFY2(!r.error, qPrintable(r.error.message));
            secrets.append(r.accessToken);
            if (auto refresh = f.secret(id, SecretKind::RefreshToken))
                secrets.append(*refresh);
        }
        for (const QString &id : std::as_const(ids))
            secrets.append(f.refresh(id).accessToken);
        // Failures: wrong password, rate limit, a rejected refresh, a token with CR/LF, logout.
        const QString wrong = f.addAccount(QStringLiteral("b2b-api"), QStringLiteral("wrong"), {}, QByteArrayLiteral("wrong-pass-123"));
        secrets.append(QByteArrayLiteral("wrong-pass-123"));
        QVERIFY(f.login(wrong).error);
        const QString limited = f.addAccount(QStringLiteral("b2b-api"), QStringLiteral("limited"), DemoCredentials::b2bRateLimitedUsername());
        QVERIFY(f.login(limited).error);
        f.server.setFault(QStringLiteral("partner-api"), DemoFault::respondWith(401, "{}"), 1);
        secrets.append(f.refresh(ids[2]).accessToken);
        f.server.setFault(QStringLiteral("quadrata"), DemoFault::crlfToken(), 1);
        QVERIFY(f.login(ids[0]).error);
        f.manager->setAutoRefresh(true);
        QTRY_VERIFY_WITH_TIMEOUT(f.server.refreshCount(QStringLiteral("b2b-api")) >= 2, 8000);
        for (const QString &id : std::as_const(ids))
            QVERIFY(!f.logout(id).error);
    }
    // The handler really saw debug output of our own categories (the auto-refresh logs one line).
    QVERIFY2(!g_messages.filter(QStringLiteral("tokendesk.token: ")).isEmpty(), "debug logging was not captured");
    const QStringList found = leaks(secrets);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestNoSecretInLogs)
#include "tst_nosecretinlogs.moc"
