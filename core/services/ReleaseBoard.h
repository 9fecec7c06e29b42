#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/Event.h"
#include "model/OrchestratorLease.h"
#include "model/ReleaseSummary.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace ReleaseDeck {

class Database;

// Every release of a workspace as the dashboard shows it, read at one feed position.
struct BoardSnapshot
{
    // The last event seq committed before the rows were read: following the feed from
    // here misses nothing (a change read twice is harmless, one never read is not).
    qint64 feedSeq = 0;
    QList<ReleaseSummary> releases; // newest first
    bool partial = false;           // only the newest ones were asked for, and there may be more
    std::optional<OrchestratorLease> lease;
    QDateTime now; // the database clock when read
};

// What the feed says changed after a position.
struct BoardChanges
{
    qint64 feedSeq = 0;            // the newest event read; the next call starts after it
    bool more = false;             // more events wait beyond feedSeq: ask again at once
    QList<ReleaseSummary> changed; // releases named by the new events, as they are now
    QList<qint64> removed;         // releases named by the new events that are gone
    bool trainsChanged = false;    // a release train was created, changed or deleted
    QList<Event> events;           // the new events themselves, oldest first
    std::optional<OrchestratorLease> lease;
    QDateTime now;
};

// The dashboard's reads: the whole board, then only what the event feed says changed.
// Any member of the workspace may read. Database only (a worker thread, never the GUI's).
class ReleaseBoard
{
public:
    explicit ReleaseBoard(Database& database);

    // Every release, or with newest > 0 only that many of the newest (the first screen,
    // shown while the rest is read).
    Result<BoardSnapshot> read(const Actor& actor, int newest = 0);
    // Events with a seq above afterSeq (at most maxEvents), and the summaries of the
    // releases they name, read after the events.
    Result<BoardChanges> since(const Actor& actor, qint64 afterSeq, int maxEvents = 5000);

private:
    Database& m_database;
};

} // namespace ReleaseDeck
