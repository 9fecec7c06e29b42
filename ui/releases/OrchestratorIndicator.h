#pragma once

#include "model/OrchestratorLease.h"

#include <QLabel>

#include <optional>

class QTimer;

namespace ReleaseDeck {

class LocalOrchestrator;
class ReleaseFeed;

// The status bar's word on who moves the releases of the shown workspace: "Orchestrating
// here", "Orchestrated by HOST (heartbeat 4 s ago)", or "No orchestrator — releases are
// not moving" (in the warning colour), from the lease row the feed reads and this app's
// own orchestrator; the tooltip says why this app does not orchestrate when it does not.
class OrchestratorIndicator : public QLabel
{
    Q_OBJECT

public:
    struct Reading
    {
        QString text;
        QString toolTip;
        bool warning = false;
    };

    OrchestratorIndicator(LocalOrchestrator& local, ReleaseFeed& feed, QWidget* parent = nullptr);

    void setWorkspace(qint64 workspaceId);
    // What it says for workspaceId given this app's orchestrator and the lease as read at
    // databaseNow (invalid: not read yet).
    static Reading read(const LocalOrchestrator& local, qint64 workspaceId,
                        const std::optional<OrchestratorLease>& lease,
                        const QDateTime& databaseNow);
    // "build-01" of "orchestrator@build-01/4242"; other names as they are.
    static QString hostOf(const QString& holder);

private:
    void refresh();

    LocalOrchestrator& m_local;
    ReleaseFeed& m_feed;
    qint64 m_workspaceId = 0;
    QTimer* m_tick;
};

} // namespace ReleaseDeck
