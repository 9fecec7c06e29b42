#include "CliApplication.h"

#include "CliOutput.h"
#include "Version.h"

namespace ReleaseDeck {

namespace {

const QStringList globalValueOptions = {QStringLiteral("database"), QStringLiteral("workspace"),
                                        QStringLiteral("secrets")};

// Whether argument is "--name" or "--name=…" for one of names.
bool isOneOf(const QString& argument, const QStringList& names)
{
    for (const QString& name : names) {
        const QString flag = QStringLiteral("--") + name;
        if (argument == flag || argument.startsWith(flag + QLatin1Char('=')))
            return true;
    }
    return false;
}

// The command words: the leading arguments that are not options, global options and
// their values skipped.
QStringList leadingWords(const QStringList& arguments)
{
    QStringList words;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        if (globalValueOptions.contains(argument.mid(2)) &&
            argument.startsWith(QLatin1String("--"))) {
            ++i;
            continue;
        }
        if (isOneOf(argument, globalValueOptions))
            continue;
        if (argument.startsWith(QLatin1Char('-')))
            break;
        words.append(argument);
    }
    return words;
}

// Takes "--name VALUE" / "--name=VALUE" for the global options out of the argument list.
// After the command's words, an option the command declares itself (bitbucket's
// --workspace) is the command's, not the global one.
bool extractGlobals(QStringList& arguments, qsizetype wordCount, const QStringList& commandOptions,
                    CliGlobals& globals, QString* error)
{
    QStringList rest;
    qsizetype wordsSeen = 0;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString& argument = arguments.at(i);
        bool matched = false;
        for (const QString& name : globalValueOptions) {
            if (wordsSeen >= wordCount && commandOptions.contains(name))
                continue;
            const QString flag = QStringLiteral("--") + name;
            QString value;
            if (argument == flag) {
                if (i + 1 >= arguments.size() ||
                    arguments.at(i + 1).startsWith(QLatin1String("--"))) {
                    *error = QStringLiteral("%1 needs a value.").arg(flag);
                    return false;
                }
                value = arguments.at(++i);
            } else if (argument.startsWith(flag + QLatin1Char('='))) {
                value = argument.mid(flag.size() + 1);
            } else {
                continue;
            }
            if (value.trimmed().isEmpty()) {
                *error = QStringLiteral("%1 needs a non-empty value.").arg(flag);
                return false;
            }
            if (name == QLatin1String("database"))
                globals.database = value;
            else if (name == QLatin1String("workspace"))
                globals.workspace = value;
            else
                globals.secrets = value;
            matched = true;
            break;
        }
        if (!matched) {
            if (!argument.startsWith(QLatin1Char('-')) && wordsSeen < wordCount)
                ++wordsSeen;
            rest.append(argument);
        }
    }
    arguments = rest;
    if (globals.database.isEmpty())
        globals.database = qEnvironmentVariable("RELEASEDECK_DATABASE");
    return true;
}

} // namespace

CliApplication::CliApplication() = default;

void CliApplication::add(CliCommand command)
{
    m_commands.append(std::move(command));
}

const CliCommand* CliApplication::find(const QStringList& positional, qsizetype* wordCount) const
{
    const CliCommand* best = nullptr;
    for (const CliCommand& command : m_commands) {
        if (command.words.size() > positional.size())
            continue;
        if (positional.mid(0, command.words.size()) != command.words)
            continue;
        if (!best || command.words.size() > best->words.size())
            best = &command;
    }
    if (best)
        *wordCount = best->words.size();
    return best;
}

