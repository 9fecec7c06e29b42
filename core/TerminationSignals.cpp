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
QSocketNotifier* notifier = nullptr;

void onSignal(int number)
{
    const char byte = char(number);
    // Nothing else is async-signal-safe here; a full socket already holds a request.
    [[maybe_unused]] const ssize_t written = ::write(signalSockets[1], &byte, 1);
}

// The notifier that turns a signal into an event; null when none could be set up.
QSocketNotifier* signalNotifier()
{
    if (notifier || signalSockets[0] >= 0)
        return notifier;
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalSockets) != 0) {
        qCWarning(lcApp) << "termination signals are not handled: no socket pair";
        return nullptr;
    }
    notifier =
        new QSocketNotifier(signalSockets[0], QSocketNotifier::Read, QCoreApplication::instance());
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    for (int number : {SIGTERM, SIGINT, SIGHUP})
        sigaction(number, &action, nullptr);
    return notifier;
}

} // namespace

void TerminationSignals::handle(QObject* context, const std::function<void(int)>& onTermination)
{
    QSocketNotifier* events = signalNotifier();
    if (!events)
        return;
    QObject::connect(events, &QSocketNotifier::activated, context, [onTermination] {
        char byte = 0;
        if (::read(signalSockets[0], &byte, 1) != 1)
            return;
        qCInfo(lcApp) << "stopping on signal" << int(byte);
        onTermination(int(byte));
    });
}

void TerminationSignals::quitOnTermination(QCoreApplication& application)
{
    handle(&application, [&application](int) { application.quit(); });
}

} // namespace ReleaseDeck
