#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/ReleaseConfig.h"

#include <QList>

#include <functional>

namespace ReleaseDeck {

class Database;

// A train with what the Trains page and `train list` show beside it.
struct TrainSummary
{
    ReleaseConfig train;
    QString latestRelease; // the highest version made from the train; empty: none
    QString activeRelease; // its newest release not completed, cancelled or archived
    QString nextVersion;   // what its next scheduled kickoff creates
};

// Release trains: the rules the CLI and the app share. OWNER or EDITOR changes trains, any
// member reads them. Every field is checked with TrainRules (the first problem is the
// error, nothing saved); every change appends an event, in one transaction with it. The
// schedule is planned by TrainSchedule on the database clock: on create, on every edit,
// pause and resume. Editing a train never changes a release already made from it (each
// release keeps a snapshot of the settings). Synchronous (database only): a worker thread
// or the CLI's main thread, never the GUI thread.
class TrainService
{
public:
    // actorName is what the events say ("ana@laptop").
    TrainService(Database& database, QString actorName);

    // draft's people-set fields; empty targets become the platforms' stores.
    Result<ReleaseConfig> create(const Actor& actor, ReleaseConfig draft);
    // The people-set fields of edited (found by its id); the schedule's anchor, last
    // kickoff and pause stay, the next kickoff is planned anew.
    Result<ReleaseConfig> update(const Actor& actor, const ReleaseConfig& edited);
    Result<QList<TrainSummary>> list(const Actor& actor);
    Result<TrainSummary> find(const Actor& actor, const QString& name);
    // A paused train creates no release and has no next kickoff; resumed, it plans the
    // next one from now (kickoffs missed while paused get none).
    Result<ReleaseConfig> pause(const Actor& actor, qint64 trainId);
    Result<ReleaseConfig> resume(const Actor& actor, qint64 trainId);
    // Refused (Conflict) while a release of the train is not completed, cancelled or
    // archived; releases made from it stay, without their train.
    Status remove(const Actor& actor, qint64 trainId);

private:
    using Change = std::function<Status(ReleaseConfig& train, const QDateTime& now)>;
    // Locks the train, applies change, plans, writes and records kind with message(train).
    Result<ReleaseConfig> change(const Actor& actor, qint64 trainId, const QString& action,
                                 const QString& kind, const Change& apply,
                                 const std::function<QString(const ReleaseConfig&)>& message);

    Database& m_database;
    QString m_actorName;
};

} // namespace ReleaseDeck
