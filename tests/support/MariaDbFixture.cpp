// Starts or stops a throwaway MariaDB server for the `db` tests.
//   releasedeck-mariadb-fixture start STATE_DIR
//   releasedeck-mariadb-fixture stop STATE_DIR
// See MariaDbServer for what start and stop do.

#include "MariaDbServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QSettings>

#include <cstdio>

namespace {

void say(const QString& text)
{
    std::fprintf(stderr, "mariadb-fixture: %s\n", qPrintable(text));
}

} // namespace

int main(int argc, char* argv[])
{
    using ReleaseDeck::Test::MariaDbServer;
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3 ||
        (args.at(1) != QLatin1String("start") && args.at(1) != QLatin1String("stop"))) {
        say(QStringLiteral("usage: releasedeck-mariadb-fixture start|stop STATE_DIR"));
        return 2;
    }
    const QString stateDir = QDir(args.at(2)).absolutePath();
    if (args.at(1) == QLatin1String("stop")) {
        MariaDbServer::stop(stateDir);
        say(QStringLiteral("stopped"));
        return 0;
    }
    QString error;
    if (!MariaDbServer::start(stateDir, &error)) {
        say(error);
        return 1;
    }
    QSettings state(stateDir + QStringLiteral("/server.ini"), QSettings::IniFormat);
    say(QStringLiteral("MariaDB ready on 127.0.0.1:%1 (pid %2, %3)")
            .arg(state.value(QStringLiteral("port")).toInt())
            .arg(state.value(QStringLiteral("pid")).toLongLong())
            .arg(state.value(QStringLiteral("dir")).toString()));
    return 0;
}
