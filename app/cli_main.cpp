#include "CliApplication.h"
#include "CliCommands.h"
#include "logging/LogFile.h"

#include <QCoreApplication>
#include <QFile>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("ReleaseDeck"));
    QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeck"));

    ReleaseDeck::LogFile::install(QStringLiteral("releasedeck-cli.log"));

    ReleaseDeck::CliApplication cli;
    ReleaseDeck::addAllCommands(cli);

    QFile in;
    QFile out;
    QFile err;
    in.open(stdin, QIODevice::ReadOnly);
    out.open(stdout, QIODevice::WriteOnly);
    err.open(stderr, QIODevice::WriteOnly);
    return cli.run(QCoreApplication::arguments().mid(1), in, out, err);
}
