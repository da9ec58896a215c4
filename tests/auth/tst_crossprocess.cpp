// Two TokenDesk processes and one rotating refresh token, against the real Secret Service: the refresh
// token is spent once, and a process killed between the keychain write and the config write loses
// nothing. Needs the private keyring of scripts/test.sh (TOKENDESK_TEST_KEYRING=1).
#include "CoreFixture.h"

#include "accounts/KeychainSecretStore.h"

#include <QProcess>
#include <QUuid>

class TestCrossProcess : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void twoProcessesSpendTheRefreshTokenOnce();
    void killedBetweenKeychainAndConfigLosesNothing();
    void guiAndAgentAtOnce();

private:
    QProcess *startAgent(const QStringList &extra);
    void expireAccessToken();
    QString m_service;
    std::unique_ptr<KeychainSecretStore> m_keychain;
    std::unique_ptr<CoreFixture> m_f;
    QString m_id;
    QList<QProcess *> m_agents;
};

void TestCrossProcess::init()
{
    if (qEnvironmentVariableIntValue("TOKENDESK_TEST_KEYRING") != 1)
        QSKIP("needs the private Secret Service of scripts/test.sh (TOKENDESK_TEST_KEYRING=1)");
    m_service = QStringLiteral("TokenDesk-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_keychain = std::make_unique<KeychainSecretStore>(m_service);
    m_f = std::make_unique<CoreFixture>(m_keychain.get());
    m_id = m_f->addAccount(QStringLiteral("partner-api"));
    const TokenResult r = m_f->login(m_id);
    QVERIFY2(!r.error, qPrintable(r.error.message));
    QVERIFY(m_f->account(m_id).token.hasRefreshToken);
}

void TestCrossProcess::cleanup()
{
    for (QProcess *p : std::as_const(m_agents)) {
        p->kill();
        p->waitForFinished(2000);
        delete p;
    }
    m_agents.clear();
    if (m_f && m_keychain) {
        bool done = false;
        m_keychain->removeAll(m_id, nullptr, [&](const SecretResult &) { done = true; });
        QTRY_VERIFY(done);
    }
    m_f.reset();
    m_keychain.reset();
}

QProcess *TestCrossProcess::startAgent(const QStringList &extra)
{
    auto *p = new QProcess;
    p->setProcessChannelMode(QProcess::SeparateChannels);
    p->start(QStringLiteral(TOKENDESK_TEST_AGENT),
             QStringList{QStringLiteral("--config"), m_f->store->path(), QStringLiteral("--locks"),
                         m_f->dir.filePath(QStringLiteral("config/locks")), QStringLiteral("--service"), m_service,
                         QStringLiteral("--account"), m_id}
                 + extra);
    m_agents.append(p);
    return p;
}

void TestCrossProcess::expireAccessToken()
{
    Account a = m_f->account(m_id);
    a.token.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(-5);
    QVERIFY(m_f->store->update(a).ok);
}

void TestCrossProcess::twoProcessesSpendTheRefreshTokenOnce()
{
    expireAccessToken();
    const int before = m_f->server.refreshCount(QStringLiteral("partner-api"));
    QProcess *a = startAgent({QStringLiteral("--op"), QStringLiteral("ensure")});
    QProcess *b = startAgent({QStringLiteral("--op"), QStringLiteral("ensure")});
    QTRY_VERIFY_WITH_TIMEOUT(a->state() == QProcess::NotRunning && b->state() == QProcess::NotRunning, 30000);
    const QByteArray outA = a->readAllStandardOutput().trimmed();
    const QByteArray outB = b->readAllStandardOutput().trimmed();
    QVERIFY2(a->exitCode() == 0 && outA.startsWith("ok "), QByteArray(outA + a->readAllStandardError()).constData());
    QVERIFY2(b->exitCode() == 0 && outB.startsWith("ok "), QByteArray(outB + b->readAllStandardError()).constData());
    QCOMPARE(outA.split(' ').value(1), outB.split(' ').value(1)); // the same token
    QCOMPARE(m_f->server.refreshCount(QStringLiteral("partner-api")) - before, 1);
    QCOMPARE(m_f->server.reuseDetections(), 0);
}

void TestCrossProcess::killedBetweenKeychainAndConfigLosesNothing()
{
    expireAccessToken();
    // No credential: a re-login is impossible, so only the rotated refresh token can save the day.
    bool removed = false;
    m_keychain->remove(m_id, SecretKind::Credential, nullptr, [&](const SecretResult &) { removed = true; });
    QTRY_VERIFY(removed);

    QProcess *crashing = startAgent({QStringLiteral("--op"), QStringLiteral("ensure"), QStringLiteral("--crash-before-config")});
    QTRY_VERIFY_WITH_TIMEOUT(crashing->state() == QProcess::NotRunning, 30000);
    QCOMPARE(crashing->exitStatus(), QProcess::CrashExit);
    QCOMPARE(m_f->server.refreshCount(QStringLiteral("partner-api")), 1); // the old refresh token is spent

    // Restart: the config still holds the old expiry; the keychain holds the new refresh token.
    QVERIFY(m_f->store->reload().ok());
    QVERIFY(m_f->account(m_id).token.accessExpiresAt < QDateTime::currentDateTimeUtc());
    QProcess *restarted = startAgent({QStringLiteral("--op"), QStringLiteral("ensure"), QStringLiteral("--min-valid"),
                                      QString::number(m_f->server.accessLifetime() + 60)});
    QTRY_VERIFY_WITH_TIMEOUT(restarted->state() == QProcess::NotRunning, 30000);
    const QByteArray out = restarted->readAllStandardOutput().trimmed();
    QVERIFY2(restarted->exitCode() == 0 && out.startsWith("ok "), QByteArray(out + restarted->readAllStandardError()).constData());
    QCOMPARE(m_f->server.refreshCount(QStringLiteral("partner-api")), 2);
    QCOMPARE(m_f->server.reuseDetections(), 0);
}

void TestCrossProcess::guiAndAgentAtOnce()
{
    // This process (as the GUI would) and an agent (as the CLI would) refresh at the same moment.
    expireAccessToken();
    QProcess *agent = startAgent({QStringLiteral("--op"), QStringLiteral("ensure")});
    bool done = false;
    TokenResult mine;
    m_f->manager->ensureValid(m_id, 30, &m_f->context, [&](const TokenResult &r) {
        mine = r;
        done = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done && agent->state() == QProcess::NotRunning, 30000);
    QVERIFY2(!mine.error, qPrintable(mine.error.message));
    QCOMPARE(agent->exitCode(), 0);
    QCOMPARE(m_f->server.refreshCount(QStringLiteral("partner-api")), 1);
    QCOMPARE(m_f->server.reuseDetections(), 0);
}

QTEST_GUILESS_MAIN(TestCrossProcess)
#include "tst_crossprocess.moc"
