#pragma once

#include <QString>

namespace ReleaseDeck::Test {

// A throwaway MariaDB server: mariadb-install-db into a fresh temp dir, mariadbd
// --no-defaults on a unix socket and a free 127.0.0.1 port (--user=root when root).
// Its state (host, port, socket, user, pid, dir) lives in STATE_DIR/server.ini, which
// TestMariaDb::fromEnvironment reads. Used by the CTest fixture and by tests that need
// a private server they may stop.
class MariaDbServer
{
public:
    // Stops a stale server in stateDir, then installs and starts a fresh one.
    static bool start(const QString& stateDir, QString* error);
    // Ends the server and removes its files.
    static void stop(const QString& stateDir);
    // Ends the server process but keeps its data, port and socket.
    static bool halt(const QString& stateDir, QString* error);
    // Starts a halted server again on the same data, port and socket.
    static bool resume(const QString& stateDir, QString* error);
};

} // namespace ReleaseDeck::Test
