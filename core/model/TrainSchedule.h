#pragma once

#include "ReleaseConfig.h"

#include <QDate>
#include <QDateTime>
#include <QTime>
#include <QTimeZone>

namespace ReleaseDeck {

// When a release train kicks off, as arithmetic on instants: no clock of its own (callers
// pass "now", the database clock in the programs, any instant in tests) and no I/O.
//
// The kickoff is a weekday and a wall-clock time in an IANA time zone. On a day whose
// clocks skip that time it kicks off once, as far past the gap as the time is past the
// gap's start (02:30 in a 02:00→03:00 jump is 03:30); in a repeated hour, at the first of
// the two. Every N weeks is counted in calendar weeks (Monday to Sunday in the train's
// zone) from the week of the first kickoff after the train was created (the anchor). A
// train kicks off at most once a calendar week, so an edit never brings a second kickoff
// into a week that had one.
class TrainSchedule
{
public:
    explicit TrainSchedule(const ReleaseConfig& train);

    // The instant that wall-clock time on date names in zone, by the rules above.
    static QDateTime toUtc(const QDate& date, const QTime& time, const QTimeZone& zone);

    // The first kickoff strictly after `after`, in a week after lastKickoff's (when
    // valid) and counted from the anchor (any week when it is null). Invalid when the
    // train has no schedule.
    QDateTime nextKickoffAfter(const QDateTime& after, const QDateTime& lastKickoff = {}) const;

    // For a train created, edited or resumed at now: the next kickoff and its reminder
    // (null while paused), and the anchor when there is none yet.
    static void plan(ReleaseConfig& train, const QDateTime& now);
    // After the release of the train's next kickoff was created at now: that kickoff
    // becomes the last, and the following one is planned.
    static void advance(ReleaseConfig& train, const QDateTime& now);

private:
    // Whether date's week is one of every N weeks counted from the anchor.
    bool inRepeatWeek(const QDate& date) const;

    int m_weekday = 0;
    QTime m_time;
    QTimeZone m_zone;
    int m_everyWeeks = 1;
    QDate m_anchor;
};

} // namespace ReleaseDeck
