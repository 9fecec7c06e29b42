#include "ConnectionStore.h"

#include "Permission.h"
#include "db/Database.h"
#include "db/SqlTime.h"
#include "db/SqlValue.h"
#include "db/Transaction.h"

namespace ReleaseDeck {

ConnectionStore::ConnectionStore(Database& database)
    : m_database(database)
{}

Result<QList<Connection>> ConnectionStore::select(const QString& where, const QVariantList& values)
{
    Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT id, workspace_id, category, provider, display_name, config, "
                       "secret_ref, active, verification_status, last_verified_at, "
                       "verification_error, created_by, created_at, updated_at FROM connections "
                       "WHERE ") +
            where + QStringLiteral(" ORDER BY id"),
        values);
    if (!query)
        return query.error();
    QList<Connection> connections;
    while (query->next()) {
        Connection c;
        c.id = query->value(0).toLongLong();
        c.workspaceId = query->value(1).toLongLong();
        c.category = categoryFromText(query->value(2).toString()).value_or(ConnectionCategory::Scm);
        c.provider = query->value(3).toString();
        c.displayName = query->value(4).toString();
        c.config = SqlValue::jsonFrom(query->value(5));
        c.secretRef = query->value(6).toString();
        c.active = query->value(7).toInt() != 0;
        c.status = verificationStatusFromText(query->value(8).toString())
                       .value_or(VerificationStatus::Pending);
        c.lastVerifiedAt = SqlTime::fromColumn(query->value(9));
        c.verificationError = query->value(10).toString();
        c.createdBy = query->value(11).toLongLong();
        c.createdAt = SqlTime::fromColumn(query->value(12));
        c.updatedAt = SqlTime::fromColumn(query->value(13));
        connections.append(c);
    }
    return connections;
}

Result<Connection> ConnectionStore::insertRow(const Actor& actor, Connection connection)
{
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO connections (workspace_id, category, provider, display_name, "
                       "config, secret_ref, active, verification_status, last_verified_at, "
                       "verification_error, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {actor.workspaceId, toText(connection.category), connection.provider,
         connection.displayName, SqlValue::json(connection.config),
         SqlValue::text(connection.secretRef), connection.active ? 1 : 0, toText(connection.status),
         SqlTime::toColumn(connection.lastVerifiedAt), SqlValue::text(connection.verificationError),
         actor.accountId});
    if (!inserted) {
        if (inserted.error().kind == ErrorKind::Conflict)
            return Error::conflict(QStringLiteral("This workspace already has an active %1 "
                                                  "connection; remove it first.")
                                       .arg(displayName(connection.category)));
        return inserted.error();
    }
    const qint64 id = inserted->lastInsertId().toLongLong();
    Result<QList<Connection>> created =
        select(QStringLiteral("workspace_id = ? AND id = ?"), {actor.workspaceId, id});
    if (!created)
        return created.error();
    if (created->isEmpty())
        return Error::internal(QStringLiteral("The new connection vanished."));
    return created->constFirst();
}

Result<Connection> ConnectionStore::insert(const Actor& actor, Connection connection)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::ManageWorkspace,
                                             QStringLiteral("add connections"));
    if (!allowed)
        return allowed.error();
    return insertRow(actor, std::move(connection));
}

Result<Connection> ConnectionStore::replace(const Actor& actor, Connection connection)
{
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun().error();
    Result<Role> allowed = requirePermission(m_database, actor, Permission::ManageWorkspace,
                                             QStringLiteral("replace connections"));
    if (!allowed)
        return allowed.error();
    Result<QSqlQuery> deactivated = m_database.run(
        QStringLiteral("UPDATE connections SET active = 0, updated_at = ") + m_database.nowSql() +
            QStringLiteral(" WHERE workspace_id = ? AND category = ? AND active = 1"),
        {actor.workspaceId, toText(connection.category)});
    if (!deactivated)
        return deactivated.error();
    Result<Connection> inserted = insertRow(actor, std::move(connection));
    if (!inserted)
        return inserted.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return inserted;
}

Status ConnectionStore::updateSettings(const Actor& actor, const Connection& connection)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::ManageWorkspace,
                                             QStringLiteral("edit connections"));
    if (!allowed)
        return allowed.error();
    Result<QSqlQuery> updated = m_database.run(
        QStringLiteral("UPDATE connections SET display_name = ?, config = ?, secret_ref = ?, "
                       "updated_at = ") +
            m_database.nowSql() + QStringLiteral(" WHERE workspace_id = ? AND id = ?"),
        {connection.displayName, SqlValue::json(connection.config),
         SqlValue::text(connection.secretRef), actor.workspaceId, connection.id});
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 0)
        return Error::notFound(
            QStringLiteral("There is no connection %1 in this workspace.").arg(connection.id));
    return {};
}

Status ConnectionStore::updateVerification(const Actor& actor, qint64 id, VerificationStatus status,
                                           const QDateTime& lastVerifiedAt, const QString& error)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("record a verification"));
    if (!allowed)
        return allowed.error();
    Result<QSqlQuery> updated = m_database.run(
        QStringLiteral("UPDATE connections SET verification_status = ?, last_verified_at = ?, "
                       "verification_error = ?, updated_at = ") +
            m_database.nowSql() + QStringLiteral(" WHERE workspace_id = ? AND id = ?"),
        {toText(status), SqlTime::toColumn(lastVerifiedAt), SqlValue::text(error),
         actor.workspaceId, id});
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 0)
        return Error::notFound(
            QStringLiteral("There is no connection %1 in this workspace.").arg(id));
    return {};
}

Status ConnectionStore::deactivate(const Actor& actor, qint64 id)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::ManageWorkspace,
                                             QStringLiteral("remove connections"));
    if (!allowed)
        return allowed.error();
    Result<QSqlQuery> updated = m_database.run(
        QStringLiteral("UPDATE connections SET active = 0, updated_at = ") + m_database.nowSql() +
            QStringLiteral(" WHERE workspace_id = ? AND id = ?"),
        {actor.workspaceId, id});
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 0)
        return Error::notFound(
            QStringLiteral("There is no connection %1 in this workspace.").arg(id));
    return {};
}

Result<QList<Connection>> ConnectionStore::listActive(qint64 workspaceId)
{
    return select(QStringLiteral("workspace_id = ? AND active = 1"), {workspaceId});
}

Result<std::optional<Connection>> ConnectionStore::findById(qint64 workspaceId, qint64 id)
{
    Result<QList<Connection>> found =
        select(QStringLiteral("workspace_id = ? AND id = ?"), {workspaceId, id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Connection>();
    return std::optional<Connection>(found->constFirst());
}

Result<std::optional<Connection>> ConnectionStore::findActive(qint64 workspaceId,
                                                              ConnectionCategory category)
{
    Result<QList<Connection>> found =
        select(QStringLiteral("workspace_id = ? AND category = ? AND active = 1"),
               {workspaceId, toText(category)});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Connection>();
    return std::optional<Connection>(found->constFirst());
}

} // namespace ReleaseDeck
