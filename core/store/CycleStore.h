#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/RegressionCycle.h"

#include <QList>

namespace ReleaseDeck {

class Database;

// Regression cycles of a release. Starting one numbers it and makes it the only latest one,
// in one transaction. OWNER or EDITOR writes.
class CycleStore
{
public:
    explicit CycleStore(Database& database);

    Result<RegressionCycle> start(const Actor& actor, qint64 releaseId, const QString& rcTag);
    Status setStatus(const Actor& actor, qint64 cycleId, CycleStatus status);
    Result<QList<RegressionCycle>> list(qint64 workspaceId, qint64 releaseId);

private:
    Database& m_database;
};

} // namespace ReleaseDeck
