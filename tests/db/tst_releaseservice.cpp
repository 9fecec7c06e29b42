#include "StoreSeed.h"
#include "TestBackend.h"
#include "db/DatabaseClock.h"
#include "orchestrator/ReleaseProgression.h"
#include "services/ReleaseActions.h"
#include "services/ReleaseService.h"
#include "store/AnnouncementStore.h"
#include "store/ConnectionStore.h"
#include "store/EventStore.h"
#include "store/ReleaseStore.h"
#include "store/SlotStore.h"
#include "store/TaskStore.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The release service, the people's actions and the stage machine, on SQLite and MariaDB,
// with tasks finished by hand (the orchestrator's own tests run them through providers).
class TestReleaseService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_database = TestBackend::database(backend, QStringLiteral("releases"), &error);
        QVERIFY2(m_database, qPrintable(error));
        QVERIFY2(m_seed.plant(*m_database, &error), qPrintable(error));
        m_now = DatabaseClock::now(*m_database).value();
    }

    void cleanup() { m_database.reset(); }

    void badInputGetsOneClearErrorAndSavesNothing()
    {
        ReleaseService service(*m_database, QStringLiteral("editor@a"));
        QVERIFY(service.create(m_seed.editorA, draft(QStringLiteral("1.4.0"))).ok());
        const int events = eventCount();
        const auto refused = [&](ReleaseDraft d, ErrorKind kind, const QString& words) {
            Result<Release> created = service.create(m_seed.editorA, d);
            QVERIFY2(!created.ok(), qPrintable(d.version));
            QCOMPARE(created.error().kind, kind);
            QVERIFY2(created.error().message.contains(words), qPrintable(created.error().message));
        };
        for (const QString& version :
             {QStringLiteral("1.4"), QStringLiteral("v1.5.0"), QStringLiteral("1.5.0.1"),
              QStringLiteral("01.5.0"), QStringLiteral("1.5.0-"), QString()})
            refused(draft(version), ErrorKind::Usage, QStringLiteral("MAJOR.MINOR.PATCH"));
        refused(draft(QStringLiteral("1.4.0")), ErrorKind::Conflict, QStringLiteral("1.4.0"));
        ReleaseDraft past = draft(QStringLiteral("1.5.0"));
        past.regressionSlots = {{m_now.addSecs(-3600), true, true}};
        refused(past, ErrorKind::Usage, QStringLiteral("in the past"));
        ReleaseDraft late = draft(QStringLiteral("1.5.0"));
        late.targetAt = m_now.addDays(3);
        late.regressionSlots = {{m_now.addDays(1), true, true}, {m_now.addDays(4), true, true}};
        refused(late, ErrorKind::Usage, QStringLiteral("after the target"));
        ReleaseDraft spaced = draft(QStringLiteral("1.5.0"));
        spaced.baseBranch = QStringLiteral("my branch");
        refused(spaced, ErrorKind::Usage, QStringLiteral("contains a space"));
        ReleaseDraft train = draft(QStringLiteral("1.5.0"));
        train.train = QStringLiteral("Weekly");
        refused(train, ErrorKind::Usage, QStringLiteral("no release train named 'Weekly'"));
        ReleaseDraft backwards = draft(QStringLiteral("1.5.0"));
        backwards.targetAt = m_now.addSecs(-10);
        refused(backwards, ErrorKind::Usage, QStringLiteral("not after the kickoff"));
        QCOMPARE(service.create(m_seed.viewerA, draft(QStringLiteral("1.5.0"))).error().kind,
                 ErrorKind::Forbidden);
        QCOMPARE(ReleaseStore(*m_database).list(m_seed.workspaceA)->size(), 1);
        QCOMPARE(eventCount(), events);
    }

    void aNewReleasePlansItsKickoffTasksAtOnce()
    {
        addConnection(ConnectionCategory::Scm, QStringLiteral("github"));
        ReleaseService service(*m_database, QStringLiteral("editor@a"));
        ReleaseDraft later = draft(QStringLiteral("2.0.0"));
        later.kickoffAt = m_now.addSecs(3600);
        const Release created = service.create(m_seed.editorA, later).value();
        QCOMPARE(created.status, ReleaseStatus::Pending);
        QCOMPARE(created.releaseBranch, QStringLiteral("release/2.0.0"));
        QCOMPARE(created.baseBranch, QStringLiteral("main"));
        const ReleaseDetail detail = service.detail(m_seed.editorA, created.id).value();
        QCOMPARE(detail.tasks.size(), 4);
        const Task fork = task(detail, TaskType::ForkBranch);
        QCOMPARE(fork.status, TaskStatus::Pending);
        QCOMPARE(fork.nextAttemptAt, later.kickoffAt);
        QCOMPARE(task(detail, TaskType::CreateProjectManagementTicket).status, TaskStatus::Skipped);
        QCOMPARE(task(detail, TaskType::CreateProjectManagementTicket).lastError,
                 QStringLiteral("no ISSUES connection"));
        QCOMPARE(task(detail, TaskType::CreateTestSuite).lastError,
                 QStringLiteral("no TESTS connection"));
        QCOMPARE(task(detail, TaskType::TriggerPreRegressionBuilds).lastError,
                 QStringLiteral("no CI connection"));
        // Nothing is due before kickoff.
        QVERIFY(TaskStore(*m_database).due(m_seed.workspaceA)->isEmpty());
        QVERIFY(ReleaseStore(*m_database).kickoffsDue(m_seed.workspaceA)->isEmpty());
        QCOMPARE(lastEvent().kind, QStringLiteral("release.created"));
    }

    void walksThroughEveryStageToDone()
    {
        ReleaseService service(*m_database, QStringLiteral("editor@a"));
        ReleaseDraft d = draft(QStringLiteral("1.4.0"));
        d.regressionSlots = {{m_now, true, true}, {m_now, false, true}};
        const Release created = service.create(m_seed.editorA, d).value();
        ReleaseProgression orchestrator(*m_database, m_seed.editorA,
                                        QStringLiteral("orchestrator@test"));
        QVERIFY(orchestrator.kickOff(created.id).ok());
        Release release = current(created.id);
        // Kickoff's tasks were all skipped (no connections): on to regression at once.
        QCOMPARE(release.status, ReleaseStatus::InProgress);
        QCOMPARE(release.stage, Stage::Regression);
        for (int cycle = 1; cycle <= 2; ++cycle) {
            const QList<RegressionSlot> due = SlotStore(*m_database).due(m_seed.workspaceA).value();
            QCOMPARE(due.size(), 3 - cycle);
            QVERIFY(orchestrator.startCycle(due.constFirst()).ok());
        }
        const ReleaseDetail detail = service.detail(m_seed.editorA, created.id).value();
        QCOMPARE(detail.cycles.size(), 2);
        QCOMPARE(detail.cycles.at(1).rcTag, QStringLiteral("v1.4.0-rc.2"));
        QCOMPARE(detail.cycles.at(1).status, CycleStatus::Done);
        QCOMPARE(task(detail, TaskType::ResetTestSuite, 1).lastError,
                 QStringLiteral("no TESTS connection"));
        QCOMPARE(task(detail, TaskType::TriggerRegressionBuilds, 2).lastError,
                 QStringLiteral("no CI connection"));
        release = current(created.id);
        QCOMPARE(release.status, ReleaseStatus::Paused);
        QCOMPARE(release.pauseReason, PauseReason::AwaitingStageTrigger);
        QCOMPARE(release.stage, Stage::Regression);

        ReleaseActions actions(*m_database, QStringLiteral("editor@a"));
        QCOMPARE(actions.approve(m_seed.viewerA, created.id, release.rowVersion).error().kind,
                 ErrorKind::Forbidden);
        release = actions.approve(m_seed.editorA, created.id, release.rowVersion).value();
        QCOMPARE(release.stage, Stage::Done);
        QCOMPARE(release.status, ReleaseStatus::Completed);
        QCOMPARE(release.releaseTag, QStringLiteral("v1.4.0"));
        QVERIFY(release.releasedAt.isValid());
        QStringList kinds;
        const QList<Announcement> announced =
            AnnouncementStore(*m_database).listForRelease(m_seed.workspaceA, created.id).value();
        for (const Announcement& a : announced)
            kinds.append(a.kind);
        QCOMPARE(kinds, QStringList({QStringLiteral("kickoff"), QStringLiteral("awaiting_approval"),
                                     QStringLiteral("completed")}));
        QCOMPARE(actions.approve(m_seed.editorA, created.id, 0).error().kind, ErrorKind::Usage);
    }

    void aFailedTaskPausesTheReleaseUntilRetriedOrSkipped()
    {
        addConnection(ConnectionCategory::Scm, QStringLiteral("github"));
        ReleaseService service(*m_database, QStringLiteral("editor@a"));
        const Release created =
            service.create(m_seed.editorA, draft(QStringLiteral("1.4.0"))).value();
        ReleaseProgression orchestrator(*m_database, m_seed.editorA,
                                        QStringLiteral("orchestrator@test"));
        QVERIFY(orchestrator.kickOff(created.id).ok());
        fail(created.id, TaskType::ForkBranch, QStringLiteral("GitHub refused the token."));
        Release release = current(created.id);
        QCOMPARE(release.status, ReleaseStatus::Paused);
        QCOMPARE(release.pauseReason, PauseReason::TaskFailure);
        const QList<Announcement> announced =
            AnnouncementStore(*m_database).listForRelease(m_seed.workspaceA, created.id).value();
        QCOMPARE(announced.constLast().kind, QStringLiteral("task_failed"));
        QVERIFY(announced.constLast().body.contains(QStringLiteral("GitHub refused the token.")));

        ReleaseActions actions(*m_database, QStringLiteral("editor@a"));
        QCOMPARE(actions.resume(m_seed.editorA, created.id, 0).error().kind, ErrorKind::Usage);
        release = actions.retry(m_seed.editorA, created.id, 0, TaskType::ForkBranch).value();
        QCOMPARE(release.status, ReleaseStatus::InProgress);
        ReleaseDetail detail = service.detail(m_seed.editorA, created.id).value();
        QCOMPARE(task(detail, TaskType::ForkBranch).status, TaskStatus::Pending);
        QCOMPARE(task(detail, TaskType::ForkBranch).attempts, 0);
        QCOMPARE(TaskStore(*m_database).due(m_seed.workspaceA)->size(), 1);

        fail(created.id, TaskType::ForkBranch, QStringLiteral("Still refused."));
        release = actions.skip(m_seed.editorA, created.id, 0, TaskType::ForkBranch).value();
        detail = service.detail(m_seed.editorA, created.id).value();
        QCOMPARE(task(detail, TaskType::ForkBranch).status, TaskStatus::Skipped);
        QCOMPARE(task(detail, TaskType::ForkBranch).lastError,
                 QStringLiteral("skipped by editor@a"));
        // Skipping the last open kickoff task moves the release on.
        QCOMPARE(release.status, ReleaseStatus::Paused);
        QCOMPARE(release.stage, Stage::Regression);
        QCOMPARE(release.pauseReason, PauseReason::AwaitingStageTrigger);
        QCOMPARE(actions.retry(m_seed.editorA, created.id, 0, TaskType::ForkBranch).error().kind,
                 ErrorKind::Usage);
    }

    void aTaskThatFailsWhileTheReleaseIsPausedIsAnnouncedToo()
    {
        addConnection(ConnectionCategory::Scm, QStringLiteral("github"));
        addConnection(ConnectionCategory::Issues, QStringLiteral("jira-cloud"));
        ReleaseService service(*m_database, QStringLiteral("editor@a"));
        const Release created =
            service.create(m_seed.editorA, draft(QStringLiteral("1.6.0"))).value();
        ReleaseProgression orchestrator(*m_database, m_seed.editorA,
                                        QStringLiteral("orchestrator@test"));
        QVERIFY(orchestrator.kickOff(created.id).ok());
        // The two kickoff tasks run at once; the ticket fails first and pauses the release.
        fail(created.id, TaskType::CreateProjectManagementTicket, QStringLiteral("Jira refused."));
        QCOMPARE(current(created.id).pauseReason, PauseReason::TaskFailure);
        fail(created.id, TaskType::ForkBranch, QStringLiteral("GitHub refused."));
        const auto failures = [&] {
            QStringList bodies;
            const QList<Announcement> all = AnnouncementStore(*m_database)
                                                .listForRelease(m_seed.workspaceA, created.id)
                                                .value();
            for (const Announcement& a : all) {
                if (a.kind == QLatin1String("task_failed"))
                    bodies.append(a.body);
            }
            return bodies;
        };
        const auto pausedEvents = [&] {
            Result<QSqlQuery> counted = m_database->run(
                QStringLiteral("SELECT COUNT(*) FROM events WHERE release_id = ? AND kind = "
                               "'release.paused'"),
                {created.id});
            return counted && counted->next() ? counted->value(0).toInt() : -1;
        };
        QStringList bodies = failures();
        QCOMPARE(bodies.size(), 2);
        QVERIFY2(bodies.join(QLatin1Char('\n')).contains(QLatin1String("GitHub refused.")),
                 qPrintable(bodies.join(QLatin1Char('\n'))));
        QCOMPARE(pausedEvents(), 2);
        // Evaluated again, nothing is said twice.
        QVERIFY(orchestrator.evaluate(created.id).ok());
        QCOMPARE(failures().size(), 2);
        QCOMPARE(pausedEvents(), 2);
        QCOMPARE(current(created.id).pauseReason, PauseReason::TaskFailure);
    }

    void aStaleDecisionIsRefused()
    {
        ReleaseService service(*m_database, QStringLiteral("editor@a"));
        ReleaseDraft later = draft(QStringLiteral("3.0.0"));
        later.kickoffAt = m_now.addSecs(3600);
        const Release seen = service.create(m_seed.editorA, later).value();
        ReleaseActions actions(*m_database, QStringLiteral("owner@a"));
        const Release paused =
            actions.pause(m_seed.ownerA, seen.id, seen.rowVersion, QStringLiteral("freeze"))
                .value();
        QVERIFY(paused.rowVersion > seen.rowVersion);
        const int events = eventCount();
        Result<Release> stale = actions.cancel(m_seed.editorA, seen.id, seen.rowVersion);
        QCOMPARE(stale.error().kind, ErrorKind::Conflict);
        QVERIFY2(stale.error().message.contains(QStringLiteral("A teammate changed 3.0.0")),
                 qPrintable(stale.error().message));
        QCOMPARE(current(seen.id).status, ReleaseStatus::Paused);
        QCOMPARE(eventCount(), events);
        // Resumed before kickoff, it waits for its kickoff again.
        QCOMPARE(actions.resume(m_seed.editorA, seen.id, paused.rowVersion)->status,
                 ReleaseStatus::Pending);
    }

    void slotsAreAddedWithinTheRelease()
    {
        ReleaseService service(*m_database, QStringLiteral("editor@a"));
        ReleaseDraft d = draft(QStringLiteral("1.4.0"));
        d.targetAt = m_now.addDays(7);
        const Release created = service.create(m_seed.editorA, d).value();
        ReleaseProgression orchestrator(*m_database, m_seed.editorA,
                                        QStringLiteral("orchestrator@test"));
        QVERIFY(orchestrator.kickOff(created.id).ok());
        // No slot: regression is over at once and pre-release waits for approval.
        Release release = current(created.id);
        QCOMPARE(release.pauseReason, PauseReason::AwaitingStageTrigger);
        ReleaseActions actions(*m_database, QStringLiteral("editor@a"));
        QCOMPARE(actions.addSlot(m_seed.editorA, created.id, 0, {m_now.addSecs(-7200), true, true})
                     .error()
                     .message,
                 QStringLiteral("The regression slot at %1 is in the past.")
                     .arg(m_now.addSecs(-7200).toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
        QCOMPARE(actions.addSlot(m_seed.editorA, created.id, 0, {m_now.addDays(8), true, true})
                     .error()
                     .kind,
                 ErrorKind::Usage);
        release =
            actions.addSlot(m_seed.editorA, created.id, 0, {m_now.addDays(1), true, false}).value();
        QCOMPARE(release.status, ReleaseStatus::InProgress);
        QCOMPARE(release.stage, Stage::Regression);
        QCOMPARE(SlotStore(*m_database).list(m_seed.workspaceA, created.id)->size(), 1);
        QCOMPARE(lastEvent().kind, QStringLiteral("release.slot_added"));
    }

    void kickoffCanStartNow()
    {
        addConnection(ConnectionCategory::Scm, QStringLiteral("github"));
        ReleaseService service(*m_database, QStringLiteral("editor@a"));
        ReleaseDraft later = draft(QStringLiteral("1.4.0"));
        later.kickoffAt = m_now.addDays(2);
        const Release created = service.create(m_seed.editorA, later).value();
        ReleaseActions actions(*m_database, QStringLiteral("editor@a"));
        const Release started =
            actions.startKickoffNow(m_seed.editorA, created.id, created.rowVersion).value();
        QCOMPARE(started.status, ReleaseStatus::InProgress);
        QVERIFY(started.kickoffAt <= DatabaseClock::now(*m_database).value());
        QCOMPARE(TaskStore(*m_database).due(m_seed.workspaceA)->size(), 1);
        QCOMPARE(actions.startKickoffNow(m_seed.editorA, created.id, 0).error().kind,
                 ErrorKind::Usage);
        QCOMPARE(actions.cancel(m_seed.editorA, created.id, 0)->status, ReleaseStatus::Cancelled);
        QVERIFY(TaskStore(*m_database).due(m_seed.workspaceA)->isEmpty());
    }

private:
    ReleaseDraft draft(const QString& version) const
    {
        ReleaseDraft d;
        d.version = version;
        d.kickoffAt = m_now;
        return d;
    }

    void addConnection(ConnectionCategory category, const QString& provider)
    {
        Connection connection;
        connection.category = category;
        connection.provider = provider;
        connection.displayName = provider;
        connection.config = {{QStringLiteral("owner"), QStringLiteral("o")},
                             {QStringLiteral("repo"), QStringLiteral("r")}};
        connection.secretRef = QStringLiteral("workspace/test");
        QVERIFY(ConnectionStore(*m_database).insert(m_seed.ownerA, connection).ok());
    }

    // Finishes a task as a failed run would: claimed, then written under the claim.
    void fail(qint64 releaseId, TaskType type, const QString& error)
    {
        TaskStore store(*m_database);
        Task found;
        const QList<Task> tasks = store.listForRelease(m_seed.workspaceA, releaseId).value();
        for (const Task& t : tasks) {
            if (t.type == type)
                found = t;
        }
        QVERIFY(*store.claim(m_seed.editorA, found.id, QStringLiteral("test"),
                             QStringLiteral("tok"), 60));
        found.claimToken = QStringLiteral("tok");
        found.status = TaskStatus::Failed;
        found.lastError = error;
        found.attempts = 1;
        QVERIFY(*store.finishClaimed(m_seed.editorA, found, -1));
        QVERIFY(ReleaseProgression(*m_database, m_seed.editorA, QStringLiteral("orchestrator@test"))
                    .evaluate(releaseId)
                    .ok());
    }

    static Task task(const ReleaseDetail& detail, TaskType type, int cycle = 0)
    {
        for (const Task& t : detail.tasks) {
            if (t.type == type && t.cycleNumber == cycle)
                return t;
        }
        return {};
    }

    Release current(qint64 id)
    {
        return ReleaseStore(*m_database).findById(m_seed.workspaceA, id)->value();
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

QTEST_GUILESS_MAIN(TestReleaseService)
#include "tst_releaseservice.moc"
