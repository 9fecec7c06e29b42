#include "model/TrainSchedule.h"

#include <QTest>

using namespace ReleaseDeck;

namespace {

QDateTime utc(const char* iso)
{
    QDateTime time = QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
    time.setTimeZone(QTimeZone::utc());
    return time;
}

ReleaseConfig train(int weekday, QTime time, const char* zone, int everyWeeks = 1)
{
    ReleaseConfig config;
    config.name = QStringLiteral("Weekly");
    config.kickoffWeekday = weekday;
    config.kickoffTime = time;
    config.timeZone = QString::fromLatin1(zone);
    config.repeatWeeks = everyWeeks;
    config.reminderSeconds = 3600;
    return config;
}

constexpr int Monday = 1;
constexpr int Tuesday = 2;
constexpr int Thursday = 4;
constexpr int Sunday = 7;

} // namespace

// Kickoff arithmetic with the clock passed in: wall-clock times across daylight-saving
// changes in three zones (a one-hour jump in Europe and America, Lord Howe's half hour),
// every N weeks from the first kickoff, and edits, pauses and resumes between kickoffs.
class TestTrainSchedule : public QObject
{
    Q_OBJECT

private slots:
    void kickoffsAcrossDaylightSaving_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QTime>("time");
        QTest::addColumn<QDateTime>("after");
        QTest::addColumn<QDateTime>("expected");
        // Berlin: 2025-03-30 02:00 CET → 03:00 CEST; 2025-10-26 03:00 CEST → 02:00 CET.
        QTest::newRow("Berlin, in the spring gap: as far past it")
            << QStringLiteral("Europe/Berlin") << QTime(2, 30) << utc("2025-03-29T12:00:00Z")
            << utc("2025-03-30T01:30:00Z"); // 03:30 CEST
        QTest::newRow("Berlin, the spring gap's start")
            << QStringLiteral("Europe/Berlin") << QTime(2, 0) << utc("2025-03-29T12:00:00Z")
            << utc("2025-03-30T01:00:00Z"); // 03:00 CEST
        QTest::newRow("Berlin, just before the spring gap")
            << QStringLiteral("Europe/Berlin") << QTime(1, 59) << utc("2025-03-29T12:00:00Z")
            << utc("2025-03-30T00:59:00Z"); // 01:59 CET
        QTest::newRow("Berlin, the week after the gap")
            << QStringLiteral("Europe/Berlin") << QTime(2, 30) << utc("2025-03-30T01:30:00Z")
            << utc("2025-04-06T00:30:00Z"); // 02:30 CEST
        QTest::newRow("Berlin, the repeated hour: the first")
            << QStringLiteral("Europe/Berlin") << QTime(2, 30) << utc("2025-10-25T12:00:00Z")
            << utc("2025-10-26T00:30:00Z"); // 02:30 CEST, not 02:30 CET (01:30Z)
        QTest::newRow("Berlin, never twice in the repeated hour")
            << QStringLiteral("Europe/Berlin") << QTime(2, 30) << utc("2025-10-26T00:30:00Z")
            << utc("2025-11-02T01:30:00Z");
        // New York: 2025-03-09 02:00 EST → 03:00 EDT; 2025-11-02 02:00 EDT → 01:00 EST.
        QTest::newRow("New York, in the spring gap")
            << QStringLiteral("America/New_York") << QTime(2, 30) << utc("2025-03-08T12:00:00Z")
            << utc("2025-03-09T07:30:00Z"); // 03:30 EDT
        QTest::newRow("New York, the repeated hour: the first")
            << QStringLiteral("America/New_York") << QTime(1, 30) << utc("2025-11-01T12:00:00Z")
            << utc("2025-11-02T05:30:00Z"); // 01:30 EDT, not 01:30 EST (06:30Z)
        QTest::newRow("New York, never twice in the repeated hour")
            << QStringLiteral("America/New_York") << QTime(1, 30) << utc("2025-11-02T05:30:00Z")
            << utc("2025-11-09T06:30:00Z");
        // Lord Howe moves by half an hour: 2025-10-05 02:00 → 02:30 (+10:30 → +11),
        // 2025-04-06 02:00 → 01:30 (+11 → +10:30).
        QTest::newRow("Lord Howe, in the half-hour gap")
            << QStringLiteral("Australia/Lord_Howe") << QTime(2, 15) << utc("2025-10-03T00:00:00Z")
            << utc("2025-10-04T15:45:00Z"); // 02:45 +11
        QTest::newRow("Lord Howe, the repeated half hour: the first")
            << QStringLiteral("Australia/Lord_Howe") << QTime(1, 45) << utc("2025-04-04T00:00:00Z")
            << utc("2025-04-05T14:45:00Z"); // 01:45 +11, not 01:45 +10:30 (15:15Z)
        QTest::newRow("Lord Howe, never twice in the repeated half hour")
            << QStringLiteral("Australia/Lord_Howe") << QTime(1, 45) << utc("2025-04-05T14:45:00Z")
            << utc("2025-04-12T15:15:00Z");
    }

    void kickoffsAcrossDaylightSaving()
    {
        QFETCH(QString, zone);
        QFETCH(QTime, time);
        QFETCH(QDateTime, after);
        QFETCH(QDateTime, expected);
        ReleaseConfig config = train(Sunday, time, "UTC");
        config.timeZone = zone;
        const QDateTime next = TrainSchedule(config).nextKickoffAfter(after);
        QCOMPARE(next, expected);
        QCOMPARE(next.timeSpec(), Qt::UTC);
    }

    void theWallClockTimeHoldsAcrossTheChange()
    {
        ReleaseConfig config = train(Monday, QTime(9, 0), "Europe/Berlin");
        const TrainSchedule schedule(config);
        const QDateTime before = schedule.nextKickoffAfter(utc("2025-03-20T00:00:00Z"));
        QCOMPARE(before, utc("2025-03-24T08:00:00Z"));                            // 09:00 CET
        QCOMPARE(schedule.nextKickoffAfter(before), utc("2025-03-31T07:00:00Z")); // 09:00 CEST
    }

    void everyNWeeksCountsFromTheFirstKickoff()
    {
        // Created on Wednesday 2025-01-01: the first kickoff is Tuesday 2025-01-07.
        ReleaseConfig config = train(Tuesday, QTime(9, 0), "UTC", 2);
        TrainSchedule::plan(config, utc("2025-01-01T10:00:00Z"));
        QCOMPARE(config.scheduleAnchor, QDate(2025, 1, 7));
        QCOMPARE(config.nextKickoffAt, utc("2025-01-07T09:00:00Z"));
        QCOMPARE(config.nextReminderAt, utc("2025-01-07T08:00:00Z"));
        QList<QDateTime> kickoffs;
        for (int i = 0; i < 3; ++i) {
            TrainSchedule::advance(config, config.nextReminderAt);
            kickoffs.append(config.nextKickoffAt);
        }
        QCOMPARE(kickoffs,
                 QList<QDateTime>({utc("2025-01-21T09:00:00Z"), utc("2025-02-04T09:00:00Z"),
                                   utc("2025-02-18T09:00:00Z")}));
        QCOMPARE(config.lastKickoffAt, utc("2025-02-04T09:00:00Z"));
        QCOMPARE(config.scheduleAnchor, QDate(2025, 1, 7));

        // Every three weeks, created on the kickoff day after its time.
        ReleaseConfig triple = train(Monday, QTime(6, 0), "America/New_York", 3);
        TrainSchedule::plan(triple, utc("2025-01-06T12:00:00Z"));
        QCOMPARE(triple.nextKickoffAt, utc("2025-01-13T11:00:00Z")); // 06:00 EST
        TrainSchedule::advance(triple, utc("2025-01-13T10:00:00Z"));
        QCOMPARE(triple.nextKickoffAt, utc("2025-02-03T11:00:00Z"));
        TrainSchedule::advance(triple, utc("2025-02-03T10:00:00Z"));
        TrainSchedule::advance(triple, utc("2025-02-24T10:00:00Z"));
        QCOMPARE(triple.nextKickoffAt, utc("2025-03-17T10:00:00Z")); // 06:00 EDT
    }

    void aLateOrchestratorCatchesUpOnceAndKeepsTheRhythm()
    {
        ReleaseConfig config = train(Tuesday, QTime(9, 0), "UTC", 2);
        TrainSchedule::plan(config, utc("2025-01-01T10:00:00Z"));
        // Nothing ran for three weeks: the due kickoff gets its release now, once, and
        // the next one is the next in the two-week rhythm after now.
        TrainSchedule::advance(config, utc("2025-01-24T10:00:00Z"));
        QCOMPARE(config.lastKickoffAt, utc("2025-01-07T09:00:00Z"));
        QCOMPARE(config.nextKickoffAt, utc("2025-02-04T09:00:00Z"));
    }

    void anEditBetweenTwoKickoffsTakesEffectFromTheNextWeek()
    {
        ReleaseConfig config = train(Tuesday, QTime(9, 0), "UTC", 2);
        TrainSchedule::plan(config, utc("2025-01-01T10:00:00Z"));
        // The reminder of Tuesday 2025-01-07 created its release.
        TrainSchedule::advance(config, utc("2025-01-07T08:00:00Z"));
        QCOMPARE(config.nextKickoffAt, utc("2025-01-21T09:00:00Z"));

        // Before that kickoff, the train moves to Thursday 10:00 Berlin time: Thursday
        // 2025-01-09 is in the week that already had its kickoff, so the next is the
        // Thursday two weeks on, counted from the first kickoff's week.
        ReleaseConfig thursday = config;
        thursday.kickoffWeekday = Thursday;
        thursday.kickoffTime = QTime(10, 0);
        thursday.timeZone = QStringLiteral("Europe/Berlin");
        TrainSchedule::plan(thursday, utc("2025-01-07T08:30:00Z"));
        QCOMPARE(thursday.nextKickoffAt, utc("2025-01-23T09:00:00Z"));
        QCOMPARE(thursday.scheduleAnchor, QDate(2025, 1, 7));

        // Moved later on the kickoff day itself: not a second kickoff that day.
        ReleaseConfig later = config;
        later.kickoffTime = QTime(11, 0);
        TrainSchedule::plan(later, utc("2025-01-07T08:30:00Z"));
        QCOMPARE(later.nextKickoffAt, utc("2025-01-21T11:00:00Z"));

        // Weekly from now on: the week after the last kickoff.
        ReleaseConfig weekly = config;
        weekly.repeatWeeks = 1;
        weekly.kickoffWeekday = Monday;
        TrainSchedule::plan(weekly, utc("2025-01-08T12:00:00Z"));
        QCOMPARE(weekly.nextKickoffAt, utc("2025-01-13T09:00:00Z"));

        // A longer reminder moves only the reminder.
        ReleaseConfig earlier = config;
        earlier.reminderSeconds = 2 * 86400;
        TrainSchedule::plan(earlier, utc("2025-01-08T12:00:00Z"));
        QCOMPARE(earlier.nextKickoffAt, utc("2025-01-21T09:00:00Z"));
        QCOMPARE(earlier.nextReminderAt, utc("2025-01-19T09:00:00Z"));
    }

    void aPausedTrainHasNoNextKickoffAndResumesFromNow()
    {
        ReleaseConfig config = train(Tuesday, QTime(9, 0), "UTC");
        TrainSchedule::plan(config, utc("2025-01-01T10:00:00Z"));
        config.paused = true;
        TrainSchedule::plan(config, utc("2025-01-02T10:00:00Z"));
        QVERIFY(!config.nextKickoffAt.isValid());
        QVERIFY(!config.nextReminderAt.isValid());
        // Resumed weeks later: no release for the kickoffs missed while paused.
        config.paused = false;
        TrainSchedule::plan(config, utc("2025-02-05T10:00:00Z"));
        QCOMPARE(config.nextKickoffAt, utc("2025-02-11T09:00:00Z"));
        QCOMPARE(config.scheduleAnchor, QDate(2025, 1, 7));
    }

    void noScheduleNoKickoff()
    {
        ReleaseConfig config = train(0, QTime(9, 0), "UTC");
        TrainSchedule::plan(config, utc("2025-01-01T10:00:00Z"));
        QVERIFY(!config.nextKickoffAt.isValid());
        ReleaseConfig unknownZone = train(Monday, QTime(9, 0), "Mars/Olympus_Mons");
        QVERIFY(
            !TrainSchedule(unknownZone).nextKickoffAfter(utc("2025-01-01T10:00:00Z")).isValid());
    }
};

QTEST_GUILESS_MAIN(TestTrainSchedule)
#include "tst_trainschedule.moc"
