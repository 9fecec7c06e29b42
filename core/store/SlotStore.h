#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/RegressionSlot.h"

#include <QList>

namespace ReleaseDeck {

class Database;

// Regression slots of a release: when each cycle starts. OWNER or EDITOR writes.
class SlotStore
{
public:
    explicit SlotStore(Database& database);

    Result<RegressionSlot> add(const Actor& actor, const RegressionSlot& slot);
    // Records the cycle a slot started.
    Status attachCycle(const Actor& actor, qint64 slotId, qint64 cycleId);
    Result<QList<RegressionSlot>> list(qint64 workspaceId, qint64 releaseId);
    // Slots of IN_PROGRESS releases in REGRESSION whose time has come (database clock) and
    // that have no cycle yet.
    Result<QList<RegressionSlot>> due(qint64 workspaceId);

private:
    Result<QList<RegressionSlot>> select(const QString& where, const QVariantList& values);

    Database& m_database;
};

} // namespace ReleaseDeck
