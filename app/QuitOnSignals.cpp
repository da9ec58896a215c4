#include "QuitOnSignals.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int g_signalFd[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    // Only async-signal-safe calls here: wake the event loop through the socket pair.
    [[maybe_unused]] const ssize_t written = ::write(g_signalFd[0], &byte, 1);
}

} // namespace

bool QuitOnSignals::install(QObject *context, std::function<void()> quit)
{
    if (g_signalFd[0] >= 0 || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalFd) != 0)
        return false;
    auto *notifier = new QSocketNotifier(g_signalFd[1], QSocketNotifier::Read, context);
    QObject::connect(notifier, &QSocketNotifier::activated, context, [notifier, quit = std::move(quit)] {
        notifier->setEnabled(false); // once: a second signal while quitting changes nothing
        char byte;
        [[maybe_unused]] const ssize_t got = ::read(g_signalFd[1], &byte, 1);
        quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    return ::sigaction(SIGTERM, &action, nullptr) == 0 && ::sigaction(SIGINT, &action, nullptr) == 0
           && ::sigaction(SIGHUP, &action, nullptr) == 0;
}
