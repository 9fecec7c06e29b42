#pragma once

#include <functional>

class QCoreApplication;
class QObject;

namespace ReleaseDeck {

// SIGTERM, SIGINT and SIGHUP as an event of the application's event loop, so a logout,
// `kill` or a service manager shuts the program down cleanly instead of killing it
// mid-write. The handler only writes a byte to a socket the event loop watches.
class TerminationSignals
{
public:
    // Ends the application's event loop as Quit does (exit code 0).
    static void quitOnTermination(QCoreApplication& application);
    // Calls onTermination (with the signal's number) on context's thread while context lives.
    static void handle(QObject* context, const std::function<void(int)>& onTermination);
};

} // namespace ReleaseDeck
