#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/Announcement.h"

#include <QList>

#include <optional>

namespace ReleaseDeck {

class Database;

// The chat outbox of a workspace's releases. Enqueued in the transaction of the change it
// announces; posted by the orchestrator under a claim, like a task. OWNER or EDITOR writes.
class AnnouncementStore
{
public:
    explicit AnnouncementStore(Database& database);

    // Queues the message, due now; false when its dedupe key was queued before.
    Result<bool> enqueue(const Actor& actor, const Announcement& announcement);
    // PENDING messages that are due and that nobody holds.
    Result<QList<Announcement>> due(qint64 workspaceId, int limit = 100);
    Result<bool> claim(const Actor& actor, qint64 id, const QString& holder, const QString& token,
                       int seconds);
    // Records that a post is about to be attempted (first time only), under the claim.
    Result<bool> markAttempt(const Actor& actor, const Announcement& announcement);
    // Writes the outcome and gives the claim up, only while the claim holds.
    Result<bool> finishClaimed(const Actor& actor, const Announcement& announcement,
                               int nextAttemptInSeconds);
    // Extends holder's live claims of these announcements (the ones it is posting now).
    Status renewClaims(const Actor& actor, const QString& holder, const QList<qint64>& ids,
                       int seconds);
    Status dropClaimsOfOthers(const Actor& actor, const QString& holder);
    Result<std::optional<Announcement>> findById(qint64 workspaceId, qint64 id);
    Result<QList<Announcement>> listForRelease(qint64 workspaceId, qint64 releaseId);

private:
    Result<QList<Announcement>> select(const QString& where, const QVariantList& values);

    Database& m_database;
};

} // namespace ReleaseDeck
