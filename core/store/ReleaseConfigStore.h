#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/ReleaseConfig.h"

#include <QList>

#include <optional>

namespace ReleaseDeck {

class Database;

// Release trains (templates) of a workspace. OWNER or EDITOR writes.
class ReleaseConfigStore
{
public:
    explicit ReleaseConfigStore(Database& database);

    Result<ReleaseConfig> create(const Actor& actor, const ReleaseConfig& config);
    Status update(const Actor& actor, const ReleaseConfig& config);
    Result<std::optional<ReleaseConfig>> findById(qint64 workspaceId, qint64 id);
    Result<QList<ReleaseConfig>> list(qint64 workspaceId);

private:
    Result<QList<ReleaseConfig>> select(const QString& where, const QVariantList& values);

    Database& m_database;
};

} // namespace ReleaseDeck
