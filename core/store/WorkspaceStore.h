#pragma once

#include "Result.h"
#include "model/Workspace.h"

#include <QList>

#include <optional>

namespace ReleaseDeck {

class Database;

// Workspaces (tenants). Creating one makes its creator OWNER in the same transaction.
class WorkspaceStore
{
public:
    explicit WorkspaceStore(Database& database);

    Result<Workspace> create(const QString& name, qint64 creatorAccountId);
    Result<QList<Workspace>> list();
    Result<QList<Workspace>> listForAccount(qint64 accountId);
    Result<std::optional<Workspace>> findByName(const QString& name);
    Result<std::optional<Workspace>> findById(qint64 id);
    // Deletes the workspace and, by their foreign keys, every row it has. On a shared server
    // only a schema administrator may (its audit trail goes with it).
    Status remove(qint64 id);

private:
    Result<QList<Workspace>> select(const QString& sql, const QVariantList& values);

    Database& m_database;
};

} // namespace ReleaseDeck
