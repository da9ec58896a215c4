// The HTTP module (app/net) missing or broken: every request fails with a Configuration error that names
// the file and says to reinstall; nothing is sent. With the module where the build tree keeps it, the
// same request reaches the server.
#include "auth/HttpClient.h"
#include "auth/HttpModule.h"

#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

class TestHttpModule : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void missingModuleNamesTheFile();
    void brokenModuleNamesTheFile();
    void foundModuleSends();

private:
    HttpResult sendWith(const QStringList &moduleDirectories);

    QTcpServer m_server; // accepts, never answers: the test only asks whether a connection came
};

void TestHttpModule::initTestCase()
{
    QVERIFY(m_server.listen(QHostAddress::LocalHost));
}

HttpResult TestHttpModule::sendWith(const QStringList &moduleDirectories)
{
    HttpClient http;
    http.setModuleDirectories(moduleDirectories);
    http.setTimeout(2000);
    HttpCall call;
    call.url = QUrl(QStringLiteral("http://127.0.0.1:%1/token").arg(m_server.serverPort()));
    HttpResult result;
    bool done = false;
    connect(http.send(call), &HttpJob::finished, this, [&](const HttpResult &r) {
        result = r;
        done = true;
    });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(done, 10000); }();
    return result;
}

void TestHttpModule::missingModuleNamesTheFile()
{
    QTemporaryDir empty;
    const HttpResult r = sendWith({empty.path()});
    QCOMPARE(r.error.kind, AuthError::Kind::Configuration);
    QVERIFY2(r.error.message.contains(empty.path() + QLatin1Char('/') + HttpModule::fileName()), qPrintable(r.error.message));
    QVERIFY2(r.error.message.contains(QLatin1String("Reinstall TokenDesk")), qPrintable(r.error.message));
    QVERIFY(!m_server.waitForNewConnection(200));
}

void TestHttpModule::brokenModuleNamesTheFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(HttpModule::fileName());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not an ELF file");
    file.close();
    const HttpResult r = sendWith({dir.path()});
    QCOMPARE(r.error.kind, AuthError::Kind::Configuration);
    QVERIFY2(r.error.message.contains(path), qPrintable(r.error.message));
    QVERIFY2(r.error.message.contains(QLatin1String("Reinstall TokenDesk")), qPrintable(r.error.message));
    QVERIFY(!m_server.waitForNewConnection(200));
}

void TestHttpModule::foundModuleSends()
{
    QTemporaryDir empty; // searched first, as the installed layout is; then the build tree's module
    const HttpResult r = sendWith(QStringList{empty.path()} + HttpModule::searchPaths());
    QCOMPARE(r.error.kind, AuthError::Kind::Timeout); // the server never answers
    QVERIFY(m_server.hasPendingConnections() || m_server.waitForNewConnection(1000));
}

QTEST_GUILESS_MAIN(TestHttpModule)
#include "tst_httpmodule.moc"
