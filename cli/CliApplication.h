#pragma once

#include "CliCommand.h"

#include <QIODevice>
#include <QList>
#include <QStringList>

namespace ReleaseDeck {

// Parses a releasedeck-cli command line, finds the command by its words and runs it.
class CliApplication
{
public:
    CliApplication();

    void add(CliCommand command);
    // arguments without the program name; returns the process exit code.
    int run(const QStringList& arguments, QIODevice& in, QIODevice& out, QIODevice& err);

    QString helpText() const;

private:
    const CliCommand* find(const QStringList& positional, qsizetype* wordCount) const;

    QList<CliCommand> m_commands;
};

} // namespace ReleaseDeck
