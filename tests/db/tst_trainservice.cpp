#include "StoreSeed.h"
#include "TestBackend.h"
#include "db/DatabaseClock.h"
#include "model/TrainSchedule.h"
#include "services/ReleaseActions.h"
#include "services/ReleaseService.h"
#include "services/TrainService.h"
#include "store/EventStore.h"
#include "store/ReleaseConfigStore.h"
#include "store/ReleaseStore.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The train service on SQLite and MariaDB: every field checked before anything is saved,
// the schedule planned on the database clock, roles, events, pause and resume, deletion
// refused while a release runs, and edits that never reach a release already made.
class TestTrainService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_database = TestBackend::database(backend, QStringLiteral("trains"), &error);
        QVERIFY2(m_database, qPrintable(error));
        QVERIFY2(m_seed.plant(*m_database, &error), qPrintable(error));
        m_now = DatabaseClock::now(*m_database).value();
    }

    void cleanup() { m_database.reset(); }

    void aNewTrainPlansItsFirstKickoff()
    {
        TrainService service(*m_database, QStringLiteral("editor@a"));
        const ReleaseConfig created = service.create(m_seed.editorA, draft()).value();
        QCOMPARE(created.targets,
                 QStringList({QStringLiteral("PLAY_STORE"), QStringLiteral("APP_STORE")}));
        QVERIFY(!created.paused);
        // The first kickoff after now, by the schedule's own arithmetic, and its reminder.
        const QDateTime expected = TrainSchedule(created).nextKickoffAfter(m_now);
        QVERIFY(created.nextKickoffAt.isValid());
        QVERIFY(created.nextKickoffAt > m_now);
        QVERIFY(created.nextKickoffAt <= m_now.addDays(7));
        QCOMPARE(created.nextKickoffAt, expected);
        QCOMPARE(created.nextReminderAt, expected.addSecs(-2 * 3600));
        QCOMPARE(created.scheduleAnchor, expected.toTimeZone(QTimeZone("America/New_York")).date());
        QCOMPARE(created.nextKickoffAt.toTimeZone(QTimeZone("America/New_York")).time(),
                 QTime(9, 30));
        QCOMPARE(created.regressionSlots.constFirst().offsetMinutes, 0);
        const Event event = lastEvent();
        QCOMPARE(event.kind, QStringLiteral("train.created"));
        QVERIFY2(event.message.startsWith(QLatin1String("editor@a created train Mobile weekly: "
                                                        "kickoff Wed@09:30 America/New_York")),
                 qPrintable(event.message));

        const TrainSummary summary =
            service.find(m_seed.viewerA, QStringLiteral("Mobile weekly")).value();
        QCOMPARE(summary.nextVersion, QStringLiteral("0.1.0"));
        QCOMPARE(service.list(m_seed.viewerA)->size(), 1);
        QCOMPARE(service.find(m_seed.ownerB, QStringLiteral("Mobile weekly")).error().kind,
                 ErrorKind::NotFound);
        QCOMPARE(service.create(m_seed.viewerA, draft(QStringLiteral("Other"))).error().kind,
                 ErrorKind::Forbidden);
        QCOMPARE(service.create(m_seed.ownerA, draft()).error().kind, ErrorKind::Conflict);
    }

    void badFieldsGetOneSentenceAndSaveNothing()
    {
        TrainService service(*m_database, QStringLiteral("editor@a"));
        const int events = eventCount();
        const auto refused = [&](ReleaseConfig train, const QString& words) {
            Result<ReleaseConfig> created = service.create(m_seed.editorA, train);
            QVERIFY2(!created.ok(), qPrintable(words));
            QCOMPARE(created.error().kind, ErrorKind::Usage);
            QVERIFY2(created.error().message.contains(words), qPrintable(created.error().message));
        };
        ReleaseConfig t = draft();
        t.branchPattern = QStringLiteral("release/{build}");
        refused(t, QStringLiteral("{build} is not a placeholder"));
        t = draft();
        t.timeZone = QStringLiteral("Berlin");
        refused(t, QStringLiteral("'Berlin' is not an IANA time zone"));
        t = draft();
        t.regressionSlots = {{8 * 1440, true, true}};
        t.targetSeconds = 7 * 86400;
        refused(t, QStringLiteral("after the target"));
        t = draft();
        t.platforms.clear();
        refused(t, QStringLiteral("at least one platform"));
        QVERIFY(ReleaseConfigStore(*m_database).list(m_seed.workspaceA)->isEmpty());
        QCOMPARE(eventCount(), events);
    }

    void anEditNeverChangesAReleaseAlreadyMade()
    {
        TrainService trains(*m_database, QStringLiteral("editor@a"));
        const ReleaseConfig train = trains.create(m_seed.editorA, draft()).value();
        ReleaseService releases(*m_database, QStringLiteral("editor@a"));
        ReleaseDraft first;
        first.version = QStringLiteral("1.4.0");
        first.train = train.name;
        const Release made = releases.create(m_seed.editorA, first).value();
        QCOMPARE(made.configId, train.id);
        QCOMPARE(made.releaseBranch, QStringLiteral("release/1.4.0"));
        QCOMPARE(made.targetAt, made.kickoffAt.addSecs(10 * 86400));

        ReleaseConfig edited = train;
        edited.branchPattern = QStringLiteral("rel/{version}");
        edited.rcTagPattern = QStringLiteral("{version}-candidate-{cycle}");
        edited.autoMoveToPreRelease = true;
        edited.optionalTasksOn = {TaskType::CreateReleaseNotes};
        edited.kickoffWeekday = 5;
        const ReleaseConfig after = trains.update(m_seed.ownerA, edited).value();
        QCOMPARE(after.branchPattern, QStringLiteral("rel/{version}"));
        QCOMPARE(after.scheduleAnchor, train.scheduleAnchor);
        QCOMPARE(after.nextKickoffAt.toTimeZone(QTimeZone("America/New_York")).date().dayOfWeek(),
                 5);
        const Event event = lastEvent();
        QCOMPARE(event.kind, QStringLiteral("train.updated"));
        QCOMPARE(event.data.value(QStringLiteral("changed")).toVariant().toStringList(),
                 QStringList({QStringLiteral("branchPattern"), QStringLiteral("rcTagPattern"),
                              QStringLiteral("kickoff"), QStringLiteral("optionalTasks"),
                              QStringLiteral("autoPreRelease")}));

        const Release kept = releases.find(m_seed.editorA, QStringLiteral("1.4.0")).value();
        QCOMPARE(kept.releaseBranch, QStringLiteral("release/1.4.0"));
        QCOMPARE(kept.settings.branchPattern, QStringLiteral("release/{version}"));
        QCOMPARE(kept.settings.rcTagPattern, QStringLiteral("v{version}-rc.{cycle}"));
        QVERIFY(!kept.settings.autoMoveToPreRelease);
        QVERIFY(kept.settings.isOn(TaskType::CreateTestSuite));

        ReleaseDraft second;
        second.version = QStringLiteral("1.5.0");
        second.train = train.name;
        const Release next = releases.create(m_seed.editorA, second).value();
        QCOMPARE(next.releaseBranch, QStringLiteral("rel/1.5.0"));
        QCOMPARE(next.settings.rcTagPattern, QStringLiteral("{version}-candidate-{cycle}"));
        QVERIFY(next.settings.autoMoveToPreRelease);
        QVERIFY(!next.settings.isOn(TaskType::CreateTestSuite));

        // A bad edit is refused whole.
        ReleaseConfig bad = after;
        bad.tagPattern = QStringLiteral("release");
        QCOMPARE(trains.update(m_seed.editorA, bad).error().kind, ErrorKind::Usage);
        QCOMPARE(trains.update(m_seed.viewerA, after).error().kind, ErrorKind::Forbidden);
        QCOMPARE(ReleaseConfigStore(*m_database)
                     .findById(m_seed.workspaceA, train.id)
                     ->value()
                     .tagPattern,
                 QStringLiteral("v{version}"));

        const TrainSummary summary = trains.find(m_seed.editorA, train.name).value();
        QCOMPARE(summary.latestRelease, QStringLiteral("1.5.0"));
        QCOMPARE(summary.activeRelease, QStringLiteral("1.5.0"));
        QCOMPARE(summary.nextVersion, QStringLiteral("1.6.0"));
    }

    void aPausedTrainHasNoNextKickoffUntilResumed()
    {
        TrainService service(*m_database, QStringLiteral("editor@a"));
        const ReleaseConfig train = service.create(m_seed.editorA, draft()).value();
        const ReleaseConfig paused = service.pause(m_seed.editorA, train.id).value();
        QVERIFY(paused.paused);
        QVERIFY(!paused.nextKickoffAt.isValid());
        QVERIFY(!paused.nextReminderAt.isValid());
        QCOMPARE(lastEvent().kind, QStringLiteral("train.paused"));
        QCOMPARE(service.pause(m_seed.editorA, train.id).error().kind, ErrorKind::Conflict);
        QCOMPARE(service.pause(m_seed.viewerA, train.id).error().kind, ErrorKind::Forbidden);
        // An edit while paused plans nothing.
        ReleaseConfig renamed = paused;
        renamed.name = QStringLiteral("Mobile");
        QVERIFY(!service.update(m_seed.editorA, renamed)->nextKickoffAt.isValid());

        const ReleaseConfig resumed = service.resume(m_seed.editorA, train.id).value();
        QVERIFY(!resumed.paused);
        QCOMPARE(resumed.nextKickoffAt, train.nextKickoffAt);
        QCOMPARE(lastEvent().kind, QStringLiteral("train.resumed"));
        QCOMPARE(service.resume(m_seed.editorA, train.id).error().kind, ErrorKind::Conflict);
    }

    void aTrainIsDeletedOnlyWhenNoReleaseRuns()
    {
        TrainService trains(*m_database, QStringLiteral("editor@a"));
        const ReleaseConfig train = trains.create(m_seed.editorA, draft()).value();
        ReleaseService releases(*m_database, QStringLiteral("editor@a"));
        ReleaseDraft d;
        d.version = QStringLiteral("2.0.0");
        d.train = train.name;
        d.kickoffAt = m_now.addDays(1);
        const Release made = releases.create(m_seed.editorA, d).value();
        Status refused = trains.remove(m_seed.editorA, train.id);
        QCOMPARE(refused.error().kind, ErrorKind::Conflict);
        QVERIFY2(refused.error().message.contains(QLatin1String("2.0.0 in progress (PENDING)")),
                 qPrintable(refused.error().message));
        QCOMPARE(trains.remove(m_seed.viewerA, train.id).error().kind, ErrorKind::Forbidden);
        QVERIFY(ReleaseActions(*m_database, QStringLiteral("editor@a"))
                    .cancel(m_seed.editorA, made.id, 0)
                    .ok());
        QVERIFY(trains.remove(m_seed.editorA, train.id).ok());
        QCOMPARE(lastEvent().kind, QStringLiteral("train.deleted"));
        QVERIFY(trains.list(m_seed.editorA)->isEmpty());
        // The release stays, without its train.
        const Release kept = releases.find(m_seed.editorA, QStringLiteral("2.0.0")).value();
        QCOMPARE(kept.configId, qint64(0));
        QCOMPARE(kept.releaseBranch, QStringLiteral("release/2.0.0"));
        QCOMPARE(trains.remove(m_seed.editorA, train.id).error().kind, ErrorKind::NotFound);
    }

