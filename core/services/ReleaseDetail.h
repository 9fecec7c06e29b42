#pragma once

#include "model/Build.h"
#include "model/RegressionCycle.h"
#include "model/RegressionSlot.h"
#include "model/Release.h"
#include "model/Task.h"

#include <QDateTime>
#include <QList>

namespace ReleaseDeck {

// A release with everything its page shows, read at one moment of the database clock.
struct ReleaseDetail
{
    Release release;
    QList<Task> tasks;
    QList<RegressionCycle> cycles;
    QList<RegressionSlot> regressionSlots;
    QList<Build> builds;
    QDateTime now; // the database clock when read, for wait reasons
};

} // namespace ReleaseDeck
