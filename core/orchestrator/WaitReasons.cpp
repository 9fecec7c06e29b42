#include "WaitReasons.h"

#include <QCoreApplication>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("WaitReasons", text);
}

QString failedTask(const QList<Task>& tasks)
{
    for (const Task& task : tasks) {
        if (task.status == TaskStatus::Failed)
            return toText(task.type);
    }
    return {};
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

QString WaitReasons::nextStep(const Release& release, const QList<Task>& tasks,
                              const QList<RegressionSlot>& regressionSlots,
                              const QList<RegressionCycle>& cycles, const QDateTime& now)
{
    switch (release.status) {
    case ReleaseStatus::Pending:
        return tr("kickoff at %1").arg(when(release.kickoffAt, now));
    case ReleaseStatus::Paused:
        switch (release.pauseReason) {
        case PauseReason::AwaitingStageTrigger:
            return release.stage == Stage::Kickoff ? tr("awaiting approval to start regression")
                                                   : tr("awaiting approval by an EDITOR or OWNER");
        case PauseReason::TaskFailure:
            return tr("%1 failed; retry or skip it").arg(failedTask(tasks));
        case PauseReason::UserRequested:
        case PauseReason::None:
            return tr("paused; resume to continue");
        }
        break;
    case ReleaseStatus::Completed:
        return tr("released %1").arg(when(release.releasedAt, now));
    case ReleaseStatus::Cancelled:
        return tr("cancelled");
    case ReleaseStatus::Archived:
        return tr("archived");
    case ReleaseStatus::InProgress:
        break;
    }
    switch (release.stage) {
    case Stage::Kickoff:
        return tr("kickoff tasks running");
    case Stage::Regression: {
        for (const RegressionCycle& cycle : cycles) {
            if (cycle.status == CycleStatus::InProgress)
                return tr("RC %1 in regression").arg(cycle.number);
        }
        for (const RegressionSlot& slot : regressionSlots) {
            if (slot.cycleId == 0)
                return tr("RC %1 at %2").arg(cycles.size() + 1).arg(when(slot.slotAt, now));
        }
        return tr("regression finishing");
    }
    case Stage::PreRelease:
        return tr("pre-release tasks running");
    case Stage::Done:
        break;
    }
    return {};
}

} // namespace ReleaseDeck
