#pragma once

#include "model/ReleaseConfig.h"

namespace ReleaseDeck::Test {

// A train as the CLI would have made it: Tue 10:00 Berlin every 2 weeks, slots, a target.
inline ReleaseConfig sampleMobileTrain()
{
    ReleaseConfig train;
    train.name = QStringLiteral("Mobile train");
    train.platforms = {Platform::Android, Platform::Ios};
    train.baseBranch = QStringLiteral("develop");
    train.branchPattern = QStringLiteral("rel/{version}");
    train.kickoffWeekday = 2;
    train.kickoffTime = QTime(10, 0);
    train.timeZone = QStringLiteral("Europe/Berlin");
    train.repeatWeeks = 2;
    train.reminderSeconds = 2 * 3600;
    train.targetSeconds = 7 * 86400;
    train.regressionSlots = {{24 * 60, true, true}, {50 * 60, false, true}};
    train.optionalTasksOn = {};
    train.autoMoveToRegression = false;
    train.autoMoveToPreRelease = true;
    train.versionBump = VersionBump::Patch;
    return train;
}

// A weekly web train, Thursdays 15:30 in New York.
inline ReleaseConfig sampleWebTrain()
{
    ReleaseConfig train;
    train.name = QStringLiteral("Web train");
    train.platforms = {Platform::Web};
    train.baseBranch = QStringLiteral("main");
    train.kickoffWeekday = 4;
    train.kickoffTime = QTime(15, 30);
    train.timeZone = QStringLiteral("America/New_York");
    return train;
}

} // namespace ReleaseDeck::Test
