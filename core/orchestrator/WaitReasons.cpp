#include "WaitReasons.h"

#include <QCoreApplication>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("WaitReasons", text);
}

} // namespace

QString WaitReasons::when(const QDateTime& time, const QDateTime& now)
{
    const QDateTime utc = time.toUTC();
    if (utc.date() == now.toUTC().date())
        return utc.toString(QStringLiteral("HH:mm")) + QStringLiteral(" UTC");
    return utc.toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

QString WaitReasons::forTask(const Release& release, const Task& task, const QDateTime& now)
{
    switch (task.status) {
    case TaskStatus::Completed:
    case TaskStatus::Skipped:
    case TaskStatus::Failed:
        return {};
    case TaskStatus::InProgress:
        if (task.claimExpiresAt.isValid() && task.claimExpiresAt > now)
            return {};
        return tr("its instance stopped; another one resumes it");
    case TaskStatus::Pending:
    case TaskStatus::AwaitingExternal:
        break;
    }
    switch (release.status) {
    case ReleaseStatus::Pending:
        return tr("kickoff at %1").arg(when(release.kickoffAt, now));
    case ReleaseStatus::Paused:
        switch (release.pauseReason) {
        case PauseReason::AwaitingStageTrigger:
            return tr("awaiting approval by an EDITOR or OWNER");
        case PauseReason::TaskFailure:
            return tr("release paused until the failed task is retried or skipped");
        case PauseReason::UserRequested:
        case PauseReason::None:
            return tr("release paused; resume it to continue");
        }
        break;
    case ReleaseStatus::Cancelled:
        return tr("release cancelled");
    case ReleaseStatus::Completed:
    case ReleaseStatus::Archived:
        return {};
    case ReleaseStatus::InProgress:
        break;
    }
    if (!task.waitingFor.isEmpty())
        return task.waitingFor;
    if (task.nextAttemptAt.isValid() && task.nextAttemptAt > now)
        return tr("due at %1").arg(when(task.nextAttemptAt, now));
    return tr("due now; the next orchestrator tick runs it");
}

namespace {

// The decision both inputs share: what the release waits for, given its first failed
// task, the cycle running now (0: none), how many cycles started and the next open slot.
NextStep decide(const Release& release, std::optional<TaskType> failed, int runningCycle,
                int startedCycles, const QDateTime& nextSlotAt)
{
    NextStep step;
    switch (release.status) {
    case ReleaseStatus::Pending:
        step.kind = NextStep::Kind::Kickoff;
        step.at = release.kickoffAt;
        return step;
    case ReleaseStatus::Paused:
        switch (release.pauseReason) {
        case PauseReason::AwaitingStageTrigger:
            step.kind = release.stage == Stage::Kickoff ? NextStep::Kind::AwaitingRegressionApproval
                                                        : NextStep::Kind::AwaitingApproval;
            return step;
        case PauseReason::TaskFailure:
            step.kind = NextStep::Kind::TaskFailed;
            step.task = failed;
            return step;
        case PauseReason::UserRequested:
        case PauseReason::None:
            step.kind = NextStep::Kind::Paused;
            return step;
        }
        break;
    case ReleaseStatus::Completed:
        step.kind = NextStep::Kind::Released;
        step.at = release.releasedAt;
        return step;
    case ReleaseStatus::Cancelled:
        step.kind = NextStep::Kind::Cancelled;
        return step;
    case ReleaseStatus::Archived:
        step.kind = NextStep::Kind::Archived;
        return step;
    case ReleaseStatus::InProgress:
        break;
    }
    switch (release.stage) {
    case Stage::Kickoff:
        step.kind = NextStep::Kind::KickoffRunning;
        break;
    case Stage::Regression:
        if (runningCycle > 0) {
            step.kind = NextStep::Kind::CycleRunning;
            step.cycle = runningCycle;
        } else if (nextSlotAt.isValid()) {
            step.kind = NextStep::Kind::CycleAt;
            step.cycle = startedCycles + 1;
            step.at = nextSlotAt;
        } else {
            step.kind = NextStep::Kind::RegressionFinishing;
        }
        break;
    case Stage::PreRelease:
        step.kind = NextStep::Kind::PreReleaseRunning;
        break;
    case Stage::Done:
        break;
    }
    return step;
}

} // namespace

NextStep WaitReasons::next(const Release& release, const QList<Task>& tasks,
                           const QList<RegressionSlot>& regressionSlots,
                           const QList<RegressionCycle>& cycles)
{
    std::optional<TaskType> failed;
    for (const Task& task : tasks) {
        if (task.status == TaskStatus::Failed) {
            failed = task.type;
            break;
        }
    }
    int running = 0;
    for (const RegressionCycle& cycle : cycles) {
        if (cycle.status == CycleStatus::InProgress) {
            running = cycle.number;
            break;
        }
    }
    QDateTime nextSlot;
    for (const RegressionSlot& slot : regressionSlots) {
        if (slot.cycleId == 0) {
            nextSlot = slot.slotAt;
            break;
        }
    }
    return decide(release, failed, running, int(cycles.size()), nextSlot);
}

NextStep WaitReasons::next(const ReleaseSummary& summary)
{
    int running = 0;
    for (const CycleProgress& cycle : summary.cycles) {
        if (cycle.status == CycleStatus::InProgress) {
            running = cycle.number;
            break;
        }
    }
    return decide(summary.release, summary.failedTask, running, int(summary.cycles.size()),
                  summary.nextSlotAt);
}

QString WaitReasons::describe(const NextStep& step, const QDateTime& now)
{
    switch (step.kind) {
    case NextStep::Kind::None:
        return {};
    case NextStep::Kind::Kickoff:
        return tr("kickoff at %1").arg(when(step.at, now));
    case NextStep::Kind::AwaitingRegressionApproval:
        return tr("awaiting approval to start regression");
    case NextStep::Kind::AwaitingApproval:
        return tr("awaiting approval by an EDITOR or OWNER");
    case NextStep::Kind::TaskFailed:
        return tr("%1 failed; retry or skip it").arg(step.task ? toText(*step.task) : QString());
    case NextStep::Kind::Paused:
        return tr("paused; resume to continue");
    case NextStep::Kind::Released:
        return tr("released %1").arg(when(step.at, now));
    case NextStep::Kind::Cancelled:
        return tr("cancelled");
    case NextStep::Kind::Archived:
        return tr("archived");
    case NextStep::Kind::KickoffRunning:
        return tr("kickoff tasks running");
    case NextStep::Kind::CycleRunning:
        return tr("RC %1 in regression").arg(step.cycle);
    case NextStep::Kind::CycleAt:
        return tr("RC %1 at %2").arg(step.cycle).arg(when(step.at, now));
    case NextStep::Kind::RegressionFinishing:
        return tr("regression finishing");
    case NextStep::Kind::PreReleaseRunning:
        return tr("pre-release tasks running");
    }
    return {};
}

QString WaitReasons::nextStep(const Release& release, const QList<Task>& tasks,
                              const QList<RegressionSlot>& regressionSlots,
                              const QList<RegressionCycle>& cycles, const QDateTime& now)
{
    return describe(next(release, tasks, regressionSlots, cycles), now);
}

} // namespace ReleaseDeck
