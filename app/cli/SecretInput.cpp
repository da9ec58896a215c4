#include "SecretInput.h"
#include "Hardening.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <termios.h>
#include <unistd.h>
#include <utility>

namespace {

// The terminal settings to restore if the user presses Ctrl+C at the prompt.
termios g_savedTerminal;
volatile sig_atomic_t g_echoOff = 0;

void restoreTerminalAndDie(int signal) {
    if (g_echoOff)
        ::tcsetattr(STDIN_FILENO, TCSANOW, &g_savedTerminal);
    std::signal(signal, SIG_DFL);
    std::raise(signal);
}

void wipe(QByteArray &bytes) {
    Hardening::wipe(bytes);
}

// Reads up to EOF, or up to the first newline when `oneLine`; false on a read error.
bool readFd(int fd, QByteArray *into, bool oneLine, qsizetype limit) {
    char c;
    while (into->size() <= limit) {
        const ssize_t n = ::read(fd, &c, 1);
        if (n == 0)
            return true;
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (oneLine && c == '\n')
            return true;
        into->append(c);
    }
    return true;
}

void chopLineBreak(QByteArray &bytes) {
    if (bytes.endsWith('\n'))
        bytes.chop(1);
    if (bytes.endsWith('\r'))
        bytes.chop(1);
}

} // namespace

SecretInput::Result SecretInput::read(const QString &prompt) {
    return ::isatty(STDIN_FILENO) ? readTerminal(prompt) : readPipe();
}

SecretInput::Result SecretInput::readPipe() {
    Result result;
    QByteArray bytes;
    bytes.reserve(256);
    if (!readFd(STDIN_FILENO, &bytes, false, kMaxBytes)) {
        wipe(bytes);
        result.error = tr("Could not read the secret from standard input.");
        return result;
    }
    if (bytes.size() > kMaxBytes) {
        wipe(bytes);
        result.error = tr("The secret on standard input is longer than %1 bytes.").arg(kMaxBytes);
        return result;
    }
    chopLineBreak(bytes);
    if (bytes.isEmpty())
        result.error = tr("No secret on standard input. Pipe the API key or password in, for example: "
                          "tokendesk-cli add … < keyfile");
    result.secret = std::move(bytes);
    return result;
}

SecretInput::Result SecretInput::readTerminal(const QString &prompt) {
    Result result;
    const QByteArray promptBytes = prompt.toUtf8();
    std::fputs(promptBytes.constData(), stderr);
    std::fflush(stderr);

    termios settings;
    const bool haveTerminal = ::tcgetattr(STDIN_FILENO, &settings) == 0;
    if (haveTerminal) {
        g_savedTerminal = settings;
        g_echoOff = 1;
        std::signal(SIGINT, restoreTerminalAndDie);
        std::signal(SIGTERM, restoreTerminalAndDie);
        std::signal(SIGHUP, restoreTerminalAndDie);
        settings.c_lflag &= ~tcflag_t(ECHO);
        settings.c_lflag |= ECHONL;
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &settings);
    }
    QByteArray bytes;
    const bool ok = readFd(STDIN_FILENO, &bytes, true, kMaxBytes);
    if (haveTerminal) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_savedTerminal);
        g_echoOff = 0;
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        std::signal(SIGHUP, SIG_DFL);
    }
    chopLineBreak(bytes);
    if (!ok || bytes.size() > kMaxBytes) {
        wipe(bytes);
        result.error = tr("Could not read the secret from the terminal.");
        return result;
    }
    if (bytes.isEmpty())
        result.error = tr("No secret entered.");
    result.secret = std::move(bytes);
    return result;
}
