// The standalone tokendesk-demo-providers executable: port on stdout's first line, a working login,
// a clean exit on SIGTERM.

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

class TestDemoProvidersProcess : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void runsLogsInAndTerminates();
    void helpAndVersion();
    void refusesBadOptions();
};

void TestDemoProvidersProcess::runsLogsInAndTerminates() {
    QProcess process;
    process.start(QStringLiteral(TOKENDESK_DEMO_PROVIDERS_EXE),
                  {QStringLiteral("--access-lifetime"), QStringLiteral("120")});
    QVERIFY(process.waitForStarted(5000));
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 10000);
    bool ok = false;
    const int port = process.readLine().trimmed().toInt(&ok);
    QVERIFY(ok);
    QVERIFY(port > 0 && port < 65536);

    QNetworkAccessManager manager;
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/quadrata/api/v1/login").arg(port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    request.setTransferTimeout(5000);
    QNetworkReply *reply = manager.post(request, QByteArray(R"({"apiKey":"demo-quadrata-key"})"));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QByteArray token = QJsonDocument::fromJson(reply->readAll())
                                 .object()
                                 .value(u"data")
                                 .toObject()
                                 .value(u"accessToken")
                                 .toString()
                                 .toLatin1();
    const QJsonObject claims = QJsonDocument::fromJson(QByteArray::fromBase64(token.split('.').value(1),
                                                                              QByteArray::Base64UrlEncoding))
                                   .object();
    QCOMPARE(claims.value(u"exp").toInteger() - claims.value(u"iat").toInteger(), qint64(120));
    reply->deleteLater();

    process.terminate(); // SIGTERM
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    const QByteArray diagnostics = process.readAllStandardError();
    QVERIFY(diagnostics.contains("/b2b-api"));
    QVERIFY(diagnostics.contains("demo-b2b-password"));
    QVERIFY(process.readAllStandardOutput().trimmed().isEmpty()); // the port line only
}

void TestDemoProvidersProcess::helpAndVersion() {
    QProcess process;
    process.start(QStringLiteral(TOKENDESK_DEMO_PROVIDERS_EXE), {QStringLiteral("--version")});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().startsWith("tokendesk-demo-providers "));

    process.start(QStringLiteral(TOKENDESK_DEMO_PROVIDERS_EXE), {QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().contains("--refresh-lifetime"));
}

void TestDemoProvidersProcess::refusesBadOptions() {
    QProcess process;
    process.start(QStringLiteral(TOKENDESK_DEMO_PROVIDERS_EXE),
                  {QStringLiteral("--port"), QStringLiteral("70000")});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    process.start(QStringLiteral(TOKENDESK_DEMO_PROVIDERS_EXE),
                  {QStringLiteral("--access-lifetime"), QStringLiteral("0")});
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
}

QTEST_GUILESS_MAIN(TestDemoProvidersProcess)
#include "tst_demoprovidersprocess.moc"
