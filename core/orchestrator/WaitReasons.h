#pragma once

#include "NextStep.h"
#include "model/RegressionCycle.h"
#include "model/RegressionSlot.h"
#include "model/Release.h"
#include "model/ReleaseSummary.h"
#include "model/Task.h"

#include <QList>

namespace ReleaseDeck {

// Why things wait, in the words the CLI, the dashboard and the dry run show: "kickoff at
// 10:00 UTC", "CI run 4512 in progress, next poll in 40 s", "awaiting approval by an
// EDITOR or OWNER", "RC 2 at 14:00 UTC". now is the database clock.
class WaitReasons
{
public:
    // Why a task that is not running waits; empty when it runs or has ended.
    static QString forTask(const Release& release, const Task& task, const QDateTime& now);
    // The next thing that will happen to the release, from its page's lists or from a
    // dashboard row; both decide the same way.
    static NextStep next(const Release& release, const QList<Task>& tasks,
                         const QList<RegressionSlot>& regressionSlots,
                         const QList<RegressionCycle>& cycles);
    static NextStep next(const ReleaseSummary& summary);
    // The next step in the CLI's words: "RC 2 at 14:00 UTC", "awaiting approval by an
    // EDITOR or OWNER".
    static QString describe(const NextStep& step, const QDateTime& now);
    static QString nextStep(const Release& release, const QList<Task>& tasks,
                            const QList<RegressionSlot>& regressionSlots,
                            const QList<RegressionCycle>& cycles, const QDateTime& now);
    // "14:00 UTC" on now's day, else "2026-12-02 14:00 UTC".
    static QString when(const QDateTime& time, const QDateTime& now);
};

} // namespace ReleaseDeck
