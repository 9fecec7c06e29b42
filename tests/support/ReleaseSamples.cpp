#include "ReleaseSamples.h"

namespace ReleaseDeck::Test {

ReleaseSummary sampleRelease(qint64 id, const QString& version, ReleaseStatus status, Stage stage,
                             int finished, int total)
{
    ReleaseSummary summary;
    Release& release = summary.release;
    release.id = id;
    release.workspaceId = 1;
    release.version = version;
    release.status = status;
    release.stage = stage;
    release.baseBranch = QStringLiteral("main");
    release.releaseBranch = QStringLiteral("release/") + version;
    release.rowVersion = 1;
    summary.add(stage, TaskStatus::Completed, finished);
    summary.add(stage, TaskStatus::Pending, total - finished);
    // Earlier stages are over.
    if (stage >= Stage::Regression)
        summary.add(Stage::Kickoff, TaskStatus::Completed, 4);
    if (stage >= Stage::PreRelease)
        summary.add(Stage::Regression, TaskStatus::Completed, 10);
    return summary;
}

QList<ReleaseSummary> sampleReleases(const QDateTime& now)
{
    const auto hours = [&now](double h) {
        return now.addSecs(qint64(h * 3600));
    };
    QList<ReleaseSummary> rows;

    ReleaseSummary pending =
        sampleRelease(12, QStringLiteral("2.4.0"), ReleaseStatus::Pending, Stage::Kickoff, 0, 4);
    pending.release.kickoffAt = hours(3);
    pending.release.targetAt = hours(24 * 14);
    pending.pilotName = QStringLiteral("Ana Lima");
    rows.append(pending);

    ReleaseSummary kickoff =
        sampleRelease(11, QStringLiteral("2.3.0"), ReleaseStatus::InProgress, Stage::Kickoff, 2, 4);
    kickoff.release.kickoffAt = hours(-0.5);
    kickoff.release.targetAt = hours(24 * 10);
    kickoff.pilotName = QStringLiteral("Bo Chen");
    rows.append(kickoff);

    ReleaseSummary regression = sampleRelease(10, QStringLiteral("2.2.0"),
                                              ReleaseStatus::InProgress, Stage::Regression, 6, 10);
    regression.release.kickoffAt = hours(-50);
    regression.release.targetAt = hours(24 * 5);
    regression.slotCount = 3;
    regression.cycles = {{1, CycleStatus::Done, 5, 5}, {2, CycleStatus::InProgress, 1, 5}};
    regression.pilotName = QStringLiteral("Ana Lima");
    rows.append(regression);

    ReleaseSummary approveRegression =
        sampleRelease(9, QStringLiteral("2.1.0"), ReleaseStatus::Paused, Stage::Kickoff, 4, 4);
    approveRegression.release.pauseReason = PauseReason::AwaitingStageTrigger;
    approveRegression.release.kickoffAt = hours(-26);
    rows.append(approveRegression);

    ReleaseSummary approve =
        sampleRelease(8, QStringLiteral("2.0.0"), ReleaseStatus::Paused, Stage::Regression, 10, 10);
    approve.release.pauseReason = PauseReason::AwaitingStageTrigger;
    approve.release.kickoffAt = hours(-24 * 6);
    approve.release.targetAt = hours(24);
    approve.slotCount = 2;
    approve.cycles = {{1, CycleStatus::Done, 5, 5}, {2, CycleStatus::Done, 5, 5}};
    approve.pilotName = QStringLiteral("Chidi Okafor");
    rows.append(approve);

    ReleaseSummary failed =
        sampleRelease(7, QStringLiteral("1.9.0"), ReleaseStatus::Paused, Stage::Kickoff, 1, 3);
    failed.release.pauseReason = PauseReason::TaskFailure;
    failed.add(Stage::Kickoff, TaskStatus::Failed, 1);
    failed.failedTask = TaskType::ForkBranch;
    failed.release.kickoffAt = hours(-24 * 8);
    failed.release.targetAt = hours(-24);
    failed.pilotName = QStringLiteral("Bo Chen");
    rows.append(failed);

    ReleaseSummary hotfix = sampleRelease(6, QStringLiteral("1.8.1"), ReleaseStatus::InProgress,
                                          Stage::PreRelease, 3, 5);
    hotfix.release.type = ReleaseType::Hotfix;
    hotfix.release.kickoffAt = hours(-5);
    hotfix.release.targetAt = hours(6);
    hotfix.slotCount = 1;
    hotfix.cycles = {{1, CycleStatus::Done, 5, 5}};
    hotfix.pilotName = QStringLiteral("Ana Lima");
    rows.append(hotfix);

    ReleaseSummary paused =
        sampleRelease(5, QStringLiteral("1.8.0"), ReleaseStatus::Paused, Stage::Regression, 3, 5);
    paused.release.pauseReason = PauseReason::UserRequested;
    paused.release.kickoffAt = hours(-24 * 12);
    paused.slotCount = 2;
    paused.cycles = {{1, CycleStatus::InProgress, 3, 5}};
    rows.append(paused);

    ReleaseSummary waiting = sampleRelease(4, QStringLiteral("1.7.0"), ReleaseStatus::InProgress,
                                           Stage::Regression, 10, 10);
    waiting.release.kickoffAt = hours(-24 * 3);
    waiting.release.targetAt = hours(24 * 2);
    waiting.slotCount = 3;
    waiting.cycles = {{1, CycleStatus::Done, 5, 5}, {2, CycleStatus::Done, 5, 5}};
    waiting.nextSlotAt = hours(2);
    waiting.pilotName = QStringLiteral("Dana Ruiz");
    rows.append(waiting);

    ReleaseSummary completed =
        sampleRelease(3, QStringLiteral("1.6.0"), ReleaseStatus::Completed, Stage::Done, 0, 0);
    completed.add(Stage::Kickoff, TaskStatus::Completed, 4);
    completed.add(Stage::Regression, TaskStatus::Completed, 10);
    completed.add(Stage::PreRelease, TaskStatus::Completed, 5);
    completed.release.kickoffAt = hours(-24 * 20);
    completed.release.targetAt = hours(-24 * 9);
    completed.release.releasedAt = hours(-24 * 10);
    completed.slotCount = 2;
    completed.cycles = {{1, CycleStatus::Done, 5, 5}, {2, CycleStatus::Done, 5, 5}};
    completed.pilotName = QStringLiteral("Chidi Okafor");
    rows.append(completed);

    ReleaseSummary cancelled = sampleRelease(2, QStringLiteral("1.5.0"), ReleaseStatus::Cancelled,
                                             Stage::Regression, 2, 5);
    cancelled.release.kickoffAt = hours(-24 * 30);
    cancelled.slotCount = 1;
    cancelled.cycles = {{1, CycleStatus::Abandoned, 2, 5}};
    rows.append(cancelled);

    ReleaseSummary archived =
        sampleRelease(1, QStringLiteral("1.4.0"), ReleaseStatus::Archived, Stage::Done, 0, 0);
    archived.release.kickoffAt = hours(-24 * 60);
    archived.release.releasedAt = hours(-24 * 50);
    rows.append(archived);
    return rows;
}

} // namespace ReleaseDeck::Test
