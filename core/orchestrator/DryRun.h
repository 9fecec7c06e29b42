#pragma once

#include "Result.h"

#include <QStringList>

namespace ReleaseDeck {

class Database;

// What the next orchestrator tick would do in a workspace and why, reading only: whether
// it would take the lease, which kickoffs, cycles, tasks and announcements are due, and
// what every other active release waits for.
class DryRun
{
public:
    // missing: why this machine may not orchestrate (lacking tokens), or empty.
    static Result<QStringList> describe(Database& database, qint64 workspaceId,
                                        const QString& workspaceName, const QString& holder,
                                        const QString& missing);
};

} // namespace ReleaseDeck
