#include "CycleStore.h"

#include "Permission.h"
#include "db/Database.h"
#include "db/SqlTime.h"
#include "db/SqlValue.h"
#include "db/Transaction.h"

namespace ReleaseDeck {

CycleStore::CycleStore(Database& database)
    : m_database(database)
{}

Result<RegressionCycle> CycleStore::start(const Actor& actor, qint64 releaseId,
                                          const QString& rcTag)
{
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun().error();
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("start regression cycles"));
    if (!allowed)
        return allowed.error();
    // Locks the release row on MariaDB so two instances cannot pick the same number.
    Result<QSqlQuery> release = m_database.run(
        QStringLiteral("SELECT id FROM releases WHERE workspace_id = ? AND id = ?") +
            (m_database.dialect() == Dialect::MySql ? QStringLiteral(" FOR UPDATE") : QString()),
        {actor.workspaceId, releaseId});
    if (!release)
        return release.error();
    if (!release->next())
        return Error::notFound(
            QStringLiteral("There is no release %1 in this workspace.").arg(releaseId));
    Result<QSqlQuery> highest = m_database.run(
        QStringLiteral("SELECT COALESCE(MAX(cycle_number), 0) FROM regression_cycles WHERE "
                       "workspace_id = ? AND release_id = ?"),
        {actor.workspaceId, releaseId});
    if (!highest || !highest->next())
        return highest ? Error::internal(QStringLiteral("Cannot number the cycle."))
                       : highest.error();
    const int number = highest->value(0).toInt() + 1;
    Result<QSqlQuery> unset = m_database.run(
        QStringLiteral("UPDATE regression_cycles SET is_latest = 0, updated_at = ") +
            m_database.nowSql() +
            QStringLiteral(" WHERE workspace_id = ? AND release_id = ? AND is_latest = 1"),
        {actor.workspaceId, releaseId});
    if (!unset)
        return unset.error();
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO regression_cycles (workspace_id, release_id, cycle_number, "
                       "rc_tag, status, is_latest) VALUES (?, ?, ?, ?, 'IN_PROGRESS', 1)"),
        {actor.workspaceId, releaseId, number, SqlValue::text(rcTag)});
    if (!inserted)
        return inserted.error();
    const qint64 id = inserted->lastInsertId().toLongLong();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    Result<QList<RegressionCycle>> cycles = list(actor.workspaceId, releaseId);
    if (!cycles)
        return cycles.error();
    for (const RegressionCycle& cycle : std::as_const(*cycles)) {
        if (cycle.id == id)
            return cycle;
    }
    return Error::internal(QStringLiteral("The new regression cycle vanished."));
}

Status CycleStore::setStatus(const Actor& actor, qint64 cycleId, CycleStatus status)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("change regression cycles"));
    if (!allowed)
        return allowed.error();
    Result<QSqlQuery> updated = m_database.run(
        QStringLiteral("UPDATE regression_cycles SET status = ?, updated_at = ") +
            m_database.nowSql() + QStringLiteral(" WHERE workspace_id = ? AND id = ?"),
        {toText(status), actor.workspaceId, cycleId});
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 0)
        return Error::notFound(
            QStringLiteral("There is no regression cycle %1 in this workspace.").arg(cycleId));
    return {};
}

Result<QList<RegressionCycle>> CycleStore::list(qint64 workspaceId, qint64 releaseId)
{
    Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT id, workspace_id, release_id, cycle_number, rc_tag, status, "
                       "is_latest, created_at, updated_at FROM regression_cycles WHERE "
                       "workspace_id = ? AND release_id = ? ORDER BY cycle_number"),
        {workspaceId, releaseId});
    if (!query)
        return query.error();
    QList<RegressionCycle> cycles;
    while (query->next())
        cycles.append(
            {query->value(0).toLongLong(), query->value(1).toLongLong(),
             query->value(2).toLongLong(), query->value(3).toInt(), query->value(4).toString(),
             cycleStatusFromText(query->value(5).toString()).value_or(CycleStatus::NotStarted),
             query->value(6).toInt() != 0, SqlTime::fromColumn(query->value(7)),
             SqlTime::fromColumn(query->value(8))});
    return cycles;
}

} // namespace ReleaseDeck
