#include "WorkspaceStore.h"

#include "db/Database.h"
#include "db/SqlTime.h"
#include "db/Transaction.h"

namespace ReleaseDeck {

namespace {

const QString columns = QStringLiteral("w.id, w.name, w.created_by, w.created_at");

} // namespace

WorkspaceStore::WorkspaceStore(Database& database)
    : m_database(database)
{}

Result<QList<Workspace>> WorkspaceStore::select(const QString& sql, const QVariantList& values)
{
    Result<QSqlQuery> query = m_database.run(sql, values);
    if (!query)
        return query.error();
    QList<Workspace> workspaces;
    while (query->next())
        workspaces.append({query->value(0).toLongLong(), query->value(1).toString(),
                           query->value(2).toLongLong(), SqlTime::fromColumn(query->value(3))});
    return workspaces;
}

Result<Workspace> WorkspaceStore::create(const QString& name, qint64 creatorAccountId)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty() || trimmed.size() > 128)
        return Error::usage(QStringLiteral("A workspace name needs 1 to 128 characters."));
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun().error();
    Result<QSqlQuery> inserted =
        m_database.run(QStringLiteral("INSERT INTO workspaces (name, created_by) VALUES (?, ?)"),
                       {trimmed, creatorAccountId});
    if (!inserted) {
        if (inserted.error().kind == ErrorKind::Conflict)
            return Error::conflict(
                QStringLiteral("A workspace named '%1' already exists.").arg(trimmed));
        return inserted.error();
    }
    const qint64 id = inserted->lastInsertId().toLongLong();
    Result<QSqlQuery> owner = m_database.run(
        QStringLiteral(
            "INSERT INTO memberships (workspace_id, account_id, role) VALUES (?, ?, 'OWNER')"),
        {id, creatorAccountId});
    if (!owner)
        return owner.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    Result<std::optional<Workspace>> created = findById(id);
    if (!created)
        return created.error();
    if (!*created)
        return Error::internal(QStringLiteral("The new workspace '%1' vanished.").arg(trimmed));
    return **created;
}

Result<QList<Workspace>> WorkspaceStore::list()
{
    return select(QStringLiteral("SELECT ") + columns +
                      QStringLiteral(" FROM workspaces w ORDER BY w.name"),
                  {});
}

Result<QList<Workspace>> WorkspaceStore::listForAccount(qint64 accountId)
{
    return select(QStringLiteral("SELECT ") + columns +
                      QStringLiteral(" FROM workspaces w JOIN memberships m ON m.workspace_id = "
                                     "w.id WHERE m.account_id = ? ORDER BY w.name"),
                  {accountId});
}

Result<std::optional<Workspace>> WorkspaceStore::findByName(const QString& name)
{
    Result<QList<Workspace>> found = select(
        QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM workspaces w WHERE w.name = ?"),
        {name.trimmed()});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Workspace>();
    return std::optional<Workspace>(found->constFirst());
}

Result<std::optional<Workspace>> WorkspaceStore::findById(qint64 id)
{
    Result<QList<Workspace>> found = select(QStringLiteral("SELECT ") + columns +
                                                QStringLiteral(" FROM workspaces w WHERE w.id = ?"),
                                            {id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Workspace>();
    return std::optional<Workspace>(found->constFirst());
}

Status WorkspaceStore::remove(qint64 id)
{
    Result<QSqlQuery> removed =
        m_database.run(QStringLiteral("DELETE FROM workspaces WHERE id = ?"), {id});
    return removed ? Status() : Status(removed.error());
}

} // namespace ReleaseDeck
