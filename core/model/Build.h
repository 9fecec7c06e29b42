#pragma once

#include "ConnectionEnums.h"
#include "ReleaseEnums.h"

#include <QDateTime>
#include <QString>

namespace ReleaseDeck {

// A CI build of a task for one platform; unique per (task, platform).
struct Build
{
    qint64 id = 0;
    qint64 workspaceId = 0;
    qint64 releaseId = 0;
    qint64 cycleId = 0; // 0: not in a cycle
    qint64 taskId = 0;
    Platform platform = Platform::Android;
    QString ciRunId;
    QString ciRunUrl;
    QString buildNumber;
    BuildStatus status = BuildStatus::Pending;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace ReleaseDeck
