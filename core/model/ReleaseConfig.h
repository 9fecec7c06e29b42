#pragma once

#include "ConnectionEnums.h"
#include "ReleaseEnums.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>

namespace ReleaseDeck {

// A regression slot of a release train: an offset from kickoff and what it runs.
struct RegressionSlotPlan
{
    int offsetMinutes = 0;
    bool runBuild = true;
    bool runAutomation = true;
};

// A release train template.
struct ReleaseConfig
{
    qint64 id = 0;
    qint64 workspaceId = 0;
    QString name;
    QList<Platform> platforms;
    QStringList targets; // PLAY_STORE, APP_STORE, WEB
    QString baseBranch;
    QString branchPattern;  // e.g. "release/{version}"
    QString tagPattern;     // e.g. "v{version}"
    int kickoffWeekday = 0; // 1 = Monday … 7; 0 = no schedule
    QTime kickoffTime;
    int repeatWeeks = 1;
    QList<RegressionSlotPlan> regressionSlots;
    QList<TaskType> optionalTasksOn;
    bool autoMoveToRegression = true;
    bool autoMoveToPreRelease = false; // needs approval
    qint64 createdBy = 0;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace ReleaseDeck
