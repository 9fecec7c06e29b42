#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/Task.h"

#include <QList>

#include <optional>

namespace ReleaseDeck {

class Database;

// Tasks of a workspace's releases. OWNER or EDITOR writes (the orchestrator acts as one).
// A task is claimed with a conditional UPDATE on the database clock: the affected-row
// count decides who runs it, and a crashed holder's claim expires.
class TaskStore
{
public:
    explicit TaskStore(Database& database);

    // Inserts the tasks of a release in one transaction; all or none.
    Result<QList<Task>> plan(const Actor& actor, qint64 releaseId, const QList<Task>& tasks);
    // Writes a task's progress: status, attempts, next attempt, error, external refs, times.
    Status save(const Actor& actor, const Task& task);
    // True when owner now holds the task for the next seconds.
    Result<bool> claim(const Actor& actor, qint64 taskId, const QString& owner, int seconds);

    Result<std::optional<Task>> findById(qint64 workspaceId, qint64 id);
    Result<QList<Task>> listForRelease(qint64 workspaceId, qint64 releaseId);
    // Pending or awaiting tasks whose next attempt is due and that nobody holds.
    Result<QList<Task>> due(qint64 workspaceId, int limit = 100);

private:
    Result<QList<Task>> select(const QString& where, const QVariantList& values);

    Database& m_database;
};

} // namespace ReleaseDeck
