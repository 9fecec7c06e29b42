#include "SlotStore.h"

#include "Permission.h"
#include "db/Database.h"
#include "db/SqlTime.h"
#include "db/SqlValue.h"

namespace ReleaseDeck {

SlotStore::SlotStore(Database& database)
    : m_database(database)
{}

Result<QList<RegressionSlot>> SlotStore::select(const QString& where, const QVariantList& values)
{
    Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT s.id, s.workspace_id, s.release_id, s.slot_at, s.run_build, "
                       "s.run_automation, s.cycle_id, s.created_at FROM regression_slots s ") +
            where,
        values);
    if (!query)
        return query.error();
    QList<RegressionSlot> found;
    while (query->next())
        found.append({query->value(0).toLongLong(), query->value(1).toLongLong(),
                      query->value(2).toLongLong(), SqlTime::fromColumn(query->value(3)),
                      query->value(4).toInt() != 0, query->value(5).toInt() != 0,
                      query->value(6).toLongLong(), SqlTime::fromColumn(query->value(7))});
    return found;
}

Result<RegressionSlot> SlotStore::add(const Actor& actor, const RegressionSlot& slot)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("add regression slots"));
    if (!allowed)
        return allowed.error();
    if (!slot.slotAt.isValid())
        return Error::usage(QStringLiteral("A regression slot needs a time."));
    Result<QSqlQuery> release =
        m_database.run(QStringLiteral("SELECT id FROM releases WHERE workspace_id = ? AND id = ?"),
                       {actor.workspaceId, slot.releaseId});
    if (!release)
        return release.error();
    if (!release->next())
        return Error::notFound(
            QStringLiteral("There is no release %1 in this workspace.").arg(slot.releaseId));
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO regression_slots (workspace_id, release_id, slot_at, "
                       "run_build, run_automation) VALUES (?, ?, ?, ?, ?)"),
        {actor.workspaceId, slot.releaseId, SqlTime::toColumn(slot.slotAt), slot.runBuild ? 1 : 0,
         slot.runAutomation ? 1 : 0});
    if (!inserted)
        return inserted.error();
    Result<QList<RegressionSlot>> created =
        select(QStringLiteral("WHERE s.workspace_id = ? AND s.id = ?"),
               {actor.workspaceId, inserted->lastInsertId().toLongLong()});
    if (!created)
        return created.error();
    if (created->isEmpty())
        return Error::internal(QStringLiteral("The new regression slot vanished."));
    return created->constFirst();
}

Status SlotStore::attachCycle(const Actor& actor, qint64 slotId, qint64 cycleId)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("start regression cycles"));
    if (!allowed)
        return allowed.error();
    // The cycle must be of the same workspace and release as the slot.
    Result<QSqlQuery> updated = m_database.run(
        QStringLiteral("UPDATE regression_slots SET cycle_id = ? WHERE workspace_id = ? AND id = "
                       "? AND EXISTS (SELECT 1 FROM regression_cycles c WHERE c.id = ? AND "
                       "c.workspace_id = regression_slots.workspace_id AND c.release_id = "
                       "regression_slots.release_id)"),
        {cycleId, actor.workspaceId, slotId, cycleId});
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 0)
        return Error::notFound(
            QStringLiteral("There is no regression slot %1 with that cycle in this workspace.")
                .arg(slotId));
    return {};
}

Result<QList<RegressionSlot>> SlotStore::list(qint64 workspaceId, qint64 releaseId)
{
    return select(
        QStringLiteral("WHERE s.workspace_id = ? AND s.release_id = ? ORDER BY s.slot_at, s.id"),
        {workspaceId, releaseId});
}

Result<QList<RegressionSlot>> SlotStore::due(qint64 workspaceId)
{
    return select(QStringLiteral("JOIN releases r ON r.id = s.release_id WHERE s.workspace_id = ? "
                                 "AND s.cycle_id IS NULL AND s.slot_at <= ") +
                      m_database.nowSql() +
                      QStringLiteral(" AND r.workspace_id = s.workspace_id AND r.status = "
                                     "'IN_PROGRESS' AND r.stage = 'REGRESSION' ORDER BY s.slot_at, "
                                     "s.id"),
                  {workspaceId});
}

} // namespace ReleaseDeck
