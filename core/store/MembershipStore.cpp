#include "MembershipStore.h"

#include "Permission.h"
#include "db/Database.h"
#include "db/SqlTime.h"
#include "db/Transaction.h"

namespace ReleaseDeck {

MembershipStore::MembershipStore(Database& database)
    : m_database(database)
{}

Status MembershipStore::add(const Actor& actor, qint64 accountId, Role role)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::ManageWorkspace,
                                             QStringLiteral("add members"));
    if (!allowed)
        return allowed.error();
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO memberships (workspace_id, account_id, role) VALUES (?, ?, ?)"),
        {actor.workspaceId, accountId, toText(role)});
    if (!inserted && inserted.error().kind == ErrorKind::Conflict)
        return Error::conflict(
            QStringLiteral("That account is already a member of this workspace."));
    if (!inserted)
        return inserted.error();
    return {};
}

Status MembershipStore::keepAnOwner(const Actor& actor, qint64 accountId)
{
    Result<QSqlQuery> owners = m_database.run(
        QStringLiteral("SELECT COUNT(*) FROM memberships WHERE workspace_id = ? AND role = "
                       "'OWNER' AND account_id <> ?"),
        {actor.workspaceId, accountId});
    if (!owners)
        return owners.error();
    if (!owners->next() || owners->value(0).toLongLong() == 0)
        return Error::conflict(QStringLiteral("A workspace needs at least one OWNER."));
    return {};
}

Status MembershipStore::setRole(const Actor& actor, qint64 accountId, Role role)
{
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun();
    Result<Role> allowed = requirePermission(m_database, actor, Permission::ManageWorkspace,
                                             QStringLiteral("change roles"));
    if (!allowed)
        return allowed.error();
    if (role != Role::Owner) {
        if (Status kept = keepAnOwner(actor, accountId); !kept)
            return kept;
    }
    Result<QSqlQuery> updated = m_database.run(
        QStringLiteral("UPDATE memberships SET role = ? WHERE workspace_id = ? AND account_id = ?"),
        {toText(role), actor.workspaceId, accountId});
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("That account is not a member of this workspace."));
    return transaction.commit();
}

Status MembershipStore::remove(const Actor& actor, qint64 accountId)
{
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun();
    Result<Role> allowed = requirePermission(m_database, actor, Permission::ManageWorkspace,
                                             QStringLiteral("remove members"));
    if (!allowed)
        return allowed.error();
    if (Status kept = keepAnOwner(actor, accountId); !kept)
        return kept;
    Result<QSqlQuery> removed = m_database.run(
        QStringLiteral("DELETE FROM memberships WHERE workspace_id = ? AND account_id = ?"),
        {actor.workspaceId, accountId});
    if (!removed)
        return removed.error();
    if (removed->numRowsAffected() == 0)
        return Error::notFound(QStringLiteral("That account is not a member of this workspace."));
    return transaction.commit();
}

Result<std::optional<Role>> MembershipStore::roleOf(qint64 workspaceId, qint64 accountId)
{
    Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT role FROM memberships WHERE workspace_id = ? AND account_id = ?"),
        {workspaceId, accountId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<Role>();
    return roleFromText(query->value(0).toString());
}

Result<QList<Member>> MembershipStore::members(qint64 workspaceId)
{
    Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT a.id, a.login, a.display_name, a.email, m.role, m.created_at FROM "
                       "memberships m JOIN accounts a ON a.id = m.account_id WHERE "
                       "m.workspace_id = ? ORDER BY CASE m.role WHEN 'OWNER' THEN 0 WHEN "
                       "'EDITOR' THEN 1 ELSE 2 END, a.display_name, a.login"),
        {workspaceId});
    if (!query)
        return query.error();
    QList<Member> members;
    while (query->next())
        members.append({query->value(0).toLongLong(), query->value(1).toString(),
                        query->value(2).toString(), query->value(3).toString(),
                        roleFromText(query->value(4).toString()).value_or(Role::Viewer),
                        SqlTime::fromColumn(query->value(5))});
    return members;
}

} // namespace ReleaseDeck
