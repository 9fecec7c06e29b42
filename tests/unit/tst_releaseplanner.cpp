#include "orchestrator/ReleasePlanner.h"
#include "orchestrator/TaskCatalog.h"

#include <QTest>

using namespace ReleaseDeck;

// Which tasks each stage gets, and why a task is skipped, as the product's task table says.
class TestReleasePlanner : public QObject
{
    Q_OBJECT

private slots:
    void kickoffHasTheTableTasksAndSkipsWhatHasNoConnection()
    {
        const QDateTime at(QDate(2026, 12, 2), QTime(10, 0), Qt::UTC);
        const QList<Task> tasks =
            ReleasePlanner::kickoff(release(), connections({ConnectionCategory::Scm}), at);
        QCOMPARE(types(tasks), QStringList({QStringLiteral("FORK_BRANCH"),
                                            QStringLiteral("CREATE_PROJECT_MANAGEMENT_TICKET"),
                                            QStringLiteral("CREATE_TEST_SUITE"),
                                            QStringLiteral("TRIGGER_PRE_REGRESSION_BUILDS")}));
        QCOMPARE(tasks.at(0).status, TaskStatus::Pending);
        QCOMPARE(tasks.at(0).nextAttemptAt, at);
        QCOMPARE(tasks.at(1).status, TaskStatus::Skipped);
        QCOMPARE(tasks.at(1).lastError, QStringLiteral("no ISSUES connection"));
        QCOMPARE(tasks.at(3).lastError, QStringLiteral("no CI connection"));
    }

    void aTaskThatWaitsForAnotherIsNotDueYet()
    {
        ActiveConnections all = connections({ConnectionCategory::Scm, ConnectionCategory::Ci});
        all[ConnectionCategory::Ci].provider = QStringLiteral("github-actions");
        all[ConnectionCategory::Ci].config = {
            {QStringLiteral("workflows"),
             QJsonObject{{QStringLiteral("PRE_REGRESSION_BUILD"), QStringLiteral("pre.yml")},
                         {QStringLiteral("REGRESSION_BUILD"), QStringLiteral("rc.yml")}}}};
        const QDateTime at = QDateTime::currentDateTimeUtc();
        const QList<Task> kickoff = ReleasePlanner::kickoff(release(), all, at);
        QCOMPARE(kickoff.at(3).status, TaskStatus::Pending);
        QVERIFY(!kickoff.at(3).nextAttemptAt.isValid());
        QCOMPARE(kickoff.at(3).waitingFor, QStringLiteral("waits for FORK_BRANCH"));

        RegressionSlot slot;
        slot.runAutomation = true;
        const QList<Task> cycle = ReleasePlanner::cycle(release(), all, slot, 7, 2, at);
        QCOMPARE(types(cycle),
                 QStringList({QStringLiteral("RESET_TEST_SUITE"), QStringLiteral("CREATE_RC_TAG"),
                              QStringLiteral("CREATE_RELEASE_NOTES"),
                              QStringLiteral("TRIGGER_REGRESSION_BUILDS"),
                              QStringLiteral("TRIGGER_AUTOMATION_RUNS")}));
        for (const Task& task : cycle) {
            QCOMPARE(task.cycleNumber, 2);
            QCOMPARE(task.cycleId, qint64(7));
        }
        QCOMPARE(cycle.at(1).nextAttemptAt, at);
        QVERIFY(!cycle.at(3).nextAttemptAt.isValid());
        // The CI connection has no automation workflow.
        QCOMPARE(cycle.at(4).lastError,
                 QStringLiteral("the CI connection has no AUTOMATION workflow"));
    }

    void cycleOneResetsNothingAndSlotsTurnTasksOff()
    {
        RegressionSlot slot;
        slot.runBuild = false;
        slot.runAutomation = false;
        ActiveConnections all = connections(
            {ConnectionCategory::Scm, ConnectionCategory::Ci, ConnectionCategory::Tests});
        all[ConnectionCategory::Ci].provider = QStringLiteral("jenkins");
        all[ConnectionCategory::Ci].config = {
            {QStringLiteral("jobs"),
             QJsonObject{{QStringLiteral("REGRESSION_BUILD"), QStringLiteral("b")},
                         {QStringLiteral("AUTOMATION"), QStringLiteral("a")}}}};
        const QList<Task> cycle = ReleasePlanner::cycle(release(), all, slot, 1, 1, {});
        QCOMPARE(cycle.at(0).lastError, QStringLiteral("nothing to reset in cycle 1"));
        QCOMPARE(cycle.at(3).lastError, QStringLiteral("this regression slot runs no build"));
        QCOMPARE(cycle.at(4).lastError, QStringLiteral("this regression slot runs no automation"));
    }

