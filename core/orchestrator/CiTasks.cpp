#include "CiTasks.h"

#include "TaskCatalog.h"
#include "TaskExecutor.h"
#include "providers/CiClient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUuid>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("CiTasks", text);
}

const Task* findTask(const TaskJob& job, TaskType type, int cycleNumber = 0)
{
    for (const Task& task : job.releaseTasks) {
        if (task.type == type && task.cycleNumber == cycleNumber)
            return &task;
    }
    return nullptr;
}

bool completed(const Task* task)
{
    return task && task->status == TaskStatus::Completed;
}

struct BuildTarget
{
    QString ref;
    QString commit; // when the ref is a moving branch: the commit to build
};

BuildTarget targetOf(const TaskJob& job)
{
    const Release& release = job.release;
    switch (job.task.type) {
    case TaskType::TriggerPreRegressionBuilds: {
        const Task* fork = findTask(job, TaskType::ForkBranch);
        return {release.releaseBranch,
                fork ? fork->externalData.value(QStringLiteral("commit")).toString() : QString()};
    }
    case TaskType::TriggerRegressionBuilds:
    case TaskType::TriggerAutomationRuns:
        if (completed(findTask(job, TaskType::CreateRcTag, job.task.cycleNumber)))
            return {job.rcTag, {}};
        return {release.releaseBranch, {}};
    default:
        if (completed(findTask(job, TaskType::CreateReleaseTag)))
            return {ReleaseSettings::expand(release.settings.tagPattern, release.version), {}};
        return {release.releaseBranch, {}};
    }
}

QList<Platform> platformsOf(const TaskJob& job)
{
    const TaskTraits traits = TaskCatalog::traits(job.task.type);
    if (traits.onlyPlatform)
        return {*traits.onlyPlatform};
    return job.release.platforms;
}

BuildStatus buildStatusOf(CiRunState state)
{
    switch (state) {
    case CiRunState::Pending:
        return BuildStatus::Pending;
    case CiRunState::Running:
        return BuildStatus::Running;
    case CiRunState::Succeeded:
        return BuildStatus::Succeeded;
    case CiRunState::Failed:
        return BuildStatus::Failed;
    case CiRunState::Cancelled:
        return BuildStatus::Cancelled;
    }
    return BuildStatus::Pending;
}

QString runName(const CiRunStatus& status, const CiRunHandle& handle)
{
    if (status.buildNumber > 0)
        return QStringLiteral("#%1").arg(status.buildNumber);
    if (!status.runId.isEmpty())
        return status.runId;
    return handle.workflow;
}

} // namespace

