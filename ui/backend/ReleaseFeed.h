#pragma once

#include "Result.h"
#include "services/ReleaseBoard.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QObject>

#include <chrono>
#include <functional>
#include <optional>

class QTimer;

namespace ReleaseDeck {

// Follows one workspace's event feed: every interval (and at once after a change made
// here) it asks the backend, off the GUI thread, for the events since the last seq it saw
// and the summaries of the releases they name, and hands those on. The window has one for
// the workspace it shows; the desktop notifications one per workspace (WorkspaceWatch). It never
// skips an event: the seq only moves to what a successful answer read. One request at a
// time; answers for a workspace no longer followed are dropped. Lives on the GUI thread.
class ReleaseFeed : public QObject
{
    Q_OBJECT

public:
    using Fetch = std::function<QFuture<Result<BoardChanges>>(qint64 workspaceId, qint64 afterSeq)>;

    explicit ReleaseFeed(Fetch fetch, QObject* parent = nullptr);

    static constexpr std::chrono::milliseconds defaultInterval() { return std::chrono::seconds(1); }
    void setInterval(std::chrono::milliseconds interval);

    // Follows workspaceId from fromSeq (a board's feedSeq), forgetting any other workspace;
    // lease and now are what the board read.
    void follow(qint64 workspaceId, qint64 fromSeq, const std::optional<OrchestratorLease>& lease,
                const QDateTime& now);
    // Stops following (a workspace switch while its board loads, or the app quitting).
    void stop();
    // Asks now; with a request in flight, asks again as soon as it ends.
    void pollNow();

    qint64 workspaceId() const { return m_workspaceId; }
    qint64 seq() const { return m_seq; }
    bool following() const { return m_workspaceId != 0; }
    // The followed workspace's lease as last read, and the database clock then, moved on
    // by the time passed since (so a heartbeat's age can be told without asking again).
    const std::optional<OrchestratorLease>& lease() const { return m_lease; }
    QDateTime databaseNow() const;
    // Whether the last request failed, and why.
    const QString& error() const { return m_error; }

signals:
    // Releases of workspaceId changed (as they are now) or are gone.
    void releasesChanged(qint64 workspaceId, const QList<ReleaseSummary>& changed,
                         const QList<qint64>& removed);
    // A release train of workspaceId was created, changed or deleted, or a release made
    // from one changed (its latest and active release may differ).
    void trainsChanged(qint64 workspaceId);
    // The new events themselves, oldest first (before releasesChanged).
    void eventsArrived(qint64 workspaceId, const QList<ReleaseDeck::Event>& events);
    // The lease was read again (its heartbeat moves), or a request failed or recovered.
    void leaseChanged();

private:
    void request();
    void answered(int generation, const Result<BoardChanges>& changes);

    Fetch m_fetch;
    QTimer* m_timer;
    qint64 m_workspaceId = 0;
    qint64 m_seq = 0;
    int m_generation = 0;
    bool m_inFlight = false;
    bool m_again = false;
    std::optional<OrchestratorLease> m_lease;
    QDateTime m_now;
    QElapsedTimer m_nowReadAt;
    QString m_error;
};

} // namespace ReleaseDeck
