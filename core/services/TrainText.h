#pragma once

#include "Result.h"
#include "model/ReleaseConfig.h"

#include <QString>
#include <QTime>

namespace ReleaseDeck {

// A kickoff as "Mon@09:00".
struct KickoffText
{
    int weekday = 0; // 1 = Monday … 7
    QTime time;
};

// A release train's values as people type and read them, on the command line and in the
// train dialog's text fields: weekdays (Mon…Sun), kickoffs ("Mon@09:00") and regression
// slot offsets ("+1d", "+26h,no-build,no-automation"). Parsing errors are Usage errors
// with one sentence; durations are WhenText's.
class TrainText
{
public:
    static Result<int> weekday(const QString& text);
    static QString weekdayName(int weekday); // "Mon"
    static Result<KickoffText> kickoff(const QString& text);
    static QString kickoffText(int weekday, const QTime& time);
    // The schedule in words: "every 2 weeks, Tue 10:00 Europe/Berlin" ("every week, …").
    static QString scheduleText(const ReleaseConfig& train);
    static Result<RegressionSlotPlan> slot(const QString& text);
    static QString slotText(const RegressionSlotPlan& slot);
};

} // namespace ReleaseDeck