TaskOutcome CiTasks::run(const TaskJob& job, CiClient& ci, const TaskCheckpoint& checkpoint)
{
    const TaskTraits traits = TaskCatalog::traits(job.task.type);
    const BuildTarget target = targetOf(job);
    QJsonObject data = job.task.externalData;
    QJsonObject runs = data.value(QStringLiteral("runs")).toObject();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool lookingForRun = false;

    for (const Platform platform : platformsOf(job)) {
        const QString key = toText(platform);
        QJsonObject run = runs.value(key).toObject();
        if (run.contains(QStringLiteral("handle")))
            continue;
        if (run.contains(QStringLiteral("marker"))) {
            // A dispatch was about to be sent when the task last stopped: find its run.
            CiRunHandle intent;
            intent.workflow = toText(*traits.ciPurpose);
            intent.ref = run.value(QStringLiteral("ref")).toString();
            intent.triggeredAt = QDateTime::fromString(
                run.value(QStringLiteral("triggeredAt")).toString(), Qt::ISODateWithMs);
            Result<std::optional<CiRunHandle>> found =
                ci.findRun(intent, run.value(QStringLiteral("marker")).toString());
            if (!found)
                return TaskExecutor::fromError(found.error(), job);
            if (found->has_value()) {
                run.insert(QStringLiteral("handle"), (*found)->toJson());
                runs.insert(key, run);
                data.insert(QStringLiteral("runs"), runs);
                if (!checkpoint(data))
                    return TaskOutcome::claimLost();
                continue;
            }
            if (intent.triggeredAt.secsTo(now) < LostDispatchSeconds) {
                lookingForRun = true;
                continue;
            }
        } else {
            run = {{QStringLiteral("marker"),
                    QStringLiteral("rd-%1-%2-%3")
                        .arg(job.task.id)
                        .arg(key.toLower(), QUuid::createUuid().toString(QUuid::Id128).left(8))},
                   {QStringLiteral("ref"), target.ref}};
        }
        run.insert(QStringLiteral("triggeredAt"), now.toString(Qt::ISODateWithMs));
        runs.insert(key, run);
        data.insert(QStringLiteral("runs"), runs);
        if (!checkpoint(data))
            return TaskOutcome::claimLost();
        QJsonObject inputs = {
            {QStringLiteral("release_deck_task"), run.value(QStringLiteral("marker")).toString()},
            {QStringLiteral("platform"), key.toLower()},
            {QStringLiteral("version"), job.release.version}};
        if (!target.commit.isEmpty())
            inputs.insert(QStringLiteral("commit"), target.commit);
        Result<CiRunHandle> handle = ci.trigger(toText(*traits.ciPurpose), target.ref, inputs);
        if (!handle)
            return TaskExecutor::fromError(handle.error(), job);
        run.insert(QStringLiteral("handle"), handle->toJson());
        runs.insert(key, run);
        data.insert(QStringLiteral("runs"), runs);
        if (!checkpoint(data))
            return TaskOutcome::claimLost();
    }

    TaskOutcome outcome;
    QStringList running;
    QStringList failed;
    QStringList succeeded;
    for (const Platform platform : platformsOf(job)) {
        const QString key = toText(platform);
        QJsonObject run = runs.value(key).toObject();
        if (!run.contains(QStringLiteral("handle")))
            continue;
        CiRunHandle handle = CiRunHandle::fromJson(run.value(QStringLiteral("handle")).toObject());
        Result<CiRunStatus> status = ci.runStatus(handle);
        if (!status)
            return TaskExecutor::fromError(status.error(), job);
        // Jenkins forgets queue items: keep what the run is once it is known.
        if (!status->runId.isEmpty())
            handle.runId = status->runId;
        if (status->buildNumber > 0)
            handle.buildNumber = status->buildNumber;
        run.insert(QStringLiteral("handle"), handle.toJson());
        run.insert(QStringLiteral("state"), toText(buildStatusOf(status->state)));
        run.insert(QStringLiteral("url"), status->webUrl.toString());
        runs.insert(key, run);
        Build build;
        build.taskId = job.task.id;
        build.platform = platform;
        build.ciRunId = handle.runId;
        build.ciRunUrl = status->webUrl.toString();
        build.buildNumber =
            status->buildNumber > 0 ? QString::number(status->buildNumber) : QString();
        build.status = buildStatusOf(status->state);
        outcome.builds.append(build);
        const QString name = displayName(platform) + QLatin1Char(' ') + runName(*status, handle);
        if (outcome.externalUrl.isEmpty())
            outcome.externalUrl = status->webUrl.toString();
        switch (status->state) {
        case CiRunState::Succeeded:
            succeeded.append(name);
            break;
        case CiRunState::Failed:
        case CiRunState::Cancelled:
            failed.append(tr("%1 ended %2 %3")
                              .arg(name,
                                   status->conclusion.isEmpty() ? toText(build.status).toLower()
                                                                : status->conclusion,
                                   status->webUrl.toString())
                              .trimmed());
            break;
        case CiRunState::Pending:
        case CiRunState::Running:
            running.append(status->state == CiRunState::Pending
                               ? tr("%1 run queued").arg(displayName(platform))
                               : tr("CI run %1 in progress").arg(runName(*status, handle)));
            break;
        }
    }
    const int polls = data.value(QStringLiteral("polls")).toInt();
    data.insert(QStringLiteral("runs"), runs);
    outcome.externalData = data;
    if (!failed.isEmpty()) {
        outcome.kind = TaskOutcome::Kind::Failed;
        outcome.note = tr("%1.").arg(failed.join(QStringLiteral("; ")));
        return outcome;
    }
    if (running.isEmpty() && !lookingForRun) {
        outcome.kind = TaskOutcome::Kind::Completed;
        outcome.note = tr("Succeeded: %1.").arg(succeeded.join(QStringLiteral(", ")));
        if (job.task.type == TaskType::TriggerRegressionBuilds) {
            Announcement announcement;
            announcement.dedupeKey = QStringLiteral("builds-cycle-%1").arg(job.task.cycleNumber);
            announcement.kind = QStringLiteral("builds");
            announcement.body = tr("*%1 RC %2 builds are ready:* %3.")
                                    .arg(job.release.version)
                                    .arg(job.task.cycleNumber)
                                    .arg(succeeded.join(QStringLiteral(", ")));
            outcome.announcements.append(announcement);
        }
        return outcome;
    }
    outcome.kind = TaskOutcome::Kind::Waiting;
    outcome.waitSeconds = TaskExecutor::backoff(job.pollBaseSeconds, polls);
    outcome.externalData.insert(QStringLiteral("polls"), polls + 1);
    if (lookingForRun)
        running.append(tr("looking for the dispatched run"));
    outcome.note = tr("%1, next poll in %2 s")
                       .arg(running.join(QStringLiteral("; ")))
                       .arg(outcome.waitSeconds);
    return outcome;
}

} // namespace ReleaseDeck
