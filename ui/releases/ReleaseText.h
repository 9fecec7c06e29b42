#pragma once

#include "model/ReleaseSummary.h"
#include "orchestrator/NextStep.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace ReleaseDeck {

// The dashboard's words for a release, translated: its status with the reason it is
// paused, and the next thing that will happen, as core's WaitReasons decides it (the CLI
// says the same in English). Times are the reader's local time.
class ReleaseText
{
    Q_DECLARE_TR_FUNCTIONS(ReleaseText)

public:
    // "In progress", "Paused — waiting for approval", "Paused — FORK_BRANCH failed".
    static QString status(const ReleaseSummary& summary);
    // "RC 2 at 14:00", "Awaiting approval", "Kickoff at Tue 09:30".
    static QString nextStep(const NextStep& step, const QDateTime& now);
    // "14:00" on now's day, "Tue 14:00" within the coming week, else date and time.
    static QString when(const QDateTime& time, const QDateTime& now);
};

} // namespace ReleaseDeck
