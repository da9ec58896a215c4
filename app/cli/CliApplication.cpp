#include "CliApplication.h"

#include "CoreServices.h"
#include "Output.h"

namespace {

// QCommandLineParser names the program by the path it was started with; help reads better with its name.
QString helpText(const QCommandLineParser &parser) {
    QString text = parser.helpText().trimmed();
    const QString program = QCoreApplication::arguments().value(0);
    const qsizetype at = text.indexOf(program);
    if (!program.isEmpty() && at >= 0 && at < text.indexOf(QLatin1Char('\n')))
        text.replace(at, program.size(), QStringLiteral("tokendesk-cli"));
    return text;
}

} // namespace

CliApplication::CliApplication(Output &out)
    : m_out(out)
    , m_timeout(QStringLiteral("timeout"),
                tr("Give up on a provider or keychain that does not answer, or on another TokenDesk process renewing the "
                   "same account, within SECONDS (default %1).")
                    .arg(kDefaultTimeoutSeconds),
                QStringLiteral("SECONDS"), QString::number(kDefaultTimeoutSeconds))
    , m_help(QStringList{QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."))
    , m_version(QStringLiteral("version"), tr("Show the version.")) {
    QList<CliCommand> all;
    all << CliCommands::providerCommands() << CliCommands::accountCommands() << CliCommands::listCommands()
        << CliCommands::sessionCommands() << CliCommands::tokenCommands() << CliCommands::headerCommands()
        << CliCommands::exchangeCommands();
    // The general help lists them in the order a new user needs them.
    for (const char *name : {"providers", "add", "list", "token", "login", "refresh", "logout", "remove",
                             "headers list", "headers add", "headers delete", "export", "import", "credential"}) {
        for (const CliCommand &c : std::as_const(all)) {
            if (c.name == QLatin1String(name))
                m_commands.append(c);
        }
    }
    Q_ASSERT(m_commands.size() == all.size());
}

bool CliApplication::isGroup(const QString &name) const {
    for (const CliCommand &c : m_commands) {
        if (c.name.startsWith(name + QLatin1Char(' ')))
            return true;
    }
    return false;
}

QString CliApplication::subcommands(const QString &group) const {
    QStringList names;
    for (const CliCommand &c : m_commands) {
        if (c.name.startsWith(group + QLatin1Char(' ')))
            names << c.name.mid(group.size() + 1);
    }
    return names.join(QStringLiteral(", "));
}

QString CliApplication::groupHelp(const QString &group) const {
    QString text = tr("Usage: tokendesk-cli %1 COMMAND [ARGS…]").arg(group) + QStringLiteral("\n\n") +
                   tr("Commands:") + QLatin1Char('\n');
    for (const CliCommand &c : m_commands) {
        if (c.name.startsWith(group + QLatin1Char(' ')))
            text += QStringLiteral("  ") + c.name.mid(group.size() + 1).leftJustified(8) + c.summary +
                    QLatin1Char('\n');
    }
    text +=
        QLatin1Char('\n') + tr("Run 'tokendesk-cli %1 COMMAND --help' for a command's options.").arg(group);
    return text;
}

const CliCommand *CliApplication::find(const QString &name) const {
    for (const CliCommand &c : m_commands) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

int CliApplication::run(const QStringList &arguments) {
    int code = dispatch(arguments);
    // A token that never reached its file must not look like success to the script that asked for it.
    if (m_out.outputFailed()) {
        m_out.error(m_out.outputError());
        if (code == toInt(ExitCode::Ok))
            code = toInt(ExitCode::Failure);
    }
    return code;
}

int CliApplication::dispatch(const QStringList &arguments) {
    // First pass: global options up to the command's name; the rest is the command's to parse.
    QCommandLineParser global;
    global.setApplicationDescription(
        tr("Valid tokens and header lines for third-party HTTP APIs, from the accounts and keychain entries "
           "TokenDesk shares with its window."));
    global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    global.addOptions({m_timeout, m_help, m_version});
    global.addPositionalArgument(QStringLiteral("command"), tr("One of the commands below."),
                                 QStringLiteral("COMMAND [ARGS…]"));
    if (!global.parse(arguments))
        return toInt(m_out.usage(global.errorText()));

    const QStringList positional = global.positionalArguments();
    if (positional.isEmpty()) {
        if (global.isSet(m_help)) {
            m_out.text(generalHelp(global));
            return toInt(ExitCode::Ok);
        }
        if (global.isSet(m_version)) {
            m_out.text(QCoreApplication::applicationName() + QLatin1Char(' ') +
                       QCoreApplication::applicationVersion());
            return toInt(ExitCode::Ok);
        }
        return toInt(m_out.usage(tr("No command given.")));
    }

    QString name = positional.first();
    if (name == u"help") { // "help" and "help COMMAND"
        if (positional.size() == 1) {
            m_out.text(generalHelp(global));
            return toInt(ExitCode::Ok);
        }
        name = positional.at(1);
        if (isGroup(name)) { // "help headers" and "help headers list"
            if (positional.size() == 2) {
                m_out.text(groupHelp(name));
                return toInt(ExitCode::Ok);
            }
            name += QLatin1Char(' ') + positional.at(2);
        }
        if (!find(name))
            return toInt(m_out.usage(tr("Unknown command \"%1\".").arg(name)));
        return runCommand(*find(name), QStringList{arguments.value(0)} + name.split(QLatin1Char(' ')) +
                                           QStringList{QStringLiteral("--help")});
    }
    if (isGroup(name)) { // "headers list …": the subcommand is the next word
        const QString sub = positional.value(1);
        if (sub == u"--help" || sub == u"-h" || (sub.isEmpty() && global.isSet(m_help))) {
            m_out.text(groupHelp(name));
            return toInt(ExitCode::Ok);
        }
        if (sub.isEmpty())
            return toInt(m_out.usage(tr("'%1' needs one of: %2.").arg(name, subcommands(name)), name));
        if (!find(name + QLatin1Char(' ') + sub))
            return toInt(m_out.usage(
                tr("Unknown command \"%1 %2\"; use one of: %3.").arg(name, sub, subcommands(name)), name));
        name += QLatin1Char(' ') + sub;
    }
    const CliCommand *command = find(name);
    if (!command)
        return toInt(m_out.usage(tr("Unknown command \"%1\".").arg(name)));
    return runCommand(*command, arguments);
}

void CliApplication::configure(QCommandLineParser &parser, const CliCommand &command) const {
    parser.setApplicationDescription(command.summary);
    parser.addOptions(command.options);
    parser.addOptions({m_timeout, m_help});
    parser.addPositionalArgument(command.name, tr("The command."), command.name);
    for (const CliCommand::Argument &a : command.arguments)
        parser.addPositionalArgument(a.name, a.description);
}

int CliApplication::runCommand(const CliCommand &command, const QStringList &arguments) {
    QCommandLineParser parser;
    configure(parser, command);
    if (!parser.parse(arguments))
        return toInt(m_out.usage(parser.errorText(), command.name));
    if (parser.isSet(m_help)) {
        m_out.text(helpText(parser));
        return toInt(ExitCode::Ok);
    }
    for (const auto &[first, second] : command.conflicting) {
        if (parser.isSet(first) && parser.isSet(second))
            return toInt(
                m_out.usage(tr("--%1 and --%2 cannot be used together; use one of them.").arg(first, second),
                            command.name));
    }

    // The first positional arguments are the command's own name ("headers list": two), wherever the global
    // options were.
    const QStringList rest = parser.positionalArguments().mid(command.name.count(QLatin1Char(' ')) + 1);
    const qsizetype required = command.arguments.size() - (command.variadic ? 1 : 0);
    if (rest.size() < required)
        return toInt(
            m_out.usage(tr("Missing %1.").arg(command.arguments.at(rest.size()).name), command.name));
    if (!command.variadic && rest.size() > command.arguments.size())
        return toInt(m_out.usage(tr("Unexpected argument \"%1\".").arg(rest.at(command.arguments.size())),
                                 command.name));

    bool ok = false;
    const int timeout = parser.value(m_timeout).toInt(&ok);
    if (!ok || timeout < 1 || timeout > kMaxTimeoutSeconds)
        return toInt(m_out.usage(
            tr("--timeout wants a number of seconds from 1 to %1.").arg(kMaxTimeoutSeconds), command.name));

    CoreOptions options;
    options.networkTimeoutMs = timeout * 1000;
    options.keychainTimeoutMs = qMin(timeout * 1000, kMaxKeychainTimeoutMs);
    options.lockTimeoutMs = timeout * 1000;
    options.watchForChanges = false; // each command reads the files it needs; its account lock does the rest
    CoreServices core(options);
    // A config file that is unreadable, broken or from a newer version is never written; say so and stop.
    if (!core.loadResult().ok()) {
        m_out.error(core.loadResult().message);
        return toInt(ExitCode::Failure);
    }
    CliContext context(core, m_out, parser, command.name, rest);
    return toInt(command.run(context));
}

QString CliApplication::generalHelp(const QCommandLineParser &parser) const {
    QString text = helpText(parser);
    text += QStringLiteral("\n\n") + tr("Commands:") + QLatin1Char('\n');
    qsizetype width = 0;
    for (const CliCommand &c : m_commands)
        width = qMax(width, c.name.size());
    for (const CliCommand &c : m_commands)
        text += QStringLiteral("  ") + c.name.leftJustified(width + 2) + c.summary + QLatin1Char('\n');
    text += QLatin1Char('\n') + tr("Exit status:") + QLatin1Char('\n');
    text +=
        tr("  0  success\n"
           "  1  another failure (an unusable config or import file, an unknown provider profile, …)\n"
           "  2  usage: unknown command or option, missing or bad argument, unknown account\n"
           "  3  credentials rejected: wrong credentials, user not verified, password expired, none stored\n"
           "  4  network: connection failed, timeout, TLS, insecure http:// URL refused\n"
           "  5  provider error: rate limited, server error, answer not understood, redirect refused\n"
           "  6  keychain unavailable or locked\n");
    text += QLatin1Char('\n') + tr("Run 'tokendesk-cli COMMAND --help' for a command's options.");
    return text;
}
