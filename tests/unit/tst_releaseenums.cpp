#include "model/ReleaseEnums.h"

#include <QTest>

using namespace ReleaseDeck;

// The release domain's enums keep their database spelling and the task table's stages.
class TestReleaseEnums : public QObject
{
    Q_OBJECT

private slots:
    void taskTypesRoundTrip()
    {
        const QList<TaskType> types = allTaskTypes();
        QCOMPARE(types.size(), 14);
        for (const TaskType type : types)
            QCOMPARE(taskTypeFromText(toText(type).toLower()), type);
        QCOMPARE(toText(TaskType::CreateProjectManagementTicket),
                 QStringLiteral("CREATE_PROJECT_MANAGEMENT_TICKET"));
        QVERIFY(!taskTypeFromText(QStringLiteral("DEPLOY")).has_value());
    }

    void tasksBelongToTheirStage()
    {
        QCOMPARE(stageOf(TaskType::ForkBranch), Stage::Kickoff);
        QCOMPARE(stageOf(TaskType::TriggerPreRegressionBuilds), Stage::Kickoff);
        QCOMPARE(stageOf(TaskType::CreateRcTag), Stage::Regression);
        QCOMPARE(stageOf(TaskType::CheckProjectReleaseApproval), Stage::PreRelease);
        QVERIFY(isCycleTask(TaskType::ResetTestSuite));
        QVERIFY(!isCycleTask(TaskType::CreateReleaseTag));
    }

    void statusesUseTheDatabaseSpelling()
    {
        QCOMPARE(toText(ReleaseStatus::InProgress), QStringLiteral("IN_PROGRESS"));
        QCOMPARE(toText(PauseReason::AwaitingStageTrigger),
                 QStringLiteral("AWAITING_STAGE_TRIGGER"));
        QCOMPARE(toText(Stage::PreRelease), QStringLiteral("PRE_RELEASE"));
        QCOMPARE(toText(TaskStatus::AwaitingExternal), QStringLiteral("AWAITING_EXTERNAL"));
        QCOMPARE(toText(CycleStatus::NotStarted), QStringLiteral("NOT_STARTED"));
        QCOMPARE(toText(BuildStatus::Succeeded), QStringLiteral("SUCCEEDED"));
        QCOMPARE(toText(ReleaseType::Hotfix), QStringLiteral("HOTFIX"));
        QCOMPARE(releaseStatusFromText(QStringLiteral("archived")), ReleaseStatus::Archived);
        QCOMPARE(pauseReasonFromText(QStringLiteral("TASK_FAILURE")), PauseReason::TaskFailure);
        QCOMPARE(cycleStatusFromText(QStringLiteral("ABANDONED")), CycleStatus::Abandoned);
        QCOMPARE(buildStatusFromText(QStringLiteral("cancelled")), BuildStatus::Cancelled);
        QVERIFY(!stageFromText(QStringLiteral("LAUNCH")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestReleaseEnums)
#include "tst_releaseenums.moc"
