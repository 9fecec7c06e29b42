#include "TaskStore.h"

#include "Permission.h"
#include "WorkClaims.h"
#include "db/Database.h"
#include "db/SqlTime.h"
#include "db/SqlValue.h"
#include "db/Transaction.h"

namespace ReleaseDeck {

namespace {

const QString columns = QStringLiteral(
    "SELECT t.id, t.workspace_id, t.release_id, t.stage, t.task_type, t.cycle_id, "
    "t.cycle_number, t.status, t.attempts, t.next_attempt_at, t.last_error, t.external_id, "
    "t.external_url, t.external_data, t.claim_owner, t.claim_expires_at, t.started_at, "
    "t.finished_at, t.created_at, t.updated_at, t.claim_token, t.waiting_for FROM tasks t ");

Task fromRow(const QSqlQuery& q)
{
    Task t;
    t.id = q.value(0).toLongLong();
    t.workspaceId = q.value(1).toLongLong();
    t.releaseId = q.value(2).toLongLong();
    t.stage = stageFromText(q.value(3).toString()).value_or(Stage::Kickoff);
    t.type = taskTypeFromText(q.value(4).toString()).value_or(TaskType::ForkBranch);
    t.cycleId = q.value(5).toLongLong();
    t.cycleNumber = q.value(6).toInt();
    t.status = taskStatusFromText(q.value(7).toString()).value_or(TaskStatus::Pending);
    t.attempts = q.value(8).toInt();
    t.nextAttemptAt = SqlTime::fromColumn(q.value(9));
    t.lastError = q.value(10).toString();
    t.externalId = q.value(11).toString();
    t.externalUrl = q.value(12).toString();
    t.externalData = SqlValue::jsonFrom(q.value(13));
    t.claimOwner = q.value(14).toString();
    t.claimExpiresAt = SqlTime::fromColumn(q.value(15));
    t.startedAt = SqlTime::fromColumn(q.value(16));
    t.finishedAt = SqlTime::fromColumn(q.value(17));
    t.createdAt = SqlTime::fromColumn(q.value(18));
    t.updatedAt = SqlTime::fromColumn(q.value(19));
    t.claimToken = q.value(20).toString();
    t.waitingFor = q.value(21).toString();
    return t;
}

QVariant externalDataValue(const Task& task)
{
    return task.externalData.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                       : SqlValue::json(task.externalData);
}

} // namespace

TaskStore::TaskStore(Database& database)
    : m_database(database)
{}

Result<QList<Task>> TaskStore::select(const QString& where, const QVariantList& values)
{
    Result<QSqlQuery> query = m_database.run(columns + where, values);
    if (!query)
        return query.error();
    QList<Task> tasks;
    while (query->next())
        tasks.append(fromRow(*query));
    return tasks;
}

Result<QList<Task>> TaskStore::plan(const Actor& actor, qint64 releaseId, const QList<Task>& tasks)
{
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun().error();
    Result<Role> allowed =
        requirePermission(m_database, actor, Permission::RunReleases, QStringLiteral("plan tasks"));
    if (!allowed)
        return allowed.error();
    Result<QSqlQuery> release =
        m_database.run(QStringLiteral("SELECT id FROM releases WHERE workspace_id = ? AND id = ?"),
                       {actor.workspaceId, releaseId});
    if (!release)
        return release.error();
    if (!release->next())
        return Error::notFound(
            QStringLiteral("There is no release %1 in this workspace.").arg(releaseId));
    const QString now = m_database.nowSql();
    for (const Task& task : tasks) {
        const bool finished =
            task.status == TaskStatus::Skipped || task.status == TaskStatus::Completed;
        Result<QSqlQuery> inserted = m_database.run(
            QStringLiteral("INSERT INTO tasks (workspace_id, release_id, stage, task_type, "
                           "cycle_id, cycle_number, status, attempts, next_attempt_at, "
                           "last_error, waiting_for, external_data, finished_at) VALUES (?, ?, ?, "
                           "?, ?, ?, ?, ?, ?, ?, ?, ?, ") +
                (finished ? now : QStringLiteral("NULL")) + QStringLiteral(")"),
            {actor.workspaceId, releaseId, toText(task.stage), toText(task.type),
             SqlValue::id(task.cycleId), task.cycleNumber, toText(task.status), task.attempts,
             SqlTime::toColumn(task.nextAttemptAt), SqlValue::text(task.lastError),
             SqlValue::text(task.waitingFor), externalDataValue(task)});
        if (!inserted) {
            if (inserted.error().kind == ErrorKind::Conflict)
                return Error::conflict(QStringLiteral("The release already has a %1 task for "
                                                      "cycle %2.")
                                           .arg(toText(task.type))
                                           .arg(task.cycleNumber));
            return inserted.error();
        }
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return listForRelease(actor.workspaceId, releaseId);
}

Status TaskStore::save(const Actor& actor, const Task& task)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("change tasks"));
    if (!allowed)
        return allowed.error();
    Result<QSqlQuery> updated = m_database.run(
        QStringLiteral("UPDATE tasks SET status = ?, attempts = ?, next_attempt_at = ?, "
                       "last_error = ?, waiting_for = ?, external_id = ?, external_url = ?, "
                       "external_data = ?, started_at = ?, finished_at = ?, updated_at = ") +
            m_database.nowSql() + QStringLiteral(" WHERE workspace_id = ? AND id = ?"),
        {toText(task.status), task.attempts, SqlTime::toColumn(task.nextAttemptAt),
         SqlValue::text(task.lastError), SqlValue::text(task.waitingFor),
         SqlValue::text(task.externalId), SqlValue::text(task.externalUrl), externalDataValue(task),
         SqlTime::toColumn(task.startedAt), SqlTime::toColumn(task.finishedAt), actor.workspaceId,
         task.id});
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 0)
        return Error::notFound(
            QStringLiteral("There is no task %1 in this workspace.").arg(task.id));
    return {};
}

