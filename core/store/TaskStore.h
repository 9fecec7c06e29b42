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
// count decides who runs it, the claim carries a fresh token, and a result is written only
// while that token still holds the claim. A crashed holder's claim expires.
// A PENDING task whose next attempt is NULL waits for the tasks it depends on.
class TaskStore
{
public:
    explicit TaskStore(Database& database);

    // Inserts the tasks of a release in one transaction; all or none.
    Result<QList<Task>> plan(const Actor& actor, qint64 releaseId, const QList<Task>& tasks);
    // Writes a task's state without a claim (people's actions: retry, skip).
    Status save(const Actor& actor, const Task& task);
    // Makes these tasks due inSeconds from now (database clock); they wait for nothing.
    Status schedule(const Actor& actor, const QList<qint64>& taskIds, int inSeconds);

    // True when holder now holds the due task under token for the next seconds; a PENDING
    // task becomes IN_PROGRESS.
    Result<bool> claim(const Actor& actor, qint64 taskId, const QString& holder,
                       const QString& token, int seconds);
    // Writes task.externalData while task.claimToken still holds the claim; false when not.
    Result<bool> checkpoint(const Actor& actor, const Task& task);
    // Writes the outcome and gives the claim up, only while task.claimToken holds it; false
    // when it no longer does (the result is then discarded). nextAttemptInSeconds < 0
    // clears the next attempt.
    Result<bool> finishClaimed(const Actor& actor, const Task& task, int nextAttemptInSeconds);
    // Extends holder's live claims of these tasks (the ones it is running now); a claim the
    // holder's name still carries from a crashed process is left to expire.
    Status renewClaims(const Actor& actor, const QString& holder, const QList<qint64>& taskIds,
                       int seconds);
    // Drops every claim not held by holder: called by a new lease holder, since only the
    // lease holder runs tasks and the previous one has lost its lease.
    Status dropClaimsOfOthers(const Actor& actor, const QString& holder);

    Result<std::optional<Task>> findById(qint64 workspaceId, qint64 id);
    Result<QList<Task>> listForRelease(qint64 workspaceId, qint64 releaseId);
    // Tasks of IN_PROGRESS releases whose next attempt is due and that nobody holds.
    Result<QList<Task>> due(qint64 workspaceId, int limit = 100);

private:
    Result<QList<Task>> select(const QString& where, const QVariantList& values);

    Database& m_database;
};

} // namespace ReleaseDeck
