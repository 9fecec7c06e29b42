#pragma once

#include "backend/WorkspaceSummary.h"
#include "model/Event.h"
#include "model/ReleaseSummary.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <chrono>
#include <memory>

class QTimer;

namespace ReleaseDeck {

class ConnectionBackend;
class ReleaseFeed;

// A release that waits for a person (NotificationRules::needsPerson), with its workspace.
struct ReleaseNeed
{
    qint64 workspaceId = 0;
    QString workspaceName;
    ReleaseSummary summary;
};

// Follows every workspace the signed-in person belongs to, not only the one the window
// shows: one ReleaseFeed each, from the position its board was read at, so only what
// happens while the app runs arrives. Hands on each workspace's new events and keeps the
// list of releases that wait for a person. A workspace list or board that cannot be read
// is asked for again a little later. Lives on the GUI thread.
class WorkspaceWatch : public QObject
{
    Q_OBJECT

public:
    explicit WorkspaceWatch(ConnectionBackend& backend, QObject* parent = nullptr);
    ~WorkspaceWatch() override;

    static constexpr std::chrono::milliseconds defaultInterval() { return std::chrono::seconds(2); }
    // How often each workspace's feed asks (tests make it quick).
    void setInterval(std::chrono::milliseconds interval);

    // (Again) reads the workspace list and follows each workspace from now on.
    void start();
    void stop();

    // Releases that wait for a person, by workspace name, then newest first.
    QList<ReleaseNeed> needs() const;
    QList<qint64> followedWorkspaces() const;

signals:
    void eventsArrived(qint64 workspaceId, const QList<ReleaseDeck::Event>& events);
    void needsChanged();

private:
    struct Followed
    {
        WorkspaceSummary workspace;
        std::unique_ptr<ReleaseFeed> feed;
        QHash<qint64, ReleaseSummary> needing; // by release id
    };

    void follow(const WorkspaceSummary& workspace);
    void changed(qint64 workspaceId, const QList<ReleaseSummary>& changed,
                 const QList<qint64>& removed);
    void retryLater();

    ConnectionBackend& m_backend;
    std::chrono::milliseconds m_interval = defaultInterval();
    QTimer* m_retry;
    int m_generation = 0;
    QHash<qint64, std::shared_ptr<Followed>> m_followed; // by workspace id
};

} // namespace ReleaseDeck
