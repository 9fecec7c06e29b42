#include "FakeProviderWorld.h"
#include "FastHttpSettings.h"
#include "OrchestratedWorkspace.h"
#include "db/MigrationRunner.h"
#include "store/TaskStore.h"

#include <QDeadlineTimer>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The orchestrator in-process on SQLite against the fake providers: transient failures
// (502, 429 with Retry-After, a timeout) outlast the HTTP client's own retries, the task
// says what it waits for, tries again later and completes with its effect done once; a CI
// run that never finishes keeps its task AWAITING_EXTERNAL, polled ever less often.
class TestOrchestratorRetries : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<FakeProviderWorld> m_world;
    std::unique_ptr<OrchestratedWorkspace> m_workspace;
    int m_run = 0;

    static constexpr int TickSeconds = 1;

    Task fetch(qint64 releaseId, TaskType type)
    {
        const QList<Task> tasks =
            TaskStore(*m_database).listForRelease(m_workspace->workspaceId(), releaseId).value();
        for (const Task& task : tasks) {
            if (task.type == type)
                return task;
        }
        return {};
    }

    // Polls the task every 20 ms, the orchestrator working meanwhile, until seen(task).
    Task waitFor(qint64 releaseId, TaskType type, const std::function<bool(const Task&)>& seen,
                 int seconds)
    {
        QDeadlineTimer deadline(seconds * 1000);
        Task task = fetch(releaseId, type);
        while (!seen(task) && !deadline.hasExpired()) {
            QTest::qWait(20);
            task = fetch(releaseId, type);
        }
        return task;
    }

    Release release(const QString& version, const QList<Platform>& platforms = {Platform::Android})
    {
        ReleaseDraft draft;
        draft.version = version;
        draft.platforms = platforms;
        Result<Release> created = m_workspace->createRelease(draft);
        if (!created)
            qWarning().noquote() << created.error().message;
        return created.value();
    }

    QString log() const { return m_workspace->lines().join(QLatin1Char('\n')); }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_database = std::make_unique<Database>(*DatabaseUrl::parse(
            QStringLiteral("sqlite:%1/retries-%2.sqlite").arg(m_dir.path()).arg(++m_run)));
        QVERIFY(MigrationRunner(*m_database).migrate().ok());
        m_world = std::make_unique<FakeProviderWorld>();
        m_workspace = std::make_unique<OrchestratedWorkspace>(*m_database);
        QString error;
        QVERIFY2(m_workspace->plant(&error), qPrintable(error));
        QVERIFY2(m_workspace->connect(*m_world, QStringLiteral("github-enterprise"), &error),
                 qPrintable(error));
    }

    void cleanup()
    {
        QVERIFY(m_workspace->stopOrchestrator());
        m_workspace.reset();
        m_world.reset();
        m_database.reset();
    }

    void aTransientFailureRetriesAndCompletes_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<QString>("waitingFor"); // words of the sentence while it waits
        QTest::addColumn<int>("minWait");        // seconds from the failure to the next attempt
        QTest::addColumn<int>("maxWait");
        QTest::addColumn<int>("looks"); // requests for the branch: two a round, failed ones too
        // The client's own four attempts all meet the fault; the orchestrator's backoff
        // starts at the tick interval.
        QTest::newRow("502") << QStringLiteral("502") << QStringLiteral("HTTP 502") << TickSeconds
                             << TickSeconds << 4 + 2;
        // Longer than the client waits by itself: the task waits until the limit lifts.
        QTest::newRow("429 Retry-After")
            << QStringLiteral("429") << QStringLiteral("rate limit reached; resets at") << 4 << 5
            << 2 + 2;
        QTest::newRow("timeout") << QStringLiteral("timeout")
                                 << QStringLiteral("did not answer within 1 s") << TickSeconds
                                 << TickSeconds << 4 + 2;
    }

    void aTransientFailureRetriesAndCompletes()
    {
        QFETCH(QString, fault);
        QFETCH(QString, waitingFor);
        QFETCH(int, minWait);
        QFETCH(int, maxWait);
        QFETCH(int, looks);
        FakeGitHub& github = m_world->github();
        const QString exists = QStringLiteral("/git/ref/heads/release/1.0.0");
        if (fault == QLatin1String("502"))
            github.failNext("GET", exists, FakeResponse::htmlPage(502), 4);
        else if (fault == QLatin1String("429"))
            github.failNext("POST", QStringLiteral("/git/refs"), FakeResponse::tooManyRequests(5));
        else
            github.server().delayNext("GET", github.repoPath(exists), 3000, 4);
        const Release created = release(QStringLiteral("1.0.0"));

        HttpSettings http = fastSettings();
        http.totalTimeoutMs = 1000;
        m_workspace->startOrchestrator(TickSeconds, 10, http);
        const Task waiting = waitFor(
            created.id, TaskType::ForkBranch,
            [](const Task& t) { return t.attempts == 1 && t.status == TaskStatus::Pending; }, 30);
        QVERIFY2(waiting.attempts == 1 && waiting.status == TaskStatus::Pending, qPrintable(log()));
        qInfo().noquote() << "while it waits:" << waiting.waitingFor;
        QVERIFY2(waiting.waitingFor.contains(waitingFor), qPrintable(waiting.waitingFor));
        QVERIFY2(waiting.waitingFor.contains(QLatin1String("Retry 2 of 5")),
                 qPrintable(waiting.waitingFor));
        QCOMPARE(waiting.lastError, waiting.waitingFor);
        const qint64 wait = waiting.updatedAt.msecsTo(waiting.nextAttemptAt);
        QVERIFY2(wait >= minWait * 1000 - 1000 && wait <= maxWait * 1000,
                 qPrintable(QStringLiteral("next attempt %1 ms after the failure").arg(wait)));
        QCOMPARE(github.branchesCreated(), 0);

        const Task done = waitFor(
            created.id, TaskType::ForkBranch,
            [](const Task& t) { return t.status == TaskStatus::Completed; }, 30);
        QVERIFY2(done.status == TaskStatus::Completed, qPrintable(log()));
        QCOMPARE(done.attempts, 2);
        QVERIFY(done.waitingFor.isEmpty());
        QVERIFY(done.lastError.isEmpty());
        QVERIFY2(done.startedAt.msecsTo(done.finishedAt) >= wait, qPrintable(log()));
        QCOMPARE(github.branchesCreated(QStringLiteral("release/1.0.0")), 1);
        QCOMPARE(github.branchesCreated(), 1);
        // The client's own attempts, then the orchestrator's second round.
        QCOMPARE(github.count("GET", exists), looks);
    }

    void aClaimNoWorkerHoldsExpiresEvenUnderThisInstancesName()
    {
        // What a worker whose result could not be written (the database was gone) leaves
        // behind, or a killed predecessor that ran under the same name: a live claim in
        // this instance's name that no running work of it holds.
        const Release created = release(QStringLiteral("4.0.0"));
        const qint64 fork = fetch(created.id, TaskType::ForkBranch).id;
        const Result<bool> claimed =
            TaskStore(*m_database)
                .claim(m_workspace->owner(), fork, QStringLiteral("in-process"),
                       QStringLiteral("left-behind"), 3);
        QVERIFY(claimed.ok() && *claimed);

        m_workspace->startOrchestrator(TickSeconds, 3, fastSettings());
        const Task done = waitFor(
            created.id, TaskType::ForkBranch,
            [](const Task& t) { return t.status == TaskStatus::Completed; }, 12);
        QVERIFY2(
            done.status == TaskStatus::Completed,
            qPrintable(QStringLiteral("claim of %1 until %2\n")
                           .arg(done.claimOwner, done.claimExpiresAt.toString(Qt::ISODateWithMs)) +
                       log()));
        QCOMPARE(m_world->github().branchesCreated(), 1);
    }

    void aRunThatNeverFinishesIsPolledLessAndLessOften()
    {
        QString error;
        QVERIFY2(m_workspace->connect(*m_world, QStringLiteral("github-actions"), &error),
                 qPrintable(error));
        const Release created = release(QStringLiteral("2.0.0"));
        m_workspace->startOrchestrator(TickSeconds, 10, fastSettings());

        // Each poll writes when it polled and when it polls next.
        QList<qint64> intervals;
        QDateTime lastPoll;
        Task task;
        QDeadlineTimer deadline(30000);
        while (intervals.size() < 4 && !deadline.hasExpired()) {
            task = fetch(created.id, TaskType::TriggerPreRegressionBuilds);
            if (task.status == TaskStatus::AwaitingExternal && task.updatedAt != lastPoll &&
                task.nextAttemptAt.isValid()) {
                lastPoll = task.updatedAt;
                intervals.append(task.updatedAt.msecsTo(task.nextAttemptAt));
                QVERIFY2(task.waitingFor.contains(
                             QStringLiteral("next poll in %1 s").arg(intervals.constLast() / 1000)),
                         qPrintable(task.waitingFor));
            }
            QTest::qWait(20);
        }
        QVERIFY2(intervals.size() == 4, qPrintable(log()));
        QCOMPARE(intervals, QList<qint64>({1000, 2000, 4000, 8000}));
        QCOMPARE(task.status, TaskStatus::AwaitingExternal);
        QCOMPARE(task.attempts, 1);
        QVERIFY(task.lastError.isEmpty());
        QCOMPARE(m_world->github().actions().dispatches(QStringLiteral("pre-regression.yml")), 1);
        QCOMPARE(m_world->github().actions().dispatches(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorRetries)
#include "tst_orchestratorretries.moc"
