// The floor for figure 6: one QtKeychain job in a bare QCoreApplication, as tokendesk-cli does it through
// KeychainSecretStore (binary data, no plaintext fallback). scripts/bench.sh times it beside
// `tokendesk-cli token` and `login`, so the table shows which part of a command is the keychain
// library's and which is TokenDesk's own. Prints nothing (a read's secret stays in the process); the exit
// status is QtKeychain's error code (0: success).
//
//   bench_keychain_floor read SERVICE KEY
//   bench_keychain_floor write SERVICE KEY     (stores a fixed, non-secret value)
#include <QCoreApplication>
#include <QStringList>

#include <qt6keychain/keychain.h>

#include <cstdio>

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString mode = args.value(1);
    if (args.size() != 4 || (mode != u"read" && mode != u"write")) {
        std::fprintf(stderr, "usage: bench_keychain_floor read|write SERVICE KEY\n");
        return 2;
    }
    QKeychain::Job *job = nullptr;
    if (mode == u"read") {
        job = new QKeychain::ReadPasswordJob(args.at(2));
    } else {
        auto *write = new QKeychain::WritePasswordJob(args.at(2));
        write->setBinaryData(QByteArrayLiteral("bench-keychain-floor-value"));
        job = write;
    }
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(args.at(3));
    QObject::connect(job, &QKeychain::Job::finished, &app, [job] { QCoreApplication::exit(job->error()); });
    job->start();
    const int status = app.exec();
    delete job;
    return status;
}
