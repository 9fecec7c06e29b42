#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/OrchestratorLease.h"

#include <optional>

namespace ReleaseDeck {

class Database;

// The answer to taking a lease: whether holder holds it now, and whether it just took it
// over (then the previous holder's task claims must be dropped).
struct LeaseGrant
{
    bool held = false;
    bool newlyAcquired = false;
};

// The orchestrator lease of a workspace. Expiry is computed by the database clock (machines'
// clocks differ); a conditional write decides the holder. OWNER or EDITOR may hold it.
class LeaseStore
{
public:
    explicit LeaseStore(Database& database);

    // Takes the lease when free or expired, renews it when holder has it; held when holder
    // holds it for the next seconds.
    Result<LeaseGrant> take(const Actor& actor, const QString& holder, int seconds);
    // Gives the lease up, when holder has it.
    Status giveUp(const Actor& actor, const QString& holder);
    Result<std::optional<OrchestratorLease>> current(qint64 workspaceId);

private:
    Database& m_database;
};

} // namespace ReleaseDeck
