#pragma once

#include "TaskJob.h"

namespace ReleaseDeck {

class IssuesClient;
struct Connection;

// The issue-tracker tasks: one release ticket per platform that has a project key (found
// again by its release label, so a retry creates none), and the wait until every release
// ticket has reached its platform's ready state.
class IssueTasks
{
public:
    // The state a ticket must reach when the connection names none for its platform.
    static QString defaultReadyState() { return QStringLiteral("Done"); }

    static TaskOutcome run(const TaskJob& job, const Connection& connection, IssuesClient& issues,
                           const TaskCheckpoint& checkpoint);
};

} // namespace ReleaseDeck
