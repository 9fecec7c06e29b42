#include "TrainSchedule.h"

namespace ReleaseDeck {

namespace {

constexpr qint64 Day = 86400;

QDate mondayOf(const QDate& date)
{
    return date.addDays(1 - date.dayOfWeek());
}

} // namespace

TrainSchedule::TrainSchedule(const ReleaseConfig& train)
    : m_weekday(train.kickoffWeekday)
    , m_time(train.kickoffTime)
    , m_zone(train.timeZone.toUtf8())
    , m_everyWeeks(std::max(1, train.repeatWeeks))
    , m_anchor(train.scheduleAnchor)
{}

QDateTime TrainSchedule::toUtc(const QDate& date, const QTime& time, const QTimeZone& zone)
{
    // The wall-clock time read as if it were UTC; the instant lies within a day of it.
    const qint64 wall = QDateTime(date, time, Qt::UTC).toSecsSinceEpoch();
    const auto offsetAt = [&zone](qint64 instant) {
        return zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(instant, Qt::UTC));
    };
    // The offsets in force before and after any transition near that day.
    const int before = offsetAt(wall - Day);
    const int after = offsetAt(wall + Day);
    qint64 chosen = 0;
    bool found = false;
    for (const int offset : {before, after}) {
        const qint64 instant = wall - offset;
        if (offsetAt(instant) != offset)
            continue;
        // In a repeated hour both read the same wall-clock time: the first one wins.
        if (!found || instant < chosen)
            chosen = instant;
        found = true;
    }
    // In a gap, the old offset puts the time as far past the gap as it is into it.
    if (!found)
        chosen = wall - before;
    return QDateTime::fromSecsSinceEpoch(chosen, Qt::UTC);
}

bool TrainSchedule::inRepeatWeek(const QDate& date) const
{
    if (!m_anchor.isValid())
        return true;
    const qint64 weeks = mondayOf(m_anchor).daysTo(mondayOf(date)) / 7;
    return ((weeks % m_everyWeeks) + m_everyWeeks) % m_everyWeeks == 0;
}

QDateTime TrainSchedule::nextKickoffAfter(const QDateTime& after,
                                          const QDateTime& lastKickoff) const
{
    if (m_weekday < 1 || m_weekday > 7 || !m_time.isValid() || !m_zone.isValid())
        return {};
    const QDate lastWeek =
        lastKickoff.isValid() ? mondayOf(lastKickoff.toTimeZone(m_zone).date()) : QDate();
    // A day early: the kickoff day in the zone may start before `after`'s day there ends.
    const QDate start = after.toTimeZone(m_zone).date().addDays(-1);
    for (int day = 0; day <= (m_everyWeeks + 2) * 7; ++day) {
        const QDate date = start.addDays(day);
        if (date.dayOfWeek() != m_weekday || !inRepeatWeek(date))
            continue;
        if (lastWeek.isValid() && mondayOf(date) <= lastWeek)
            continue;
        const QDateTime kickoff = toUtc(date, m_time, m_zone);
        if (kickoff > after)
            return kickoff;
    }
    return {};
}

void TrainSchedule::plan(ReleaseConfig& train, const QDateTime& now)
{
    train.nextKickoffAt = {};
    train.nextReminderAt = {};
    if (train.paused || !train.hasSchedule())
        return;
    const QDateTime after =
        train.lastKickoffAt.isValid() && train.lastKickoffAt > now ? train.lastKickoffAt : now;
    const QDateTime next =
        TrainSchedule(train).nextKickoffAfter(after.toUTC(), train.lastKickoffAt);
    if (!next.isValid())
        return;
    if (!train.scheduleAnchor.isValid())
        train.scheduleAnchor = next.toTimeZone(QTimeZone(train.timeZone.toUtf8())).date();
    train.nextKickoffAt = next;
    train.nextReminderAt = next.addSecs(-train.reminderSeconds);
}

void TrainSchedule::advance(ReleaseConfig& train, const QDateTime& now)
{
    train.lastKickoffAt = train.nextKickoffAt;
    plan(train, now);
}

} // namespace ReleaseDeck