    void preReleaseSkipsPlatformsTheReleaseLacksAndTasksItTurnsOff()
    {
        Release web = release();
        web.platforms = {Platform::Web};
        web.settings.tasksOff = {TaskType::CreateFinalReleaseNotes};
        ActiveConnections all = connections(
            {ConnectionCategory::Scm, ConnectionCategory::Ci, ConnectionCategory::Issues});
        all[ConnectionCategory::Ci].provider = QStringLiteral("github-actions");
        all[ConnectionCategory::Ci].config = {
            {QStringLiteral("workflows"),
             QJsonObject{{QStringLiteral("TESTFLIGHT"), QStringLiteral("tf.yml")},
                         {QStringLiteral("ANDROID_BUNDLE"), QStringLiteral("aab.yml")}}}};
        const QList<Task> tasks = ReleasePlanner::preRelease(web, all, {});
        QCOMPARE(types(tasks), QStringList({QStringLiteral("CREATE_RELEASE_TAG"),
                                            QStringLiteral("CREATE_FINAL_RELEASE_NOTES"),
                                            QStringLiteral("TRIGGER_TEST_FLIGHT_BUILD"),
                                            QStringLiteral("CREATE_AAB_BUILD"),
                                            QStringLiteral("CHECK_PROJECT_RELEASE_APPROVAL")}));
        QCOMPARE(tasks.at(0).status, TaskStatus::Pending);
        QCOMPARE(tasks.at(1).lastError, QStringLiteral("turned off for this release"));
        QCOMPARE(tasks.at(2).lastError, QStringLiteral("no iOS platform in this release"));
        QCOMPARE(tasks.at(3).lastError, QStringLiteral("no Android platform in this release"));
        QCOMPARE(tasks.at(4).status, TaskStatus::Pending);
    }

    // The registry says which config field holds a CI provider's per-purpose map: GitHub
    // Actions' workflows, Jenkins' jobs; another provider's key names nothing.
    void aPurposeCountsOnlyInItsProvidersOwnField()
    {
        const QJsonObject purposes{{QStringLiteral("REGRESSION_BUILD"), QStringLiteral("rc")},
                                   {QStringLiteral("AUTOMATION"), QStringLiteral(" ")}};
        Connection actions;
        actions.category = ConnectionCategory::Ci;
        actions.provider = QStringLiteral("github-actions");
        actions.config = {{QStringLiteral("workflows"), purposes}};
        QVERIFY(ReleasePlanner::ciHasPurpose(actions, CiPurpose::RegressionBuild));
        QVERIFY(!ReleasePlanner::ciHasPurpose(actions, CiPurpose::Automation));
        QVERIFY(!ReleasePlanner::ciHasPurpose(actions, CiPurpose::TestFlight));

        Connection jenkins = actions;
        jenkins.provider = QStringLiteral("jenkins");
        QVERIFY(!ReleasePlanner::ciHasPurpose(jenkins, CiPurpose::RegressionBuild));
        jenkins.config = {{QStringLiteral("jobs"), purposes}};
        QVERIFY(ReleasePlanner::ciHasPurpose(jenkins, CiPurpose::RegressionBuild));

        Connection unknown = jenkins;
        unknown.provider = QStringLiteral("teamcity");
        QVERIFY(!ReleasePlanner::ciHasPurpose(unknown, CiPurpose::RegressionBuild));
    }

    void requiredTasksCannotBeTurnedOff()
    {
        const QList<TaskType> optional = TaskCatalog::optionalTasks();
        for (const TaskType required :
             {TaskType::ForkBranch, TaskType::CreateRcTag, TaskType::TriggerRegressionBuilds,
              TaskType::CreateReleaseTag})
            QVERIFY(!optional.contains(required));
        Release everythingOff = release();
        everythingOff.settings.tasksOff = allTaskTypes();
        QVERIFY(ReleasePlanner::skipReason(TaskType::ForkBranch, everythingOff,
                                           connections({ConnectionCategory::Scm}))
                    .isEmpty());
    }

private:
    static Release release()
    {
        Release r;
        r.id = 3;
        r.workspaceId = 1;
        r.version = QStringLiteral("1.4.0");
        r.platforms = {Platform::Android, Platform::Ios};
        return r;
    }

    static ActiveConnections connections(const QList<ConnectionCategory>& categories)
    {
        ActiveConnections all;
        for (const ConnectionCategory category : categories) {
            Connection connection;
            connection.category = category;
            all.insert(category, connection);
        }
        return all;
    }

    static QStringList types(const QList<Task>& tasks)
    {
        QStringList names;
        for (const Task& task : tasks)
            names.append(toText(task.type));
        return names;
    }
};

QTEST_GUILESS_MAIN(TestReleasePlanner)
#include "tst_releaseplanner.moc"
