// TLS errors are never ignored: a login to a server with a self-signed certificate fails with Kind::Tls,
// says what is wrong with the certificate, and the server never sees a byte of the request.
// The certificate is made at test time with the openssl command-line tool.

#include "NetworkTestSupport.h"

#include "demo/DemoCredentials.h"

#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace NetTest;
using Kind = AuthError::Kind;

namespace {

// Qt 6.4 has no QSslServer: a QTcpServer that wraps every connection in a server-side QSslSocket and
// records what it could decrypt.
class TlsServer : public QTcpServer
{
public:
    TlsServer(const QSslCertificate &certificate, const QSslKey &key)
        : m_certificate(certificate)
        , m_key(key)
    {
    }

    int connections() const { return m_connections; }
    int closed() const { return m_closed; }
    QByteArray decrypted() const { return m_decrypted; }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        ++m_connections;
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        socket->setPeerVerifyMode(QSslSocket::VerifyNone);
        connect(socket, &QSslSocket::readyRead, this, [this, socket] { m_decrypted += socket->readAll(); });
        connect(socket, &QSslSocket::encrypted, this, [socket] {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                          "Connection: close\r\n\r\n{}");
        });
        connect(socket, &QSslSocket::disconnected, this, [this, socket] {
            ++m_closed;
            socket->deleteLater();
        });
        connect(socket, &QSslSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError) {
            if (socket->state() == QAbstractSocket::UnconnectedState)
                ++m_closed;
        });
        socket->startServerEncryption();
    }

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
    int m_connections = 0;
    int m_closed = 0;
    QByteArray m_decrypted;
};

} // namespace

class TestTls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void serverWorksForAClientThatTrustsIt();
    void selfSignedCertificateIsRefused();
    void hostNameMismatchIsNamed();

private:
    QUrl baseUrl(const QString &host) const;

    QTemporaryDir m_dir;
    QSslCertificate m_certificate;
    QSslKey m_key;
    std::unique_ptr<TlsServer> m_server;
    std::unique_ptr<AuthStack> m_stack;
};

void TestTls::initTestCase()
{
    if (!QSslSocket::supportsSsl())
        QFAIL("Qt has no working TLS backend (install libssl3 / the openssl TLS plugin)");
    const QString openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    if (openssl.isEmpty())
        QFAIL("The openssl command is missing: add the Debian package `openssl` to scripts/setup.sh");
    QVERIFY(m_dir.isValid());
    const QString certPath = m_dir.filePath(QStringLiteral("cert.pem"));
    const QString keyPath = m_dir.filePath(QStringLiteral("key.pem"));

    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(openssl, {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                            QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost"),
                            QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certPath});
    QVERIFY2(process.waitForFinished(60000), "openssl req did not finish");
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0,
             process.readAll().constData());

    QFile certFile(certPath);
    QVERIFY(certFile.open(QIODevice::ReadOnly));
    m_certificate = QSslCertificate(&certFile, QSsl::Pem);
    QVERIFY(!m_certificate.isNull());
    QVERIFY(m_certificate.isSelfSigned());
    QFile keyFile(keyPath);
    QVERIFY(keyFile.open(QIODevice::ReadOnly));
    m_key = QSslKey(&keyFile, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    QVERIFY(!m_key.isNull());
}

void TestTls::init()
{
    m_server = std::make_unique<TlsServer>(m_certificate, m_key);
    QVERIFY(m_server->listen(QHostAddress::LocalHost, 0));
    m_stack = std::make_unique<AuthStack>();
}

void TestTls::cleanup()
{
    m_stack.reset();
    m_server.reset();
}

QUrl TestTls::baseUrl(const QString &host) const
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(host);
    url.setPort(m_server->serverPort());
    url.setPath(QStringLiteral("/b2b-api"));
    return url;
}

void TestTls::serverWorksForAClientThatTrustsIt()
{
    // Control: with the certificate trusted, the handshake completes and the server reads plain text,
    // so "nothing decrypted" below means the client refused, not that the server is broken.
    QSslSocket client;
    client.setProxy(QNetworkProxy::NoProxy);
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates({m_certificate});
    client.setSslConfiguration(config);
    QSignalSpy encrypted(&client, &QSslSocket::encrypted);
    QSignalSpy sslErrors(&client, &QSslSocket::sslErrors);
    // Asynchronous: the server lives in this thread, so a waitFor…() would starve it.
    client.connectToHostEncrypted(QStringLiteral("localhost"), m_server->serverPort());
    QTRY_COMPARE_WITH_TIMEOUT(encrypted.count(), 1, 10000);
    QCOMPARE(sslErrors.count(), 0);
    client.write("ping");
    QTRY_COMPARE_WITH_TIMEOUT(m_server->decrypted(), QByteArray("ping"), 5000);
    client.disconnectFromHost();
}

void TestTls::selfSignedCertificateIsRefused()
{
    const QString preset = QStringLiteral("b2b-api");
    const QByteArray password = DemoCredentials::b2bPassword().toUtf8();
    const auto outcome = finish(m_stack->client.login(account(preset, baseUrl(QStringLiteral("localhost")),
                                                              DemoCredentials::b2bUsername()),
                                                      m_stack->profile(preset), password),
                                15000);
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::Tls);
    QVERIFY2(outcome->error.message.contains(QLatin1String("self signed"), Qt::CaseInsensitive)
                 || outcome->error.message.contains(QLatin1String("self-signed"), Qt::CaseInsensitive),
             qPrintable(outcome->error.message));
    QVERIFY2(outcome->error.message.contains(QLatin1String("localhost")), qPrintable(outcome->error.message));
    QVERIFY(outcome->tokens.accessToken.isEmpty());

    QVERIFY(m_server->connections() >= 1); // the handshake was attempted
    QTRY_VERIFY_WITH_TIMEOUT(m_server->closed() >= 1, 5000);
    QVERIFY2(m_server->decrypted().isEmpty(), m_server->decrypted().constData());
}

void TestTls::hostNameMismatchIsNamed()
{
    // The certificate is for localhost; 127.0.0.1 is not in it.
    const QString preset = QStringLiteral("b2b-api");
    const auto outcome = finish(m_stack->client.login(account(preset, baseUrl(QStringLiteral("127.0.0.1")),
                                                              DemoCredentials::b2bUsername()),
                                                      m_stack->profile(preset),
                                                      DemoCredentials::b2bPassword().toUtf8()),
                                15000);
    QVERIFY(outcome);
    COMPARE_KIND(outcome->error.kind, Kind::Tls);
    QVERIFY2(outcome->error.message.contains(QLatin1String("host name"), Qt::CaseInsensitive),
             qPrintable(outcome->error.message));
    QTRY_VERIFY_WITH_TIMEOUT(m_server->closed() >= 1, 5000);
    QVERIFY2(m_server->decrypted().isEmpty(), m_server->decrypted().constData());
}

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
