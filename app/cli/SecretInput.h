#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// Reads a secret (API key or password) for `add`: from stdin when it is not a terminal (a pipe or a
// file: everything up to EOF, minus one trailing line break), else from a prompt on stderr with echo
// turned off. Never from an argument: it would show in `ps` and the shell history.
class SecretInput {
    Q_DECLARE_TR_FUNCTIONS(Cli)
public:
    struct Result {
        QByteArray secret; // empty on failure
        QString error;     // for people
    };

    static Result read(const QString &prompt);

    static constexpr qsizetype kMaxBytes = 64 * 1024;

private:
    static Result readPipe();
    static Result readTerminal(const QString &prompt);
};
