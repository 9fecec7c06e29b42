#pragma once

#include "ConnectionEnums.h"
#include "ReleaseEnums.h"
#include "ReleaseVersion.h"

#include <QDate>
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

    friend bool operator==(const RegressionSlotPlan&, const RegressionSlotPlan&) = default;
};

// A release train: the template its releases are made from, and its kickoff schedule.
// The schedule state (anchor, last and next kickoff) is kept by TrainSchedule; people
// edit the rest.
struct ReleaseConfig
{
    qint64 id = 0;
    qint64 workspaceId = 0;
    QString name;
    QList<Platform> platforms;
    QStringList targets; // PLAY_STORE, APP_STORE, WEB
    QString baseBranch;
    QString branchPattern = QStringLiteral("release/{version}");
    QString tagPattern = QStringLiteral("v{version}");
    QString rcTagPattern = QStringLiteral("v{version}-rc.{cycle}");
    int kickoffWeekday = 0;                   // 1 = Monday … 7; 0 = no schedule
    QTime kickoffTime;                        // wall-clock time in timeZone
    QString timeZone = QStringLiteral("UTC"); // an IANA id: "Europe/Berlin"
    int repeatWeeks = 1;
    qint64 reminderSeconds = 3600; // the release is created and announced this long before
    qint64 targetSeconds = 0;      // its target this long after kickoff; 0: no target
    QList<RegressionSlotPlan> regressionSlots;
    QList<TaskType> optionalTasksOn;
    bool autoMoveToRegression = true;
    bool autoMoveToPreRelease = false; // needs approval
    VersionBump versionBump = VersionBump::Minor;
    bool paused = false;
    // Schedule state, UTC: the date (in timeZone) of the first kickoff, from which every
    // N weeks is counted; the last kickoff that got its release; the next one and its
    // reminder (null while paused).
    QDate scheduleAnchor;
    QDateTime lastKickoffAt;
    QDateTime nextKickoffAt;
    QDateTime nextReminderAt;
    qint64 createdBy = 0;
    QDateTime createdAt;
    QDateTime updatedAt;

    bool hasSchedule() const { return kickoffWeekday >= 1 && kickoffWeekday <= 7; }
};

} // namespace ReleaseDeck
