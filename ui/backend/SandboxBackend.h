#pragma once

#include "Result.h"
#include "backend/WorkspaceSummary.h"
#include "providers/sandbox/SandboxRecords.h"

#include <QFuture>
#include <QList>

namespace ReleaseDeck {

// What the sandbox's simulated services did, for the Sandbox page.
struct SandboxActivity
{
    SandboxState state;
    QList<SandboxMessage> messages;
    QList<SandboxTicket> tickets;
    QList<SandboxRun> runs;
};

// The sandbox (core/services/SandboxWorkspace) as the app uses it. Every call runs off the
// GUI thread and answers through a future.
class SandboxBackend
{
public:
    virtual ~SandboxBackend() = default;

    // Opens the sandbox on this computer's database, creating it (and, on first launch, the
    // local database) when there is none.
    virtual QFuture<Result<WorkspaceSummary>> exploreSandbox() = 0;
    virtual QFuture<Result<WorkspaceSummary>> resetSandbox() = 0;
    virtual QFuture<Status> deleteSandbox() = 0;
    virtual QFuture<Result<SandboxActivity>> sandboxActivity(qint64 workspaceId) = 0;
    virtual QFuture<Status> rehearse(qint64 workspaceId, SandboxRehearsal rehearsal) = 0;
};

} // namespace ReleaseDeck
