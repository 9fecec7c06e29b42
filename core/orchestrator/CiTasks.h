#pragma once

#include "TaskJob.h"

namespace ReleaseDeck {

class CiClient;

// The CI tasks: dispatch the connection's workflow/job for the task's purpose, once per
// platform, on the exact commit they build (the RC or release tag; the forked commit for
// pre-regression builds), record a build row each, and poll until every run has ended.
// Idempotent: before a dispatch its intent (a marker unique to this task and platform,
// sent as the `release_deck_task` input) is checkpointed; a resumed task first looks for
// a run carrying that marker and dispatches again only when none shows up.
class CiTasks
{
public:
    // A dispatched run that no search finds for this long is taken as never started.
    static constexpr int LostDispatchSeconds = 120;

    static TaskOutcome run(const TaskJob& job, CiClient& ci, const TaskCheckpoint& checkpoint);
};

} // namespace ReleaseDeck
