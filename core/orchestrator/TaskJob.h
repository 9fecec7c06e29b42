#pragma once

#include "ReleasePlanner.h"
#include "model/Announcement.h"
#include "model/Build.h"
#include "model/Release.h"
#include "model/Task.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

#include <functional>

namespace ReleaseDeck {

// Everything a claimed task needs to do its effect, read before it runs.
struct TaskJob
{
    Task task; // claimed: claimToken holds the claim
    Release release;
    QString rcTag;              // cycle tasks: this cycle's RC tag
    QString previousRcTag;      // cycle tasks after the first: the previous cycle's RC tag
    QString previousReleaseTag; // the tag the release's notes start from (empty: none)
    QList<Task> releaseTasks;   // every task of the release (tickets, the forked commit…)
    ActiveConnections connections;
    QHash<qint64, QString> tokens; // by connection id
    int pollBaseSeconds = 10;      // first poll and retry delay; later ones double
};

// What came of running a task once.
struct TaskOutcome
{
    enum class Kind
    {
        Completed,
        Waiting,   // external work goes on (a CI run, a ticket's state): poll again later
        Retry,     // a transient failure: try again later
        Failed,    // a permanent failure, in the provider's words
        Skipped,   // nothing to do, and why
        ClaimLost, // another instance holds the task now: this result is discarded
    };

    Kind kind = Kind::Completed;
    QString note; // what was done, why it waits, or the error
    int waitSeconds = 0;
    QString externalId;
    QString externalUrl;
    QJsonObject externalData;
    QList<Build> builds;
    QList<Announcement> announcements; // dedupeKey relative to the release

    static TaskOutcome of(Kind kind, const QString& note)
    {
        TaskOutcome outcome;
        outcome.kind = kind;
        outcome.note = note;
        return outcome;
    }
    static TaskOutcome completed(const QString& note) { return of(Kind::Completed, note); }
    static TaskOutcome skipped(const QString& note) { return of(Kind::Skipped, note); }
    static TaskOutcome failed(const QString& note) { return of(Kind::Failed, note); }
    static TaskOutcome claimLost() { return of(Kind::ClaimLost, {}); }
};

// Writes a task's external data while its claim still holds, so a resumed task knows what
// was already done (an intent recorded before a dispatch); false when the claim is lost.
using TaskCheckpoint = std::function<bool(const QJsonObject& externalData)>;

} // namespace ReleaseDeck
