#pragma once

#include "model/ReleaseEnums.h"
#include "services/ReleaseDraft.h"

#include <QString>

namespace ReleaseDeck {

// A decision someone makes about a running release, as the UI asks for it; the backend
// hands it to core's ReleaseActions. seenRowVersion is the row version the person saw:
// a teammate's change since then makes the action fail with a Conflict sentence.
struct ReleaseAction
{
    enum class Kind
    {
        Approve,
        Pause,
        Resume,
        Cancel,
        Retry,
        Skip,
        AddSlot,
        StartKickoffNow,
    };

    Kind kind = Kind::Approve;
    qint64 releaseId = 0;
    qint64 seenRowVersion = 0;
    QString reason;                       // Pause
    TaskType task = TaskType::ForkBranch; // Retry, Skip
    int cycle = -1;                       // Retry, Skip: -1 the latest cycle that has the task
    SlotDraft slot;                       // AddSlot
};

} // namespace ReleaseDeck
