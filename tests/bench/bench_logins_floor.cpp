// The floor for bench_logins: the same 1,000 login requests (POST /b2b-api/auth/login with the demo
// credential as JSON) sent at once by a bare QNetworkAccessManager to tokendesk-demo-providers, each
// answer read and parsed as JSON. Qt Core and Network only. Reports the same figures as bench_logins.
//
//   bench_logins_floor --port PORT [--count N]
#include "StallMeter.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

#include <cstdio>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int port = BenchProbe::option(args, QStringLiteral("--port"), QString()).toInt();
    const int count = BenchProbe::option(args, QStringLiteral("--count"), QStringLiteral("1000")).toInt();
    if (port <= 0) {
        std::fprintf(stderr, "usage: bench_logins_floor --port PORT [--count N]\n");
        return 2;
    }
    QNetworkAccessManager network;
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/b2b-api/auth/login").arg(port));
    // The demo server's public b2b-api demo credential (see README, "The demo providers").
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("username"), QStringLiteral("demo-b2b")},
                                  {QStringLiteral("password"), QStringLiteral("demo-b2b-password")}})
            .toJson(QJsonDocument::Compact);

    int done = 0;
    int failed = 0;
    StallMeter stalls;
    qint64 start = 0;
    QTimer::singleShot(500, &app, [&] {
        stalls.start();
        start = BenchProbe::monotonicNs();
        for (int i = 0; i < count; ++i) {
            QNetworkRequest request(url);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            QNetworkReply *reply = network.post(request, body);
            QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply] {
                const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
                if (reply->error() != QNetworkReply::NoError ||
                    !answer.contains(QStringLiteral("access_token")))
                    ++failed;
                reply->deleteLater();
                if (++done == count) {
                    const double wall = double(BenchProbe::monotonicNs() - start) / 1e6;
                    BenchProbe::result("login_wall_ms", wall);
                    BenchProbe::result("login_stall_ms", stalls.stop());
                    BenchProbe::result("login_failed", failed);
                    QCoreApplication::quit();
                }
            });
        }
    });
    return QCoreApplication::exec();
}
