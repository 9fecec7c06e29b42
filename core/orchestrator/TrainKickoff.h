#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/Release.h"
#include "model/ReleaseConfig.h"

#include <QList>
#include <QStringList>

namespace ReleaseDeck {

class Database;

// A release train's scheduled release: at the train's reminder time the orchestrator
// creates the next release (PENDING, kickoff at the train's next kickoff, the train's
// settings copied) and queues the kickoff reminder for chat; the release then kicks off at
// its kickoff time like any other.
//
// Exactly once across instances, without trusting the lease alone: the train's schedule
// moves on by a conditional UPDATE (ReleaseConfigStore::claimKickoff) in the same
// transaction that creates the release, so of two instances that saw the train due, one
// moves it and creates the release and the other finds it moved and does nothing; a
// rollback gives the kickoff back. The unique (workspace, version) and the reminder's
// dedupe key stand behind that. A version that exists already is skipped with an event.
class TrainKickoff
{
public:
    TrainKickoff(Database& database, const Actor& actor, QString actorName);

    // Creates the release of seen's due kickoff, unless another instance did. A release
    // that cannot be created (a broken train) pauses the train with an event instead of
    // failing every tick; database errors come back.
    Status createDue(const ReleaseConfig& seen);

    // One line per change made, for the orchestrator's log.
    const QStringList& changes() const { return m_changes; }

    // The version the train's next release gets: the highest version made from the train
    // (else the workspace's highest planned one, else 0.0.0) bumped by the train's bump,
    // skipping versions the workspace has (listed in skipped).
    static QString nextVersion(const ReleaseConfig& train, const QList<Release>& releases,
                               QStringList* skipped = nullptr);

private:
    Status pauseBroken(const ReleaseConfig& seen, const Error& error);

    Database& m_database;
    Actor m_actor;
    QString m_actorName;
    QStringList m_changes;
};

} // namespace ReleaseDeck
