#pragma once

#include "db/Database.h"

#include <QString>

namespace ReleaseDeck::Test {

// Releases that give the orchestrator nothing to do now, in the five ways a release can
// be idle, taken in turn: PENDING with a kickoff tomorrow; IN_PROGRESS in REGRESSION
// waiting for tomorrow's slot; IN_PROGRESS with its CI task AWAITING_EXTERNAL until the
// next poll in an hour; PAUSED awaiting approval with its next stage's tasks planned;
// COMPLETED with its announcements sent. Seeded fast: multi-row INSERTs (releases) and
// INSERT … SELECT (their tasks, slots, announcements) in one transaction, for tests and
// benchmarks that need thousands of them.
class IdleReleases
{
public:
    // Adds count idle releases to the workspace, created by accountId, their versions
    // numbered from first on (call again with first = the previous first + count).
    static bool add(Database& database, qint64 workspaceId, qint64 accountId, int first, int count,
                    QString* error);
};

} // namespace ReleaseDeck::Test
