#pragma once

#include <functional>

class QObject;

// SIGTERM, SIGINT and SIGHUP (a session logging out, `systemctl --user stop`, Ctrl+C in a terminal) run
// `quit` on the event loop, through a socket pair: the process leaves by its normal quit path (settings
// saved, clipboard cleared) instead of dying where it stands. `context` owns the notifier. False when the
// handlers could not be installed.
namespace QuitOnSignals {
bool install(QObject *context, std::function<void()> quit);
}
