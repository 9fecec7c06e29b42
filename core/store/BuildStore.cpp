#include "BuildStore.h"

#include "Permission.h"
#include "db/Database.h"
#include "db/SqlTime.h"
#include "db/SqlValue.h"
#include "db/Transaction.h"

namespace ReleaseDeck {

BuildStore::BuildStore(Database& database)
    : m_database(database)
{}

Result<QList<Build>> BuildStore::select(const QString& where, const QVariantList& values)
{
    Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT id, workspace_id, release_id, cycle_id, task_id, platform, "
                       "ci_run_id, ci_run_url, build_number, status, created_at, updated_at FROM "
                       "builds WHERE ") +
            where,
        values);
    if (!query)
        return query.error();
    QList<Build> builds;
    while (query->next())
        builds.append(
            {query->value(0).toLongLong(), query->value(1).toLongLong(),
             query->value(2).toLongLong(), query->value(3).toLongLong(),
             query->value(4).toLongLong(),
             platformFromText(query->value(5).toString()).value_or(Platform::Android),
             query->value(6).toString(), query->value(7).toString(), query->value(8).toString(),
             buildStatusFromText(query->value(9).toString()).value_or(BuildStatus::Pending),
             SqlTime::fromColumn(query->value(10)), SqlTime::fromColumn(query->value(11))});
    return builds;
}

Result<Build> BuildStore::record(const Actor& actor, const Build& build)
{
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun().error();
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("record builds"));
    if (!allowed)
        return allowed.error();
    Result<QSqlQuery> task = m_database.run(
        QStringLiteral("SELECT release_id, cycle_id FROM tasks WHERE workspace_id = ? AND id = ?"),
        {actor.workspaceId, build.taskId});
    if (!task)
        return task.error();
    if (!task->next())
        return Error::notFound(
            QStringLiteral("There is no task %1 in this workspace.").arg(build.taskId));
    const qint64 releaseId = task->value(0).toLongLong();
    const qint64 cycleId = task->value(1).toLongLong();
    Result<QSqlQuery> updated = m_database.run(
        QStringLiteral("UPDATE builds SET ci_run_id = ?, ci_run_url = ?, build_number = ?, "
                       "status = ?, updated_at = ") +
            m_database.nowSql() +
            QStringLiteral(" WHERE workspace_id = ? AND task_id = ? AND platform = ?"),
        {SqlValue::text(build.ciRunId), SqlValue::text(build.ciRunUrl),
         SqlValue::text(build.buildNumber), toText(build.status), actor.workspaceId, build.taskId,
         toText(build.platform)});
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 0) {
        Result<QSqlQuery> inserted = m_database.run(
            QStringLiteral("INSERT INTO builds (workspace_id, release_id, cycle_id, task_id, "
                           "platform, ci_run_id, ci_run_url, build_number, status) VALUES (?, ?, "
                           "?, ?, ?, ?, ?, ?, ?)"),
            {actor.workspaceId, releaseId, SqlValue::id(cycleId), build.taskId,
             toText(build.platform), SqlValue::text(build.ciRunId), SqlValue::text(build.ciRunUrl),
             SqlValue::text(build.buildNumber), toText(build.status)});
        if (!inserted)
            return inserted.error();
    }
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    Result<QList<Build>> found =
        select(QStringLiteral("workspace_id = ? AND task_id = ? AND platform = ?"),
               {actor.workspaceId, build.taskId, toText(build.platform)});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::internal(QStringLiteral("The build vanished."));
    return found->constFirst();
}

Result<QList<Build>> BuildStore::listForRelease(qint64 workspaceId, qint64 releaseId)
{
    return select(QStringLiteral("workspace_id = ? AND release_id = ? ORDER BY task_id, platform"),
                  {workspaceId, releaseId});
}

} // namespace ReleaseDeck
