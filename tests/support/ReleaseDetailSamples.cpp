#include "ReleaseDetailSamples.h"

#include "ReleaseSamples.h"

namespace ReleaseDeck::Test {

namespace {

Task task(qint64 id, TaskType type, TaskStatus status, int cycle = 0, qint64 cycleId = 0)
{
    Task made;
    made.id = id;
    made.releaseId = 10;
    made.type = type;
    made.stage = stageOf(type);
    made.status = status;
    made.cycleNumber = cycle;
    made.cycleId = cycleId;
    made.attempts = status == TaskStatus::Pending ? 0 : 1;
    return made;
}

} // namespace

ReleaseDetail midRegressionDetail(const QDateTime& now)
{
    ReleaseDetail detail;
    QList<Task>& tasks = detail.tasks;
    tasks = {task(1, TaskType::ForkBranch, TaskStatus::Completed),
             task(2, TaskType::CreateProjectManagementTicket, TaskStatus::Completed),
             task(3, TaskType::CreateTestSuite, TaskStatus::Skipped),
             task(4, TaskType::TriggerPreRegressionBuilds, TaskStatus::Completed),
             task(5, TaskType::CreateRcTag, TaskStatus::Completed, 1, 101),
             task(6, TaskType::TriggerRegressionBuilds, TaskStatus::Completed, 1, 101),
             task(7, TaskType::CreateRcTag, TaskStatus::Failed, 2, 102),
             task(8, TaskType::TriggerRegressionBuilds, TaskStatus::Pending, 2, 102),
             task(9, TaskType::CreateReleaseTag, TaskStatus::Pending)};
    tasks[0].externalUrl = QStringLiteral("https://github.example/acme/app/tree/release/2.2.0");
    tasks[0].startedAt = now.addSecs(-7200);
    tasks[0].finishedAt = now.addSecs(-7190);
    tasks[2].lastError = QStringLiteral("No test management connection.");
    tasks[6].attempts = 3;
    tasks[6].lastError =
        QStringLiteral("GitHub refused to create the tag: the token may not write to acme/app.");
    for (Build build : {Build{}, Build{}}) {
        build.id = detail.builds.size() + 1;
        build.taskId = 6;
        build.cycleId = 101;
        build.platform = detail.builds.isEmpty() ? Platform::Android : Platform::Ios;
        build.status = BuildStatus::Succeeded;
        build.ciRunId = QString::number(4510 + build.id);
        build.ciRunUrl = QStringLiteral("https://ci.example/runs/%1").arg(build.ciRunId);
        detail.builds.append(build);
    }
    RegressionCycle first{101,   1,  10, 1, QStringLiteral("v2.2.0-rc.1"), CycleStatus::Done,
                          false, {}, {}};
    RegressionCycle second{102, 1, 10, 2, QString(), CycleStatus::InProgress, true, {}, {}};
    detail.cycles = {first, second};
    detail.regressionSlots = {{1, 1, 10, now.addSecs(-86400), true, true, 101, {}},
                              {2, 1, 10, now.addSecs(-600), true, true, 102, {}},
                              {3, 1, 10, now.addSecs(86400), true, false, 0, {}}};
    return detail;
}

ReleaseSummary midRegressionSummary(const QDateTime& now)
{
    ReleaseSummary summary =
        sampleRelease(10, QStringLiteral("2.2.0"), ReleaseStatus::Paused, Stage::Regression, 5, 8);
    summary.release.pauseReason = PauseReason::TaskFailure;
    summary.release.kickoffAt = now.addSecs(-7200);
    summary.release.targetAt = now.addSecs(-3600);
    summary.failedTask = TaskType::CreateRcTag;
    summary.failedCycle = 2;
    return summary;
}

} // namespace ReleaseDeck::Test
