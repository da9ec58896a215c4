#pragma once

#include "CliCommand.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QStringList>

class Output;

// tokendesk-cli's dispatcher: parses the global options and the command's own, prints help, builds the
// core (the GUI's CoreServices, so both share accounts, keychain entries and locks), runs the command
// and returns its exit status.
class CliApplication {
    Q_DECLARE_TR_FUNCTIONS(Cli)
public:
    explicit CliApplication(Output &out);

    int run(const QStringList &arguments);

    static constexpr int kDefaultTimeoutSeconds = 30;
    static constexpr int kMaxTimeoutSeconds = 3600;
    static constexpr int kMaxKeychainTimeoutMs = 10000;

private:
    const CliCommand *find(const QString &name) const;
    bool isGroup(const QString &name) const; // "headers": the first word of subcommands
    QString groupHelp(const QString &group) const;
    QString subcommands(const QString &group) const; // "list, add, delete"
    int dispatch(const QStringList &arguments); // run() without the check of stdout
    int runCommand(const CliCommand &command, const QStringList &arguments);
    QString generalHelp(const QCommandLineParser &parser) const;
    void configure(QCommandLineParser &parser, const CliCommand &command) const;

    Output &m_out;
    QList<CliCommand> m_commands;
    QCommandLineOption m_timeout;
    QCommandLineOption m_help;
    QCommandLineOption m_version;
};
