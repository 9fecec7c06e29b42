#pragma once

#include "ReleaseEnums.h"

#include <QDateTime>
#include <QString>

namespace ReleaseDeck {

// One regression round of a release; the newest is the latest.
struct RegressionCycle
{
    qint64 id = 0;
    qint64 workspaceId = 0;
    qint64 releaseId = 0;
    int number = 0;
    QString rcTag;
    CycleStatus status = CycleStatus::NotStarted;
    bool latest = false;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace ReleaseDeck
