#pragma once

#include "model/ReleaseEnums.h"

#include <QDateTime>

#include <optional>

namespace ReleaseDeck {

// The next thing that will happen to a release, decided once (WaitReasons::next) and put
// in words by whoever shows it: the CLI in English (WaitReasons::describe), the app in
// the reader's language.
struct NextStep
{
    enum class Kind
    {
        None,                       // DONE with nothing left
        Kickoff,                    // PENDING: kickoff at `at`
        AwaitingRegressionApproval, // paused after kickoff, approval starts regression
        AwaitingApproval,           // paused before pre-release
        TaskFailed,                 // paused: `task` failed
        Paused,                     // paused by a person
        Released,                   // COMPLETED at `at`
        Cancelled,
        Archived,
        KickoffRunning,
        CycleRunning,        // regression cycle `cycle` is running
        CycleAt,             // regression cycle `cycle` starts at `at`
        RegressionFinishing, // no cycle running and none planned
        PreReleaseRunning,
    };

    Kind kind = Kind::None;
    QDateTime at;
    int cycle = 0;
    std::optional<TaskType> task;
};

} // namespace ReleaseDeck
