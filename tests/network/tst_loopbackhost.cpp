// HttpClient::isLoopbackHost without QtNetwork agrees with QHostAddress::isLoopback, which it replaced.
#include "auth/HttpClient.h"

#include <QHostAddress>
#include <QTest>

class TestLoopbackHost : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void agreesWithQHostAddress_data();
    void agreesWithQHostAddress();
};

void TestLoopbackHost::agreesWithQHostAddress_data()
{
    QTest::addColumn<QString>("host");
    const char *hosts[] = {"127.0.0.1", "127.255.255.254", "127.1", "127.0.1", "0x7f.1", "0177.0.0.1",
                           "128.0.0.1", "10.0.0.1", "126.255.255.255", "1.127.0.0", "::1", "0:0:0:0:0:0:0:1",
                           "0000::0001", "::2", "::", "::ffff:127.0.0.1", "::ffff:7f00:1", "::ffff:10.0.0.1",
                           "fe80::1", "2001:db8::1", "127.0.0.256", "127.0.0.1.5", "127.example.com",
                           "example.com", "", "1::1", "::127.0.0.1", "[::1]", "127.0.0.01"};
    for (const char *host : hosts)
        QTest::newRow(host) << QString::fromLatin1(host);
}

void TestLoopbackHost::agreesWithQHostAddress()
{
    QFETCH(QString, host);
    const QHostAddress address(host);
    QCOMPARE(HttpClient::isLoopbackHost(host), !address.isNull() && address.isLoopback());
}

QTEST_GUILESS_MAIN(TestLoopbackHost)
#include "tst_loopbackhost.moc"
