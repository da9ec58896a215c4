// tokendesk-demo-providers: the demo provider server as a process, for CLI tests and manual trials.
// Prints the port alone on stdout's first line, the base URLs and demo credentials on stderr, and runs
// until SIGTERM, SIGINT or SIGHUP.

#include "QuitOnSignals.h"
#include "demo/DemoServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace {

int positiveOption(const QCommandLineParser &parser, const QString &name, int fallback, bool *ok) {
    if (!parser.isSet(name))
        return fallback;
    const int value = parser.value(name).toInt(ok);
    if (*ok && value <= 0)
        *ok = false;
    return value;
}

} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tokendesk-demo-providers"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TOKENDESK_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Loopback server speaking the five TokenDesk provider APIs with demo credentials."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QString portOption = QStringLiteral("port");
    const QString accessOption = QStringLiteral("access-lifetime");
    const QString refreshOption = QStringLiteral("refresh-lifetime");
    parser.addOptions({
        {portOption, QStringLiteral("TCP port on 127.0.0.1 (default 0: any free port)."),
         QStringLiteral("N")},
        {accessOption, QStringLiteral("Access token lifetime in seconds (default 300)."),
         QStringLiteral("S")},
        {refreshOption, QStringLiteral("Refresh token lifetime in seconds (default 3600)."),
         QStringLiteral("S")},
    });
    parser.process(app);

    bool ok = true;
    const uint port = parser.isSet(portOption) ? parser.value(portOption).toUInt(&ok) : 0;
    if (!ok || port > 65535) {
        std::fprintf(stderr, "tokendesk-demo-providers: --port wants a number from 0 to 65535\n");
        return 2;
    }
    DemoServer server;
    const int access = positiveOption(parser, accessOption, server.accessLifetime(), &ok);
    const int refresh = ok ? positiveOption(parser, refreshOption, server.refreshLifetime(), &ok) : 0;
    if (!ok) {
        std::fprintf(stderr, "tokendesk-demo-providers: lifetimes must be positive numbers of seconds\n");
        return 2;
    }
    server.setAccessLifetime(access);
    server.setRefreshLifetime(refresh);

    if (!QuitOnSignals::install(&app, &QCoreApplication::quit)) {
        std::perror("tokendesk-demo-providers: cannot install signal handlers");
        return 1;
    }
    if (!server.listen(QHostAddress::LocalHost, static_cast<quint16>(port))) {
        std::fprintf(stderr, "tokendesk-demo-providers: cannot listen: %s\n",
                     qPrintable(server.errorString()));
        return 1;
    }

    std::printf("%u\n", static_cast<unsigned>(server.port()));
    std::fflush(stdout);

    std::fprintf(stderr, "Demo providers listening on 127.0.0.1:%u\n", static_cast<unsigned>(server.port()));
    for (const DemoAccount &account : DemoServer::demoAccounts()) {
        // These are the demo's public credentials, printed on purpose; they open nothing else.
        std::fprintf(stderr, "  %-16s %s  %s%s%s\n", qPrintable(account.presetId),
                     qPrintable(server.baseUrl(account.presetId).toString()), qPrintable(account.username),
                     account.username.isEmpty() ? "" : " / ", account.secret.constData());
    }
    std::fflush(stderr);

    const int code = QCoreApplication::exec();
    server.close();
    return code;
}