Status TaskStore::schedule(const Actor& actor, const QList<qint64>& taskIds, int inSeconds)
{
    if (taskIds.isEmpty())
        return {};
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("schedule tasks"));
    if (!allowed)
        return allowed.error();
    QStringList marks;
    QVariantList values = {m_database.secondsValue(inSeconds), actor.workspaceId};
    for (const qint64 id : taskIds) {
        marks.append(QStringLiteral("?"));
        values.append(id);
    }
    Result<QSqlQuery> updated = m_database.run(
        QStringLiteral("UPDATE tasks SET next_attempt_at = ") + m_database.nowPlusSecondsSql() +
            QStringLiteral(", waiting_for = NULL, updated_at = ") + m_database.nowSql() +
            QStringLiteral(" WHERE workspace_id = ? AND id IN (") + marks.join(QLatin1Char(',')) +
            QStringLiteral(")"),
        values);
    if (!updated)
        return updated.error();
    return {};
}

Result<bool> TaskStore::claim(const Actor& actor, qint64 taskId, const QString& holder,
                              const QString& token, int seconds)
{
    Result<Role> allowed =
        requirePermission(m_database, actor, Permission::RunReleases, QStringLiteral("run tasks"));
    if (!allowed)
        return allowed.error();
    const QString now = m_database.nowSql();
    return WorkClaims(m_database, QStringLiteral("tasks"))
        .claim(actor, taskId, holder, token, seconds,
               QStringLiteral("status IN ('PENDING', 'IN_PROGRESS', 'AWAITING_EXTERNAL') AND "
                              "next_attempt_at <= ") +
                   now,
               {},
               QStringLiteral("status = CASE WHEN status = 'PENDING' THEN 'IN_PROGRESS' ELSE "
                              "status END, started_at = COALESCE(started_at, ") +
                   now + QStringLiteral("), updated_at = ") + now);
}

