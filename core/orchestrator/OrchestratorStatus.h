#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace ReleaseDeck {

// What one workspace's orchestration looks like from this instance.
struct WorkspaceOrchestration
{
    enum class State
    {
        Acting,        // this instance holds the lease and runs the releases
        Standby,       // another instance holds the lease
        MissingTokens, // this machine lacks a token the workspace's tasks need
        NotAllowed,    // the account may not run releases there
        Failed,        // something else went wrong; detail says what
    };

    qint64 workspaceId = 0;
    QString workspaceName;
    State state = State::Standby;
    QString holder; // Standby: who orchestrates
    QString detail; // one sentence for people
};

struct OrchestratorStatus
{
    bool databaseReachable = true;
    QString databaseError;
    int retryInSeconds = 0; // after a lost database: when the next tick tries again
    QDateTime lastTickAt;   // this machine's clock, for "last tick 4 s ago"
    QList<WorkspaceOrchestration> workspaces;

    bool actingSomewhere() const
    {
        for (const WorkspaceOrchestration& workspace : workspaces) {
            if (workspace.state == WorkspaceOrchestration::State::Acting)
                return true;
        }
        return false;
    }
};

} // namespace ReleaseDeck

Q_DECLARE_METATYPE(ReleaseDeck::OrchestratorStatus)
