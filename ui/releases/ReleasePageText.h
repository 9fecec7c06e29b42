#pragma once

#include "model/ConnectionEnums.h"
#include "model/ReleaseEnums.h"

#include <QCoreApplication>
#include <QString>

namespace ReleaseDeck {

// The release page's words for tasks, cycles and builds, translated.
class ReleasePageText
{
    Q_DECLARE_TR_FUNCTIONS(ReleasePageText)

public:
    // "Fork the release branch", "Tag the release candidate"…
    static QString taskName(TaskType type);
    static QString taskStatus(TaskStatus status);
    static QString cycleStatus(CycleStatus status);
    static QString buildStatus(BuildStatus status);
    static QString platform(Platform platform);
};

} // namespace ReleaseDeck
