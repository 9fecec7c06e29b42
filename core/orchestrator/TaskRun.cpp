#include "TaskRun.h"

#include "ReleaseProgression.h"
#include "TaskCatalog.h"
#include "TaskExecutor.h"
#include "db/Database.h"
#include "db/Transaction.h"
#include "logging/Logging.h"
#include "store/AnnouncementStore.h"
#include "store/BuildStore.h"
#include "store/CycleStore.h"
#include "store/ReleaseStore.h"
#include "store/TaskStore.h"

#include <QCoreApplication>
#include <QUuid>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("TaskRun", text);
}

QString label(const TaskJob& job)
{
    QString text = job.release.version + QLatin1Char(' ') + toText(job.task.type);
    if (job.task.cycleNumber > 0)
        text += QStringLiteral(" (cycle %1)").arg(job.task.cycleNumber);
    return text;
}

} // namespace

Result<TaskJob> TaskRun::prepare(const OrchestratorContext& context, qint64 taskId)
{
    Database& database = *context.database;
    const qint64 workspaceId = context.actor.workspaceId;
    TaskStore tasks(database);
    Result<std::optional<Task>> task = tasks.findById(workspaceId, taskId);
    if (!task)
        return task.error();
    if (!task->has_value())
        return Error::notFound(tr("Task %1 is gone.").arg(taskId));
    TaskJob job;
    job.task = **task;
    job.connections = context.connections;
    job.tokens = context.tokens;
    job.pollBaseSeconds = context.pollBaseSeconds;
    ReleaseStore releases(database);
    Result<std::optional<Release>> release = releases.findById(workspaceId, job.task.releaseId);
    if (!release)
        return release.error();
    if (!release->has_value())
        return Error::notFound(tr("The release of task %1 is gone.").arg(taskId));
    job.release = **release;
    Result<QList<Task>> all = tasks.listForRelease(workspaceId, job.release.id);
    if (!all)
        return all.error();
    job.releaseTasks = *all;
    if (job.task.cycleNumber > 0) {
        CycleStore cycles(database);
        Result<QList<RegressionCycle>> list = cycles.list(workspaceId, job.release.id);
        if (!list)
            return list.error();
        for (const RegressionCycle& cycle : std::as_const(*list)) {
            if (cycle.number == job.task.cycleNumber)
                job.rcTag = cycle.rcTag;
            if (cycle.number == job.task.cycleNumber - 1)
                job.previousRcTag = cycle.rcTag;
        }
    }
    Result<QString> previous = releases.previousTag(workspaceId, job.release);
    if (!previous)
        return previous.error();
    job.previousReleaseTag = *previous;
    return job;
}

QStringList TaskRun::run(const OrchestratorContext& context, qint64 taskId)
{
    TaskStore tasks(*context.database);
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<bool> claimed =
        tasks.claim(context.actor, taskId, context.holder, token, context.claimSeconds);
    if (!claimed)
        return {tr("Could not claim task %1: %2").arg(taskId).arg(claimed.error().message)};
    if (!*claimed)
        return {};
    Result<TaskJob> job = prepare(context, taskId);
    if (!job)
        return {tr("Could not read task %1: %2").arg(taskId).arg(job.error().message)};
    job->task.claimToken = token;

    const TaskCheckpoint checkpoint = [&context, &job](const QJsonObject& data) {
        Task task = job->task;
        task.externalData = data;
        TaskStore store(*context.database);
        Result<bool> written = store.checkpoint(context.actor, task);
        return written && *written;
    };
    const TaskExecutor executor(*context.registry, context.http, context.database);
    const TaskOutcome outcome = executor.run(*job, checkpoint);
    if (outcome.kind == TaskOutcome::Kind::ClaimLost)
        return {tr("%1: another instance took the task over; this result was discarded.")
                    .arg(label(*job))};
    Result<QStringList> recorded = record(context, *job, outcome);
    if (!recorded)
        return {tr("%1: the result could not be written (%2); the task runs again when its claim "
                   "expires.")
                    .arg(label(*job), recorded.error().message)};
    return *recorded;
}