private:
    static ReleaseConfig draft(const QString& name = QStringLiteral("Mobile weekly"))
    {
        ReleaseConfig train;
        train.name = name;
        train.platforms = {Platform::Android, Platform::Ios};
        train.baseBranch = QStringLiteral("main");
        train.kickoffWeekday = 3;
        train.kickoffTime = QTime(9, 30);
        train.timeZone = QStringLiteral("America/New_York");
        train.reminderSeconds = 2 * 3600;
        train.targetSeconds = 10 * 86400;
        // Given out of order: the service sorts them.
        train.regressionSlots = {{2 * 1440, true, false}, {0, true, true}};
        train.optionalTasksOn = {TaskType::CreateTestSuite, TaskType::CreateReleaseNotes};
        return train;
    }

    int eventCount()
    {
        return int(EventStore(*m_database)
                       .listNewest(m_seed.workspaceA, EventFilter{0, {}, 0, 1000})
                       ->size());
    }

    Event lastEvent()
    {
        return EventStore(*m_database)
            .listNewest(m_seed.workspaceA, EventFilter{0, {}, 0, 1})
            ->constFirst();
    }

    std::unique_ptr<Database> m_database;
    StoreSeed m_seed;
    QDateTime m_now;
};

QTEST_GUILESS_MAIN(TestTrainService)
#include "tst_trainservice.moc"
