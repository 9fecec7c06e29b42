#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/Connection.h"

#include <QList>

#include <optional>

namespace ReleaseDeck {

class Database;

// A workspace's integrations. OWNER adds, edits and removes them; OWNER or EDITOR records
// a verification outcome. At most one active connection per category: the database
// refuses a second one (unique workspace_id + active_category).
class ConnectionStore
{
public:
    explicit ConnectionStore(Database& database);

    // Inserts into actor's workspace; Conflict when the category already has an active one.
    Result<Connection> insert(const Actor& actor, Connection connection);
    // Deactivates the category's active connection and inserts this one, in one transaction.
    Result<Connection> replace(const Actor& actor, Connection connection);
    // Display name, config and secret reference.
    Status updateSettings(const Actor& actor, const Connection& connection);
    Status updateVerification(const Actor& actor, qint64 id, VerificationStatus status,
                              const QDateTime& lastVerifiedAt, const QString& error);
    Status deactivate(const Actor& actor, qint64 id);

    Result<QList<Connection>> listActive(qint64 workspaceId);
    Result<std::optional<Connection>> findById(qint64 workspaceId, qint64 id);
    Result<std::optional<Connection>> findActive(qint64 workspaceId, ConnectionCategory category);

private:
    Result<QList<Connection>> select(const QString& where, const QVariantList& values);
    Result<Connection> insertRow(const Actor& actor, Connection connection);

    Database& m_database;
};

} // namespace ReleaseDeck
