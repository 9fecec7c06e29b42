#include "StoreSeed.h"
#include "TestBackend.h"
#include "store/BuildStore.h"
#include "store/CycleStore.h"
#include "store/ReleaseStore.h"
#include "store/SlotStore.h"
#include "store/TaskStore.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// Tasks, cycles, slots and builds on SQLite and MariaDB.
class TestTaskStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_database = TestBackend::database(backend, QStringLiteral("tasks"), &error);
        QVERIFY2(m_database, qPrintable(error));
        QVERIFY2(m_seed.plant(*m_database, &error), qPrintable(error));
        Release release;
        release.version = QStringLiteral("1.0.0");
        release.baseBranch = QStringLiteral("main");
        release.status = ReleaseStatus::InProgress;
        release.stage = Stage::Regression;
        Result<Release> created = ReleaseStore(*m_database).create(m_seed.editorA, release);
        QVERIFY(created.ok());
        m_release = created->id;
    }

    void cleanup() { m_database.reset(); }

    void aTaskIsUniquePerReleaseTypeAndCycle()
    {
        TaskStore store(*m_database);
        QVERIFY(store
                    .plan(m_seed.editorA, m_release,
                          {task(TaskType::ForkBranch, 0), task(TaskType::CreateRcTag, 1),
                           task(TaskType::CreateRcTag, 2)})
                    .ok());
        Result<QList<Task>> again =
            store.plan(m_seed.editorA, m_release, {task(TaskType::ForkBranch, 0)});
        QCOMPARE(again.error().kind, ErrorKind::Conflict);
        QCOMPARE(again.error().message,
                 QStringLiteral("The release already has a FORK_BRANCH task for cycle 0."));
        // All or none: a duplicate late in the batch leaves nothing of the batch behind.
        Result<QList<Task>> batch =
            store.plan(m_seed.editorA, m_release,
                       {task(TaskType::CreateTestSuite, 0), task(TaskType::CreateRcTag, 2)});
        QVERIFY(!batch.ok());
        QCOMPARE(store.listForRelease(m_seed.workspaceA, m_release)->size(), 3);
    }

    void savesProgress()
    {
        TaskStore store(*m_database);
        Task planned =
            store.plan(m_seed.editorA, m_release, {task(TaskType::ForkBranch, 0)})->constFirst();
        planned.status = TaskStatus::Failed;
        planned.attempts = 2;
        planned.lastError = QStringLiteral("GitHub refused the token.");
        planned.externalUrl = QStringLiteral("https://example.invalid/branch");
        planned.externalData = QJsonObject{{QStringLiteral("ANDROID"), QStringLiteral("RD-1")}};
        planned.startedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
        QVERIFY(store.save(m_seed.editorA, planned).ok());
        const Task read = store.findById(m_seed.workspaceA, planned.id)->value();
        QCOMPARE(read.status, TaskStatus::Failed);
        QCOMPARE(read.attempts, 2);
        QCOMPARE(read.lastError, planned.lastError);
        QCOMPARE(read.externalData, planned.externalData);
        QCOMPARE(read.startedAt, planned.startedAt);
        QCOMPARE(store.save(m_seed.viewerA, planned).error().kind, ErrorKind::Forbidden);
        QCOMPARE(store.save(m_seed.ownerB, planned).error().kind, ErrorKind::NotFound);
        QVERIFY(!store.findById(m_seed.workspaceB, planned.id)->has_value());
    }

    void claimsAreDecidedByTheDatabase()
    {
        TaskStore store(*m_database);
        Task planned =
            store.plan(m_seed.editorA, m_release, {task(TaskType::ForkBranch, 0)})->constFirst();
        QCOMPARE(store.due(m_seed.workspaceA)->size(), 1);
        const QString one = QStringLiteral("one@host");
        QCOMPARE(*store.claim(m_seed.editorA, planned.id, one, QStringLiteral("t1"), 60), true);
        QCOMPARE(*store.claim(m_seed.ownerA, planned.id, QStringLiteral("two@host"),
                              QStringLiteral("t2"), 60),
                 false);
        // A claim is one run: the same holder cannot claim the task twice either.
        QCOMPARE(*store.claim(m_seed.editorA, planned.id, one, QStringLiteral("t3"), 60), false);
        QVERIFY(store.due(m_seed.workspaceA)->isEmpty());
        const Task claimed = store.findById(m_seed.workspaceA, planned.id)->value();
        QCOMPARE(claimed.claimOwner, one);
        QCOMPARE(claimed.claimToken, QStringLiteral("t1"));
        QCOMPARE(claimed.status, TaskStatus::InProgress);
        QVERIFY(claimed.startedAt.isValid());
        QCOMPARE(
            store.claim(m_seed.viewerA, planned.id, one, QStringLiteral("t4"), 60).error().kind,
            ErrorKind::Forbidden);
        QCOMPARE(*store.claim(m_seed.ownerB, planned.id, QStringLiteral("b@host"),
                              QStringLiteral("t5"), 60),
                 false);
    }

    void aResultIsWrittenOnlyWhileTheClaimHolds()
    {
        TaskStore store(*m_database);
        Task planned =
            store.plan(m_seed.editorA, m_release, {task(TaskType::ForkBranch, 0)})->constFirst();
        // A claim of one second expires on the database clock; another instance takes over.
        QVERIFY(*store.claim(m_seed.editorA, planned.id, QStringLiteral("frozen@host"),
                             QStringLiteral("old"), 1));
        QTest::qWait(1500);
        QVERIFY(*store.claim(m_seed.ownerA, planned.id, QStringLiteral("other@host"),
                             QStringLiteral("new"), 60));
        Task late = planned;
        late.claimToken = QStringLiteral("old");
        late.status = TaskStatus::Completed;
        late.externalData = QJsonObject{{QStringLiteral("commit"), QStringLiteral("abc")}};
        QCOMPARE(*store.checkpoint(m_seed.editorA, late), false);
        QCOMPARE(*store.finishClaimed(m_seed.editorA, late, -1), false);
        QCOMPARE(store.findById(m_seed.workspaceA, planned.id)->value().status,
                 TaskStatus::InProgress);
        Task current = late;
        current.claimToken = QStringLiteral("new");
        current.status = TaskStatus::AwaitingExternal;
        current.waitingFor = QStringLiteral("CI run 7 in progress, next poll in 40 s");
        QCOMPARE(*store.checkpoint(m_seed.ownerA, current), true);
        QCOMPARE(*store.finishClaimed(m_seed.ownerA, current, 3600), true);
        const Task read = store.findById(m_seed.workspaceA, planned.id)->value();
        QCOMPARE(read.status, TaskStatus::AwaitingExternal);
        QCOMPARE(read.waitingFor, current.waitingFor);
        QCOMPARE(read.externalData, current.externalData);
        QVERIFY(read.claimToken.isEmpty());
        QVERIFY(read.nextAttemptAt > QDateTime::currentDateTimeUtc().addSecs(3000));
        // Polled an hour from now: not due.
        QVERIFY(store.due(m_seed.workspaceA)->isEmpty());
    }

    void aNewLeaseHolderDropsTheOldClaims()
    {
        TaskStore store(*m_database);
        const QList<Task> planned =
            *store.plan(m_seed.editorA, m_release,
                        {task(TaskType::ForkBranch, 0), task(TaskType::CreateRcTag, 1)});
        QVERIFY(*store.claim(m_seed.editorA, planned.at(0).id, QStringLiteral("dead@host"),
                             QStringLiteral("a"), 60));
        QVERIFY(*store.claim(m_seed.editorA, planned.at(1).id, QStringLiteral("alive@host"),
                             QStringLiteral("b"), 1));
        QVERIFY(
            store.renewClaims(m_seed.editorA, QStringLiteral("alive@host"), {planned.at(1).id}, 60)
                .ok());
        QVERIFY(store.dropClaimsOfOthers(m_seed.editorA, QStringLiteral("alive@host")).ok());
        QTest::qWait(1200);
        const QList<Task> after = *store.listForRelease(m_seed.workspaceA, m_release);
        QVERIFY(after.at(0).claimToken.isEmpty());
        QCOMPARE(after.at(1).claimToken, QStringLiteral("b"));
        // The dropped task is due again; the renewed one is still held.
        const QList<Task> due = *store.due(m_seed.workspaceA);
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.constFirst().id, planned.at(0).id);
    }

    void onlyTheClaimsOfRunningTasksAreRenewed()
    {
        TaskStore store(*m_database);
        const QList<Task> planned =
            *store.plan(m_seed.editorA, m_release,
                        {task(TaskType::ForkBranch, 0), task(TaskType::CreateRcTag, 1)});
        // Both claimed under one holder name, say by a process that was killed and restarted.
        QVERIFY(*store.claim(m_seed.editorA, planned.at(0).id, QStringLiteral("one"),
                             QStringLiteral("dead"), 1));
        QVERIFY(*store.claim(m_seed.editorA, planned.at(1).id, QStringLiteral("one"),
                             QStringLiteral("running"), 1));
        QVERIFY(
            store.renewClaims(m_seed.editorA, QStringLiteral("one"), {planned.at(1).id}, 60).ok());
        QTest::qWait(1200);
        const QList<Task> due = *store.due(m_seed.workspaceA);
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.constFirst().id, planned.at(0).id);
    }

    void onlyDueTasksOfRunningReleasesAreDue()
    {
        TaskStore store(*m_database);
        Task blocked = task(TaskType::TriggerPreRegressionBuilds, 0);
        blocked.nextAttemptAt = {};
        Task later = task(TaskType::CreateTestSuite, 0);
        later.nextAttemptAt = QDateTime::currentDateTimeUtc().addDays(1);
        const QList<Task> planned =
            *store.plan(m_seed.editorA, m_release, {task(TaskType::ForkBranch, 0), blocked, later});
        QCOMPARE(store.due(m_seed.workspaceA)->size(), 1);
        QVERIFY(store.schedule(m_seed.editorA, {planned.at(1).id}, 0).ok());
        QCOMPARE(store.due(m_seed.workspaceA)->size(), 2);
        Release paused = ReleaseStore(*m_database).findById(m_seed.workspaceA, m_release)->value();
        paused.status = ReleaseStatus::Paused;
        QVERIFY(ReleaseStore(*m_database).update(m_seed.editorA, paused).ok());
        QVERIFY(store.due(m_seed.workspaceA)->isEmpty());
    }

    void cyclesNumberThemselvesAndKeepOneLatest()
    {
        CycleStore cycles(*m_database);
        Result<RegressionCycle> first =
            cycles.start(m_seed.editorA, m_release, QStringLiteral("v1.0.0-rc.1"));
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        Result<RegressionCycle> second =
            cycles.start(m_seed.editorA, m_release, QStringLiteral("v1.0.0-rc.2"));
        QCOMPARE(first->number, 1);
        QCOMPARE(second->number, 2);
        QVERIFY(second->latest);
        QCOMPARE(second->status, CycleStatus::InProgress);
        const QList<RegressionCycle> all = *cycles.list(m_seed.workspaceA, m_release);
        QCOMPARE(all.size(), 2);
        QVERIFY(!all.at(0).latest);
        QVERIFY(cycles.setStatus(m_seed.editorA, first->id, CycleStatus::Abandoned).ok());
        QCOMPARE(cycles.setStatus(m_seed.ownerB, first->id, CycleStatus::Done).error().kind,
                 ErrorKind::NotFound);
        QCOMPARE(cycles.start(m_seed.ownerB, m_release, {}).error().kind, ErrorKind::NotFound);
        QCOMPARE(cycles.start(m_seed.viewerA, m_release, {}).error().kind, ErrorKind::Forbidden);
    }

    void slotsComeDueOnTheDatabaseClock()
    {
        SlotStore schedule(*m_database);
        RegressionSlot past;
        past.releaseId = m_release;
        past.slotAt = QDateTime::currentDateTimeUtc().addSecs(-3600);
        RegressionSlot future = past;
        future.slotAt = QDateTime::currentDateTimeUtc().addDays(2);
        future.runAutomation = false;
        const RegressionSlot added = *schedule.add(m_seed.editorA, past);
        QVERIFY(schedule.add(m_seed.editorA, future).ok());
        QCOMPARE(schedule.list(m_seed.workspaceA, m_release)->size(), 2);
        QCOMPARE(schedule.list(m_seed.workspaceA, m_release)->constLast().runAutomation, false);
        QCOMPARE(schedule.due(m_seed.workspaceA)->size(), 1);
        const RegressionCycle cycle = *CycleStore(*m_database).start(m_seed.editorA, m_release, {});
        QVERIFY(schedule.attachCycle(m_seed.editorA, added.id, cycle.id).ok());
        QVERIFY(schedule.due(m_seed.workspaceA)->isEmpty());
        QCOMPARE(schedule.add(m_seed.viewerA, past).error().kind, ErrorKind::Forbidden);
        QCOMPARE(schedule.add(m_seed.ownerB, past).error().kind, ErrorKind::NotFound);
    }

    void buildsAreOnePerTaskAndPlatform()
    {
        TaskStore tasks(*m_database);
        const Task planned =
            tasks.plan(m_seed.editorA, m_release, {task(TaskType::TriggerRegressionBuilds, 1)})
                ->constFirst();
        BuildStore builds(*m_database);
        Build build;
        build.taskId = planned.id;
        build.platform = Platform::Ios;
        build.status = BuildStatus::Running;
        build.ciRunId = QStringLiteral("991");
        const Build first = *builds.record(m_seed.editorA, build);
        QCOMPARE(first.releaseId, m_release);
        build.status = BuildStatus::Succeeded;
        build.buildNumber = QStringLiteral("512");
        const Build second = *builds.record(m_seed.editorA, build);
        QCOMPARE(second.id, first.id);
        QCOMPARE(second.status, BuildStatus::Succeeded);
        build.platform = Platform::Android;
        QVERIFY(builds.record(m_seed.editorA, build).ok());
        QCOMPARE(builds.listForRelease(m_seed.workspaceA, m_release)->size(), 2);
        QCOMPARE(builds.record(m_seed.ownerB, build).error().kind, ErrorKind::NotFound);
        QCOMPARE(builds.record(m_seed.viewerA, build).error().kind, ErrorKind::Forbidden);
        QVERIFY(builds.listForRelease(m_seed.workspaceB, m_release)->isEmpty());
    }

private:
    static Task task(TaskType type, int cycle)
    {
        Task t;
        t.type = type;
        t.stage = stageOf(type);
        t.cycleNumber = cycle;
        t.nextAttemptAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        return t;
    }

    std::unique_ptr<Database> m_database;
    StoreSeed m_seed;
    qint64 m_release = 0;
};

QTEST_GUILESS_MAIN(TestTaskStore)
#include "tst_taskstore.moc"
