#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/Event.h"

#include <QList>

namespace ReleaseDeck {

class Database;

// The audit trail and live-update feed. Appending needs OWNER or EDITOR; reading any member.
//
// Ordering: each workspace numbers its events 1, 2, 3… (Event::seq). append() takes the
// next number by updating the workspace's row in event_sequences, which locks that row
// until the transaction around the append commits or rolls back. A second writer in the
// same workspace waits for it, so events commit in seq order, with no gaps, and a
// follower that has seen seq n never later finds a newer event below n. (Auto-increment
// ids are taken at insert, not at commit: on MariaDB two transactions commit them out of
// order, so paging by id skips events.)
//
// The rule for callers: append events at the END of a transaction, after its other
// writes. The sequence row stays locked until commit, so every other writer of the
// workspace's events waits for the rest of the transaction; and a transaction that locks
// other rows after appending can deadlock with one that holds them and wants to append.
// An event about a release is such a case on MariaDB: its foreign key takes a shared lock
// on the release's row after the sequence row, so lock the release first
// (ReleaseStore::lock), as TaskRun, ReleaseActions and AnnouncementRun do.
class EventStore
{
public:
    explicit EventStore(Database& database);

    // Appends to actor's workspace in the caller's transaction (or its own when there is
    // none); returns the event's seq.
    Result<qint64> append(const Actor& actor, const Event& event);
    // Events with a seq above afterSeq, oldest first (the live feed). A follower keeps
    // the highest seq it has seen and passes it back.
    Result<QList<Event>> listSince(qint64 workspaceId, qint64 afterSeq, int limit = 500);
    // The highest seq committed in the workspace (0: none): a follower that starts here
    // and reads what it needs afterwards misses no later event.
    Result<qint64> lastSeq(qint64 workspaceId);
    // Newest first, filtered (the Activity page); filter.beforeSeq pages back.
    Result<QList<Event>> listNewest(qint64 workspaceId, const EventFilter& filter);

private:
    Result<qint64> nextSeq(qint64 workspaceId);
    Result<QList<Event>> select(const QString& sql, const QVariantList& values);

    Database& m_database;
};

} // namespace ReleaseDeck
