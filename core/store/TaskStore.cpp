#include "TaskStore.h"

#include "Permission.h"
#include "db/Database.h"
#include "db/SqlTime.h"
#include "db/SqlValue.h"
#include "db/Transaction.h"

namespace ReleaseDeck {

namespace {

const QString columns = QStringLiteral(
    "SELECT id, workspace_id, release_id, stage, task_type, cycle_id, cycle_number, status, "
    "attempts, next_attempt_at, last_error, external_id, external_url, external_data, "
    "claim_owner, claim_expires_at, started_at, finished_at, created_at, updated_at FROM tasks "
    "WHERE ");

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
    return t;
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
    for (const Task& task : tasks) {
        Result<QSqlQuery> inserted = m_database.run(
            QStringLiteral("INSERT INTO tasks (workspace_id, release_id, stage, task_type, "
                           "cycle_id, cycle_number, status, attempts, next_attempt_at, "
                           "external_data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {actor.workspaceId, releaseId, toText(task.stage), toText(task.type),
             SqlValue::id(task.cycleId), task.cycleNumber, toText(task.status), task.attempts,
             SqlTime::toColumn(task.nextAttemptAt),
             task.externalData.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                         : SqlValue::json(task.externalData)});
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
                       "last_error = ?, external_id = ?, external_url = ?, external_data = ?, "
                       "started_at = ?, finished_at = ?, updated_at = ") +
            m_database.nowSql() + QStringLiteral(" WHERE workspace_id = ? AND id = ?"),
        {toText(task.status), task.attempts, SqlTime::toColumn(task.nextAttemptAt),
         SqlValue::text(task.lastError), SqlValue::text(task.externalId),
         SqlValue::text(task.externalUrl),
         task.externalData.isEmpty() ? QVariant(QMetaType::fromType<QString>())
                                     : SqlValue::json(task.externalData),
         SqlTime::toColumn(task.startedAt), SqlTime::toColumn(task.finishedAt), actor.workspaceId,
         task.id});
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 0)
        return Error::notFound(
            QStringLiteral("There is no task %1 in this workspace.").arg(task.id));
    return {};
}

Result<bool> TaskStore::claim(const Actor& actor, qint64 taskId, const QString& owner, int seconds)
{
    Result<Role> allowed =
        requirePermission(m_database, actor, Permission::RunReleases, QStringLiteral("run tasks"));
    if (!allowed)
        return allowed.error();
    const QString now = m_database.nowSql();
    Result<QSqlQuery> claimed = m_database.run(
        QStringLiteral("UPDATE tasks SET claim_owner = ?, claim_expires_at = ") +
            m_database.nowPlusSecondsSql() +
            QStringLiteral(" WHERE workspace_id = ? AND id = ? AND (claim_owner IS NULL OR "
                           "claim_owner = ? OR claim_expires_at < ") +
            now + QStringLiteral(")"),
        {owner, m_database.secondsValue(seconds), actor.workspaceId, taskId, owner});
    if (!claimed)
        return claimed.error();
    return claimed->numRowsAffected() == 1;
}

Result<std::optional<Task>> TaskStore::findById(qint64 workspaceId, qint64 id)
{
    Result<QList<Task>> found =
        select(QStringLiteral("workspace_id = ? AND id = ?"), {workspaceId, id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Task>();
    return std::optional<Task>(found->constFirst());
}

Result<QList<Task>> TaskStore::listForRelease(qint64 workspaceId, qint64 releaseId)
{
    return select(QStringLiteral("workspace_id = ? AND release_id = ? ORDER BY id"),
                  {workspaceId, releaseId});
}

Result<QList<Task>> TaskStore::due(qint64 workspaceId, int limit)
{
    const QString now = m_database.nowSql();
    return select(QStringLiteral("workspace_id = ? AND status IN ('PENDING', 'AWAITING_EXTERNAL') "
                                 "AND (next_attempt_at IS NULL OR next_attempt_at <= ") +
                      now +
                      QStringLiteral(") AND (claim_expires_at IS NULL OR claim_expires_at < ") +
                      now + QStringLiteral(") ORDER BY id LIMIT ?"),
                  {workspaceId, std::max(1, limit)});
}

} // namespace ReleaseDeck
