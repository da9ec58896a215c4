#pragma once

#include "ExitCode.h"
#include "accounts/Account.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <utility>

class CoreServices;
class Output;

// What a command gets to work with: the core, the output, its parsed command line.
class CliContext {
    Q_DECLARE_TR_FUNCTIONS(Cli)
public:
    CliContext(CoreServices &core, Output &out, const QCommandLineParser &parser, const QString &command,
               const QStringList &arguments)
        : core(core)
        , out(out)
        , parser(parser)
        , command(command)
        , arguments(arguments) {}

    // The account called `name`; prints a usage error (unknown account) and returns nullopt if none.
    std::optional<Account> account(const QString &name) const;
    bool isSet(const QString &option) const { return parser.isSet(option); }
    QString value(const QString &option) const { return parser.value(option); }
    ExitCode usage(const QString &problem) const;
    // After a successful login of the account: one warning line on stderr when the provider said its
    // password has expired or expires within TokenMeta::kPasswordWarningDays (as the window shows it).
    // Nothing when the account's last operation was no login.
    void warnIfPasswordExpires(const QString &accountId) const;

    CoreServices &core;
    Output &out;
    const QCommandLineParser &parser;
    const QString command;
    const QStringList arguments; // the positional arguments after the command's name
};

// One `tokendesk-cli <name> …` command: its help and what it does.
struct CliCommand {
    struct Argument {
        QString name; // "NAME"
        QString description;
    };

    QString name;    // "token"; a subcommand is "group sub": "headers list"
    QString summary; // one line, for the general help
    QList<Argument> arguments;
    bool variadic = false; // the last argument may be repeated or left out ("export [NAME…]")
    QList<QCommandLineOption> options;
    // Pairs of options (long names) that choose different outputs: giving both is a usage error (exit 2)
    // that names them, never one silently winning.
    QList<std::pair<QString, QString>> conflicting;
    std::function<ExitCode(CliContext &)> run;
};

// The command groups, one file each.
namespace CliCommands {
QList<CliCommand> providerCommands(); // providers
QList<CliCommand> accountCommands();  // add, remove
QList<CliCommand> listCommands();     // list
QList<CliCommand> sessionCommands();  // login, refresh, logout
QList<CliCommand> tokenCommands();    // token
QList<CliCommand> headerCommands();   // headers list, headers add, headers delete
QList<CliCommand> exchangeCommands(); // export, import, credential
} // namespace CliCommands