Result<QStringList> TaskRun::record(const OrchestratorContext& context, const TaskJob& job,
                                    const TaskOutcome& outcome)
{
    Database& database = *context.database;
    Transaction transaction(database);
    if (!transaction.begun())
        return transaction.begun().error();
    // The release row first: every writer locks release, then tasks, so none deadlocks.
    ReleaseStore releases(database);
    Result<Release> release = releases.lock(context.actor.workspaceId, job.release.id);
    if (!release)
        return release.error();

    Task task = job.task;
    const TaskStatus before = task.status;
    const bool polling = before == TaskStatus::AwaitingExternal;
    int nextAttempt = -1;
    task.externalData = outcome.externalData.isEmpty() ? task.externalData : outcome.externalData;
    if (!outcome.externalId.isEmpty())
        task.externalId = outcome.externalId;
    if (!outcome.externalUrl.isEmpty())
        task.externalUrl = outcome.externalUrl;
    task.waitingFor.clear();
    QString kind;
    switch (outcome.kind) {
    case TaskOutcome::Kind::Completed:
        task.status = TaskStatus::Completed;
        task.lastError.clear();
        if (!polling)
            ++task.attempts;
        kind = QStringLiteral("task.completed");
        break;
    case TaskOutcome::Kind::Waiting:
        task.status = TaskStatus::AwaitingExternal;
        task.lastError.clear();
        task.waitingFor = outcome.note;
        nextAttempt = outcome.waitSeconds;
        if (!polling) {
            ++task.attempts;
            kind = QStringLiteral("task.waiting");
        }
        break;
    case TaskOutcome::Kind::Retry:
        task.status = polling ? TaskStatus::AwaitingExternal : TaskStatus::Pending;
        task.lastError = outcome.note;
        task.waitingFor = outcome.note;
        nextAttempt = outcome.waitSeconds;
        ++task.attempts;
        kind = QStringLiteral("task.retrying");
        break;
    case TaskOutcome::Kind::Failed:
        task.status = TaskStatus::Failed;
        task.lastError = outcome.note;
        ++task.attempts;
        kind = QStringLiteral("task.failed");
        break;
    case TaskOutcome::Kind::Skipped:
        task.status = TaskStatus::Skipped;
        task.lastError = outcome.note;
        kind = QStringLiteral("task.skipped");
        break;
    case TaskOutcome::Kind::ClaimLost:
        return QStringList();
    }

    TaskStore tasks(database);
    Result<bool> written = tasks.finishClaimed(context.actor, task, nextAttempt);
    if (!written)
        return written.error();
    if (!*written) {
        transaction.rollback();
        return QStringList{tr("%1: the claim expired before the result was written; the result "
                              "was discarded.")
                               .arg(label(job))};
    }
    BuildStore builds(database);
    for (Build build : outcome.builds) {
        build.taskId = task.id;
        if (Result<Build> saved = builds.record(context.actor, build); !saved)
            return saved.error();
    }
    ReleaseProgression progression(database, context.actor, context.actorName);
    for (const Announcement& announcement : outcome.announcements) {
        if (Status queued = progression.announce(*release, announcement.dedupeKey,
                                                 announcement.kind, announcement.body);
            !queued)
            return queued.error();
    }
    QStringList lines;
    if (!kind.isEmpty()) {
        const QString line =
            QStringLiteral("%1: %2 → %3 — %4")
                .arg(label(job), toText(before), toText(task.status), outcome.note);
        progression.record(*release, kind, line,
                           {{QStringLiteral("taskId"), task.id},
                            {QStringLiteral("taskType"), toText(task.type)},
                            {QStringLiteral("cycle"), task.cycleNumber},
                            {QStringLiteral("taskStatus"), toText(task.status)}});
    }
    if (Status concluded = progression.conclude(*release); !concluded)
        return concluded.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    lines = progression.changes();
    return lines;
}

} // namespace ReleaseDeck
