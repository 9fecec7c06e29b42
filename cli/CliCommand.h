#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace ReleaseDeck {

class CliOutput;

// The contract's exit codes.
enum ExitCode : int
{
    ExitSuccess = 0,
    ExitFailure = 1, // a verification or operation did not succeed
    ExitUsage = 2,   // bad flags, arguments or input
};

// Options every command accepts, wherever they stand on the line.
struct CliGlobals
{
    QString database;  // --database, else $RELEASEDECK_DATABASE, else empty (the default)
    QString workspace; // --workspace
    QString secrets;   // --secrets keychain|credentials-dir
};

// One parsed invocation of a command, handed to its run function.
struct CliInvocation
{
    const CliGlobals& globals;
    const QCommandLineParser& parser; // the command's own options and positional arguments
    CliOutput& output;
    QIODevice& input; // standard input, for --token-stdin / --password-stdin
};

// A command such as "db migrate": its words, its options and what it does.
struct CliCommand
{
    QStringList words; // {"db", "migrate"}
    QString arguments; // positional synopsis, e.g. "NAME" or "[CATEGORY|ID|--all]"
    QString summary;   // one line for --help
    QList<QCommandLineOption> options;
    int positionalMin = 0; // fewer positional arguments: usage error
    int positionalMax = 0; // more: usage error (-1: any number)
    std::function<int(CliInvocation&)> run;
};

} // namespace ReleaseDeck
