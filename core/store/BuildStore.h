#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/Build.h"

#include <QList>

namespace ReleaseDeck {

class Database;

// CI builds of tasks, one per task and platform. OWNER or EDITOR writes.
class BuildStore
{
public:
    explicit BuildStore(Database& database);

    // Inserts the build of (task, platform) or updates the one there; release and cycle
    // are taken from the task.
    Result<Build> record(const Actor& actor, const Build& build);
    Result<QList<Build>> listForRelease(qint64 workspaceId, qint64 releaseId);

private:
    Result<QList<Build>> select(const QString& where, const QVariantList& values);

    Database& m_database;
};

} // namespace ReleaseDeck
