#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/ReleaseConfig.h"

#include <QList>

#include <optional>

namespace ReleaseDeck {

class Database;

// Release trains (templates) of a workspace and their schedule state. OWNER or EDITOR
// writes; the rules are TrainService's and TrainSchedule's.
class ReleaseConfigStore
{
public:
    explicit ReleaseConfigStore(Database& database);

    Result<ReleaseConfig> create(const Actor& actor, const ReleaseConfig& config);
    // Writes every field, schedule state included.
    Status update(const Actor& actor, const ReleaseConfig& config);
    // Moves the schedule of a due train from seen (as read) to advanced, only while it is
    // still due, not paused and its next reminder is still seen's: false when another
    // instance (or an edit) moved it first. Who gets true creates the kickoff's release.
    Result<bool> claimKickoff(const Actor& actor, const ReleaseConfig& seen,
                              const ReleaseConfig& advanced);
    // Releases made from it keep their settings; their train link becomes NULL.
    Status remove(const Actor& actor, qint64 id);

    Result<std::optional<ReleaseConfig>> findById(qint64 workspaceId, qint64 id);
    Result<std::optional<ReleaseConfig>> findByName(qint64 workspaceId, const QString& name);
    // Reads the train and, on MariaDB, locks its row until the surrounding transaction ends.
    Result<ReleaseConfig> lock(qint64 workspaceId, qint64 id);
    // Trains whose next reminder has come (database clock), oldest first; one indexed query.
    Result<QList<ReleaseConfig>> due(qint64 workspaceId);
    Result<QList<ReleaseConfig>> list(qint64 workspaceId);

private:
    Result<QList<ReleaseConfig>> select(const QString& where, const QVariantList& values);

    Database& m_database;
};

} // namespace ReleaseDeck
