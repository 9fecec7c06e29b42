#include "TerminationSignals.h"

#include "logging/Logging.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace ReleaseDeck {

namespace {

// [0] is read by the event loop, [1] written by the handler.
int signalSockets[2] = {-1, -1};

void onSignal(int number)
{
    const char byte = char(number);
    // Nothing else is async-signal-safe here; a full socket already holds a request.
    [[maybe_unused]] const ssize_t written = ::write(signalSockets[1], &byte, 1);
}

} // namespace

void TerminationSignals::quitOnTermination(QCoreApplication& application)
{
    if (signalSockets[0] >= 0)
        return;
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalSockets) != 0) {
        qCWarning(lcApp) << "termination signals are not handled: no socket pair";
        return;
    }
    auto* notifier = new QSocketNotifier(signalSockets[0], QSocketNotifier::Read, &application);
    QObject::connect(notifier, &QSocketNotifier::activated, &application, [&application] {
        char byte = 0;
        if (::read(signalSockets[0], &byte, 1) == 1)
            qCInfo(lcApp) << "quitting on signal" << int(byte);
        application.quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int number : {SIGTERM, SIGINT, SIGHUP})
        sigaction(number, &action, nullptr);
}

} // namespace ReleaseDeck
