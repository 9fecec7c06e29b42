#pragma once

#include "backend/BackendStatus.h"

#include <QDeadlineTimer>
#include <QFuture>
#include <QObject>

#include <chrono>
#include <functional>

class QTimer;

namespace ReleaseDeck {

// Whether the database answers, known live: a cheap probe (run by the backend off the GUI
// thread) every interval while it answers, and after any query that lost the server; while
// it does not, the probe is retried every interval with a countdown, and recovered() says
// when it answers again so failed pages can reload. Lives on the GUI thread.
class DatabaseHealth : public QObject
{
    Q_OBJECT

public:
    // Checks the database; the future's status says whether it answered and why not.
    using Probe = std::function<QFuture<BackendStatus>()>;

    explicit DatabaseHealth(Probe probe, QObject* parent = nullptr);

    static constexpr std::chrono::milliseconds defaultInterval()
    {
        return std::chrono::seconds(15);
    }
    void setInterval(std::chrono::milliseconds interval);

    // Takes a status already known (from start-up) and probes from then on; checkNow()
    // also starts the probing.
    void start(const BackendStatus& known);
    // For good: the app is shutting down.
    void stop();

    const BackendStatus& status() const { return m_status; }
    bool checking() const { return m_checking; }
    // While unreachable: whole seconds until the next try (at least 1).
    int secondsUntilRetry() const;

    // Probes now (Reconnect); ignored while a probe runs.
    void checkNow();
    // Any thread: a query found the connection lost, so the database is probed now.
    void reportConnectionLost();

signals:
    // The status, the countdown or checking() changed.
    void changed();
    // The database answers again after it did not.
    void recovered();

private:
    void finishCheck(const BackendStatus& status);

    Probe m_probe;
    BackendStatus m_status;
    std::chrono::milliseconds m_interval = defaultInterval();
    QTimer* m_next;
    QTimer* m_countdown;
    QDeadlineTimer m_retryAt;
    bool m_checking = false;
    bool m_stopped = false;
};

} // namespace ReleaseDeck
