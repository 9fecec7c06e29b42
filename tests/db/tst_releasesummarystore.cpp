#include "StoreSeed.h"
#include "TestBackend.h"
#include "store/CycleStore.h"
#include "store/ReleaseStore.h"
#include "store/ReleaseSummaryStore.h"
#include "store/SlotStore.h"
#include "store/TaskStore.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The dashboard's rows on SQLite and MariaDB: task counts per stage and cycle, cycles,
// slots, pilot and first failed task, for every release or some, in constant queries.
class TestReleaseSummaryStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_database = TestBackend::database(backend, QStringLiteral("summaries"), &error);
        QVERIFY2(m_database, qPrintable(error));
        QVERIFY2(m_seed.plant(*m_database, &error), qPrintable(error));
    }

    void cleanup() { m_database.reset(); }

    void countsTasksInConstantQueries()
    {
        addRelease(QStringLiteral("1.0.0"), 1);
        ReleaseSummaryStore summaries(*m_database);
        const qint64 before = m_database->queryCount();
        Result<QList<ReleaseSummary>> one = summaries.all(m_seed.workspaceA);
        const qint64 forOne = m_database->queryCount() - before;
        QVERIFY(one.ok());
        for (int i = 1; i < 6; ++i)
            addRelease(QStringLiteral("1.%1.0").arg(i), 2);
        const qint64 again = m_database->queryCount();
        Result<QList<ReleaseSummary>> six = summaries.all(m_seed.workspaceA);
        QCOMPARE(m_database->queryCount() - again, forOne);
        QCOMPARE(forOne, 6);
        QCOMPARE(six->size(), 6);
        const ReleaseSummary& oldest = six->constLast();
        QCOMPARE(oldest.release.version, QStringLiteral("1.0.0"));
        QCOMPARE(oldest.total(Stage::Kickoff), 4);
        QCOMPARE(oldest.total(Stage::Regression), 5);
        QCOMPARE(oldest.total(Stage::PreRelease), 5);
        QCOMPARE(oldest.count(Stage::Kickoff, TaskStatus::Failed), 1);
        QCOMPARE(oldest.count(Stage::Kickoff, TaskStatus::Pending), 3);
        QCOMPARE(oldest.failedTask, std::optional<TaskType>(TaskType::ForkBranch));
        QCOMPARE(oldest.failedCycle, 0);
        QCOMPARE(six->constFirst().count(Stage::Kickoff, TaskStatus::Failed), 2);
        // Workspace B sees none of it.
        QVERIFY(summaries.all(m_seed.workspaceB)->isEmpty());
    }

    void readsCyclesSlotsAndThePilot()
    {
        const qint64 id = addRelease(QStringLiteral("2.0.0"), 0);
        ReleaseStore releases(*m_database);
        Release release = releases.findById(m_seed.workspaceA, id)->value();
        release.pilotId = m_seed.viewerA.accountId;
        QVERIFY(releases.update(m_seed.editorA, release).ok());
        SlotStore slotStore(*m_database);
        const QDateTime first(QDate(2026, 3, 2), QTime(10, 0), Qt::UTC);
        const QDateTime second(QDate(2026, 3, 4), QTime(14, 0), Qt::UTC);
        const QDateTime third(QDate(2026, 3, 6), QTime(14, 0), Qt::UTC);
        RegressionSlot slot;
        slot.releaseId = id;
        QList<qint64> slotIds;
        for (const QDateTime& at : {third, first, second}) {
            slot.slotAt = at;
            slotIds.append(slotStore.add(m_seed.editorA, slot)->id);
        }
        Result<RegressionCycle> cycle =
            CycleStore(*m_database).start(m_seed.editorA, id, QStringLiteral("v2.0.0-rc.1"));
        QVERIFY(cycle.ok());
        QVERIFY(slotStore.attachCycle(m_seed.editorA, slotIds.at(1), cycle->id).ok());
        TaskStore tasks(*m_database);
        QList<Task> cycleTasks = tasks.listForRelease(m_seed.workspaceA, id).value();
        Task done = *std::find_if(cycleTasks.begin(), cycleTasks.end(), [](const Task& task) {
            return task.type == TaskType::CreateRcTag;
        });
        done.status = TaskStatus::Completed;
        QVERIFY(tasks.save(m_seed.editorA, done).ok());

        Result<QList<ReleaseSummary>> read =
            ReleaseSummaryStore(*m_database).byIds(m_seed.workspaceA, {id});
        QVERIFY(read.ok());
        QCOMPARE(read->size(), 1);
        const ReleaseSummary& summary = read->constFirst();
        QCOMPARE(summary.pilotName, QStringLiteral("viewer@a"));
        QCOMPARE(summary.slotCount, 3);
        QCOMPARE(summary.plannedCycles(), 3);
        QCOMPARE(summary.nextSlotAt, second);
        QCOMPARE(summary.cycles.size(), 1);
        QCOMPARE(summary.cycles.constFirst().number, 1);
        QCOMPARE(summary.cycles.constFirst().status, CycleStatus::InProgress);
        QCOMPARE(summary.cycles.constFirst().total, 5);
        QCOMPARE(summary.cycles.constFirst().finished, 1);
        QVERIFY(!summary.failedTask);
    }

    void readsOnlyTheReleasesAskedForAndSaysWhichAreGone()
    {
        const qint64 a = addRelease(QStringLiteral("3.0.0"), 0);
        const qint64 b = addRelease(QStringLiteral("3.1.0"), 3);
        addRelease(QStringLiteral("3.2.0"), 0);
        QList<qint64> ids{a, b, 999999};
        // More than one IN list's worth still reads each release once.
        for (qint64 missing = 1000000; ids.size() < 1200; ++missing)
            ids.append(missing);
        const qint64 before = m_database->queryCount();
        Result<QList<ReleaseSummary>> read =
            ReleaseSummaryStore(*m_database).byIds(m_seed.workspaceA, ids);
        QVERIFY(read.ok());
        QCOMPARE(read->size(), 2);
        QCOMPARE(read->at(0).release.id, b);
        QCOMPARE(read->at(0).count(Stage::Kickoff, TaskStatus::Failed), 3);
        QCOMPARE(read->at(1).release.id, a);
        QVERIFY(m_database->queryCount() - before <= 3 * 6);
        QVERIFY(ReleaseSummaryStore(*m_database).byIds(m_seed.workspaceB, {a, b})->isEmpty());
        // The first screen: the newest ones only.
        Result<QList<ReleaseSummary>> newest =
            ReleaseSummaryStore(*m_database).newest(m_seed.workspaceA, 2);
        QVERIFY(newest.ok());
        QCOMPARE(newest->size(), 2);
        QCOMPARE(newest->at(0).release.version, QStringLiteral("3.2.0"));
        QCOMPARE(newest->at(1).release.id, b);
        QCOMPARE(newest->at(1).count(Stage::Kickoff, TaskStatus::Failed), 3);
    }

private:
    // A release with every task planned (cycle tasks in cycle 1), the first `failed` failed.
    qint64 addRelease(const QString& version, int failed)
    {
        ReleaseStore releases(*m_database);
        TaskStore tasks(*m_database);
        Release release;
        release.version = version;
        release.baseBranch = QStringLiteral("main");
        Result<Release> created = releases.create(m_seed.editorA, release);
        if (!created)
            return 0;
        QList<Task> planned;
        for (const TaskType type : allTaskTypes()) {
            Task task;
            task.type = type;
            task.stage = stageOf(type);
            task.cycleNumber = isCycleTask(type) ? 1 : 0;
            planned.append(task);
        }
        for (int i = 0; i < failed; ++i)
            planned[i].status = TaskStatus::Failed;
        if (!tasks.plan(m_seed.editorA, created->id, planned))
            return 0;
        return created->id;
    }

    std::unique_ptr<Database> m_database;
    StoreSeed m_seed;
};

QTEST_GUILESS_MAIN(TestReleaseSummaryStore)
#include "tst_releasesummarystore.moc"
