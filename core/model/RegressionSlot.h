#pragma once

#include <QDateTime>

namespace ReleaseDeck {

// When a regression cycle of a release starts and what it runs.
struct RegressionSlot
{
    qint64 id = 0;
    qint64 workspaceId = 0;
    qint64 releaseId = 0;
    QDateTime slotAt;
    bool runBuild = true;
    bool runAutomation = true;
    qint64 cycleId = 0; // 0: not started yet
    QDateTime createdAt;
};

} // namespace ReleaseDeck
