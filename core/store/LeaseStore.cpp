#include "LeaseStore.h"

#include "Permission.h"
#include "db/Database.h"
#include "db/SqlTime.h"

namespace ReleaseDeck {

LeaseStore::LeaseStore(Database& database)
    : m_database(database)
{}

Result<LeaseGrant> LeaseStore::take(const Actor& actor, const QString& holder, int seconds)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("orchestrate"));
    if (!allowed)
        return allowed.error();
    if (holder.isEmpty() || seconds <= 0)
        return Error::usage(QStringLiteral("A lease needs a holder and a positive duration."));
    const QString now = m_database.nowSql();
    Result<std::optional<OrchestratorLease>> before = current(actor.workspaceId);
    if (!before)
        return before.error();
    const bool wasMine = before->has_value() && (*before)->holder == holder;
    // acquired_at first: MariaDB assigns left to right and would see the new holder.
    Result<QSqlQuery> renewed = m_database.run(
        QStringLiteral("UPDATE orchestrator_leases SET acquired_at = CASE WHEN holder = ? THEN "
                       "acquired_at ELSE ") +
            now + QStringLiteral(" END, holder = ?, heartbeat_at = ") + now +
            QStringLiteral(", expires_at = ") + m_database.nowPlusSecondsSql() +
            QStringLiteral(" WHERE workspace_id = ? AND (holder = ? OR expires_at < ") + now +
            QStringLiteral(")"),
        {holder, holder, m_database.secondsValue(seconds), actor.workspaceId, holder});
    if (!renewed)
        return renewed.error();
    if (renewed->numRowsAffected() == 1)
        return LeaseGrant{true, !wasMine};
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO orchestrator_leases (workspace_id, holder, acquired_at, "
                       "heartbeat_at, expires_at) VALUES (?, ?, ") +
            now + QStringLiteral(", ") + now + QStringLiteral(", ") +
            m_database.nowPlusSecondsSql() + QStringLiteral(")"),
        {actor.workspaceId, holder, m_database.secondsValue(seconds)});
    if (inserted)
        return LeaseGrant{true, true};
    // Someone else holds a live lease.
    if (inserted.error().kind == ErrorKind::Conflict)
        return LeaseGrant{};
    return inserted.error();
}

Status LeaseStore::giveUp(const Actor& actor, const QString& holder)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("orchestrate"));
    if (!allowed)
        return allowed.error();
    Result<QSqlQuery> removed = m_database.run(
        QStringLiteral("DELETE FROM orchestrator_leases WHERE workspace_id = ? AND holder = ?"),
        {actor.workspaceId, holder});
    if (!removed)
        return removed.error();
    return {};
}

Result<std::optional<OrchestratorLease>> LeaseStore::current(qint64 workspaceId)
{
    Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT workspace_id, holder, acquired_at, heartbeat_at, expires_at FROM "
                       "orchestrator_leases WHERE workspace_id = ?"),
        {workspaceId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<OrchestratorLease>();
    return std::optional<OrchestratorLease>(OrchestratorLease{
        query->value(0).toLongLong(), query->value(1).toString(),
        SqlTime::fromColumn(query->value(2)), SqlTime::fromColumn(query->value(3)),
        SqlTime::fromColumn(query->value(4))});
}

} // namespace ReleaseDeck