Result<bool> TaskStore::checkpoint(const Actor& actor, const Task& task)
{
    Result<Role> allowed =
        requirePermission(m_database, actor, Permission::RunReleases, QStringLiteral("run tasks"));
    if (!allowed)
        return allowed.error();
    return WorkClaims(m_database, QStringLiteral("tasks"))
        .updateWhileHeld(actor, task.id, task.claimToken,
                         QStringLiteral("external_data = ?, updated_at = ") + m_database.nowSql(),
                         {externalDataValue(task)});
}

Result<bool> TaskStore::finishClaimed(const Actor& actor, const Task& task,
                                      int nextAttemptInSeconds)
{
    Result<Role> allowed =
        requirePermission(m_database, actor, Permission::RunReleases, QStringLiteral("run tasks"));
    if (!allowed)
        return allowed.error();
    const QString now = m_database.nowSql();
    const bool finished = task.status == TaskStatus::Completed ||
                          task.status == TaskStatus::Failed || task.status == TaskStatus::Skipped;
    QVariantList values = {toText(task.status), task.attempts};
    QString next = QStringLiteral("NULL");
    if (nextAttemptInSeconds >= 0) {
        next = m_database.nowPlusSecondsSql();
        values.append(m_database.secondsValue(nextAttemptInSeconds));
    }
    values << SqlValue::text(task.lastError) << SqlValue::text(task.waitingFor)
           << SqlValue::text(task.externalId) << SqlValue::text(task.externalUrl)
           << externalDataValue(task);
    return WorkClaims(m_database, QStringLiteral("tasks"))
        .updateWhileHeld(actor, task.id, task.claimToken,
                         QStringLiteral("status = ?, attempts = ?, next_attempt_at = ") + next +
                             QStringLiteral(", last_error = ?, waiting_for = ?, external_id = ?, "
                                            "external_url = ?, external_data = ?, finished_at = ") +
                             (finished ? now : QStringLiteral("NULL")) + QStringLiteral(", ") +
                             WorkClaims::released() + QStringLiteral(", updated_at = ") + now,
                         values);
}

Status TaskStore::renewClaims(const Actor& actor, const QString& holder,
                              const QList<qint64>& taskIds, int seconds)
{
    return WorkClaims(m_database, QStringLiteral("tasks")).renew(actor, holder, taskIds, seconds);
}

Status TaskStore::dropClaimsOfOthers(const Actor& actor, const QString& holder)
{
    return WorkClaims(m_database, QStringLiteral("tasks")).dropOthers(actor, holder);
}

Result<std::optional<Task>> TaskStore::findById(qint64 workspaceId, qint64 id)
{
    Result<QList<Task>> found =
        select(QStringLiteral("WHERE t.workspace_id = ? AND t.id = ?"), {workspaceId, id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Task>();
    return std::optional<Task>(found->constFirst());
}

Result<QList<Task>> TaskStore::listForRelease(qint64 workspaceId, qint64 releaseId)
{
    return select(QStringLiteral("WHERE t.workspace_id = ? AND t.release_id = ? ORDER BY t.id"),
                  {workspaceId, releaseId});
}

Result<QList<Task>> TaskStore::due(qint64 workspaceId, int limit)
{
    const QString now = m_database.nowSql();
    return select(QStringLiteral("JOIN releases r ON r.id = t.release_id WHERE t.workspace_id = ? "
                                 "AND t.status IN ('PENDING', 'IN_PROGRESS', 'AWAITING_EXTERNAL') "
                                 "AND t.next_attempt_at <= ") +
                      now + QStringLiteral(" AND (t.claim_token IS NULL OR t.claim_expires_at < ") +
                      now +
                      QStringLiteral(") AND r.workspace_id = t.workspace_id AND r.status = "
                                     "'IN_PROGRESS' ORDER BY t.next_attempt_at, t.id LIMIT ?"),
                  {workspaceId, std::max(1, limit)});
}

} // namespace ReleaseDeck
