#pragma once

#include "ExitCode.h"
#include "auth/AuthError.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdio>

class QJsonDocument;
struct SecretResult;

// Where tokendesk-cli's words go. stdout carries only what a script asked for (a token, a header line,
// JSON, a table); everything meant for people goes to stderr, errors as "tokendesk-cli: <sentence>".
class Output {
    Q_DECLARE_TR_FUNCTIONS(Cli)
public:
    explicit Output(std::FILE *out = stdout, std::FILE *err = stderr);

    void data(const QByteArray &bytes);         // stdout, as is, plus a newline
    void text(const QString &text);             // stdout, UTF-8, plus a newline
    void json(const QJsonDocument &document);   // stdout, indented
    void table(const QList<QStringList> &rows); // stdout, columns aligned with spaces
    // Whether everything sent to stdout got there (a full disk, a closed pipe, /dev/full: not so). After a
    // failure nothing more is written to stdout, and outputError() says why, for people.
    bool outputFailed() const { return m_outError != 0; }
    QString outputError() const;
    void note(const QString &text);             // stderr, for people
    void error(const QString &text);            // stderr, "tokendesk-cli: <text>"

    // Prints the error's sentence, the provider's own words and, when rate limited, when to retry.
    // Returns the exit code for its kind. With the account's name, a missing credential names the command
    // that stores it instead of the window's "edit the account".
    ExitCode authError(const AuthError &error, const QString &accountName = {});
    // Prints why the keychain failed, one sentence; returns ExitCode::Keychain.
    ExitCode keychainError(const SecretResult &result);
    // Prints the problem and where to read the usage; returns ExitCode::Usage.
    ExitCode usage(const QString &problem, const QString &command = {});

    // ISO 8601 in UTC with a Z ("2026-06-26T07:56:42Z"); null for an invalid instant.
    static QJsonValue isoOrNull(const QDateTime &instant);
    static QString isoUtc(const QDateTime &instant);
    // "4 min 10 s", "2 h 5 min", for people.
    static QString duration(qint64 seconds);

private:
    std::FILE *m_out;
    std::FILE *m_err;
    int m_outError = 0; // errno of the first failed write to m_out
};
