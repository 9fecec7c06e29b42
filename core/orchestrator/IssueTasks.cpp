#include "IssueTasks.h"

#include "TaskExecutor.h"
#include "model/Connection.h"
#include "providers/IssuesClient.h"

#include <QCoreApplication>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("IssueTasks", text);
}

TaskOutcome createTickets(const TaskJob& job, const Connection& connection, IssuesClient& issues,
                          const TaskCheckpoint& checkpoint)
{
    const QJsonObject keys = connection.config.value(QStringLiteral("projectKeys")).toObject();
    QJsonObject data = job.task.externalData;
    QJsonObject tickets = data.value(QStringLiteral("tickets")).toObject();
    const QString label = QStringLiteral("release-") + job.release.version;
    QStringList created;
    for (const Platform platform : job.release.platforms) {
        const QString projectKey = keys.value(toText(platform)).toString();
        if (projectKey.isEmpty())
            continue;
        if (!tickets.contains(toText(platform))) {
            Result<Issue> issue = issues.ensureReleaseIssue(
                projectKey, tr("Release %1 (%2)").arg(job.release.version, displayName(platform)),
                tr("Release %1 of %2, from %3. Tracked by Release Deck.")
                    .arg(job.release.version, displayName(platform), job.release.baseBranch),
                label);
            if (!issue)
                return TaskExecutor::fromError(issue.error(), job);
            tickets.insert(toText(platform),
                           QJsonObject{{QStringLiteral("key"), issue->key},
                                       {QStringLiteral("url"), issue->webUrl.toString()}});
            data.insert(QStringLiteral("tickets"), tickets);
            if (!checkpoint(data))
                return TaskOutcome::claimLost();
        }
        created.append(
            tickets.value(toText(platform)).toObject().value(QStringLiteral("key")).toString());
    }
    if (created.isEmpty())
        return TaskOutcome::skipped(tr("no project key for this release's platforms"));
    created.removeDuplicates();
    TaskOutcome outcome =
        TaskOutcome::completed(tr("Tickets %1.").arg(created.join(QStringLiteral(", "))));
    outcome.externalId = created.join(QLatin1Char(','));
    outcome.externalUrl = tickets.begin()->toObject().value(QStringLiteral("url")).toString();
    outcome.externalData = data;
    return outcome;
}

TaskOutcome checkApproval(const TaskJob& job, const Connection& connection, IssuesClient& issues)
{
    QJsonObject tickets;
    for (const Task& task : job.releaseTasks) {
        if (task.type == TaskType::CreateProjectManagementTicket)
            tickets = task.externalData.value(QStringLiteral("tickets")).toObject();
    }
    if (tickets.isEmpty())
        return TaskOutcome::skipped(tr("no release tickets to check"));
    const QJsonObject readyStates =
        connection.config.value(QStringLiteral("readyStates")).toObject();
    QStringList waiting;
    QStringList checked;
    for (auto it = tickets.begin(); it != tickets.end(); ++it) {
        const QString key = it.value().toObject().value(QStringLiteral("key")).toString();
        if (checked.contains(key))
            continue;
        checked.append(key);
        const QString ready = readyStates.value(it.key()).toString(IssueTasks::defaultReadyState());
        Result<QString> status = issues.issueStatus(key);
        if (!status)
            return TaskExecutor::fromError(status.error(), job);
        if (status->compare(ready, Qt::CaseInsensitive) != 0)
            waiting.append(tr("%1 to reach %2 (now %3)").arg(key, ready, *status));
    }
    TaskOutcome outcome;
    outcome.externalData = job.task.externalData;
    if (waiting.isEmpty()) {
        outcome.note =
            tr("Every release ticket is ready: %1.").arg(checked.join(QStringLiteral(", ")));
        return outcome;
    }
    const int polls = outcome.externalData.value(QStringLiteral("polls")).toInt();
    outcome.kind = TaskOutcome::Kind::Waiting;
    outcome.waitSeconds = TaskExecutor::backoff(job.pollBaseSeconds, polls);
    outcome.externalData.insert(QStringLiteral("polls"), polls + 1);
    outcome.note = tr("waiting for %1, next check in %2 s")
                       .arg(waiting.join(QStringLiteral(", ")))
                       .arg(outcome.waitSeconds);
    return outcome;
}

} // namespace

TaskOutcome IssueTasks::run(const TaskJob& job, const Connection& connection, IssuesClient& issues,
                            const TaskCheckpoint& checkpoint)
{
    switch (job.task.type) {
    case TaskType::CreateProjectManagementTicket:
        return createTickets(job, connection, issues, checkpoint);
    case TaskType::CheckProjectReleaseApproval:
        return checkApproval(job, connection, issues);
    default:
        break;
    }
    return TaskOutcome::failed(tr("%1 is not an issue-tracker task.").arg(toText(job.task.type)));
}

} // namespace ReleaseDeck