QString CliApplication::helpText() const
{
    QString text = QStringLiteral(
        "Usage: releasedeck-cli [--database URL] [--workspace NAME] COMMAND [OPTIONS]\n"
        "\n"
        "Release Deck on the command line: manage the database, workspaces and\n"
        "connections, and run releases headless.\n"
        "\n"
        "Global options:\n"
        "  --database URL     sqlite:PATH or mysql://USER@HOST:PORT/DB (env RELEASEDECK_DATABASE)\n"
        "  --workspace NAME   the workspace to act in (default: the only one)\n"
        "  --secrets STORE    keychain (default) or credentials-dir ($CREDENTIALS_DIRECTORY)\n"
        "  --help             show this help\n"
        "  --version          print the version\n"
        "\n"
        "Commands:\n");
    qsizetype width = 0;
    QStringList synopses;
    for (const CliCommand& command : m_commands) {
        QString synopsis = command.words.join(QLatin1Char(' '));
        if (!command.arguments.isEmpty())
            synopsis += QLatin1Char(' ') + command.arguments;
        width = std::max(width, synopsis.size());
        synopses.append(synopsis);
    }
    for (qsizetype i = 0; i < m_commands.size(); ++i)
        text += QStringLiteral("  ") + synopses.at(i).leftJustified(width + 2) +
                m_commands.at(i).summary + QLatin1Char('\n');
    text += QStringLiteral("\nExit status: 0 success, 1 an operation or verification failed, "
                           "2 usage error.\n");
    return text;
}

int CliApplication::run(const QStringList& originalArguments, QIODevice& in, QIODevice& out,
                        QIODevice& err)
{
    CliOutput output(out, err);
    QStringList arguments = originalArguments;

    if (arguments.contains(QLatin1String("--version")) || arguments.contains(QLatin1String("-v"))) {
        output.line(QStringLiteral("releasedeck-cli ") + version());
        return ExitSuccess;
    }

    const bool wantsHelp =
        arguments.removeAll(QStringLiteral("--help")) + arguments.removeAll(QStringLiteral("-h")) >
        0;
    const QStringList words = leadingWords(arguments);
    qsizetype wordCount = 0;
    const CliCommand* command = words.isEmpty() ? nullptr : find(words, &wordCount);
    QStringList commandOptions;
    if (command) {
        for (const QCommandLineOption& option : command->options)
            commandOptions.append(option.names());
    }

    CliGlobals globals;
    QString globalError;
    if (!extractGlobals(arguments, wordCount, commandOptions, globals, &globalError))
        return output.usageError(globalError);

    if (words.isEmpty()) {
        if (wantsHelp) {
            out.write(helpText().toUtf8());
            return ExitSuccess;
        }
        return output.usageError(
            arguments.isEmpty() ? QStringLiteral("No command given.")
                                : QStringLiteral("Unknown option '%1'.").arg(arguments.first()));
    }
    if (!command)
        return output.usageError(
            QStringLiteral("Unknown command '%1'.").arg(words.join(QLatin1Char(' '))));

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(command->options);
    const QString commandName = command->words.join(QLatin1Char(' '));
    if (wantsHelp) {
        QString usage = QStringLiteral("Usage: releasedeck-cli ") + commandName;
        if (!command->arguments.isEmpty())
            usage += QLatin1Char(' ') + command->arguments;
        usage += QStringLiteral("\n\n") + command->summary + QLatin1Char('\n');
        for (const QCommandLineOption& option : command->options) {
            QString flag = QStringLiteral("--") + option.names().constFirst();
            if (!option.valueName().isEmpty())
                flag += QLatin1Char(' ') + option.valueName();
            usage += QStringLiteral("  ") + flag.leftJustified(28) + option.description() +
                     QLatin1Char('\n');
        }
        out.write(usage.toUtf8());
        return ExitSuccess;
    }

    // The command's words lead the list; what follows is the command's own.
    QStringList commandArguments = arguments.mid(wordCount);
    commandArguments.prepend(QStringLiteral("releasedeck-cli"));
    if (!parser.parse(commandArguments))
        return output.usageError(commandName + QStringLiteral(": ") + parser.errorText() +
                                 QLatin1Char('.'));

    const qsizetype positional = parser.positionalArguments().size();
    if (positional < command->positionalMin ||
        (command->positionalMax >= 0 && positional > command->positionalMax)) {
        const QString expected =
            command->arguments.isEmpty() ? QStringLiteral("no arguments") : command->arguments;
        return output.usageError(
            QStringLiteral("%1: expected %2, got '%3'.")
                .arg(commandName, expected, parser.positionalArguments().join(QLatin1Char(' '))));
    }

    CliInvocation invocation{globals, parser, output, in};
    return command->run(invocation);
}

} // namespace ReleaseDeck
