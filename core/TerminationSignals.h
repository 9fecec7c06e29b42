#pragma once

class QCoreApplication;

namespace ReleaseDeck {

// SIGTERM, SIGINT and SIGHUP end the application's event loop as Quit does (exit code 0),
// so a logout, `kill` or a service manager shuts the program down cleanly instead of
// killing it mid-write. The handler only writes a byte to a socket the event loop watches.
class TerminationSignals
{
public:
    static void quitOnTermination(QCoreApplication& application);
};

} // namespace ReleaseDeck
