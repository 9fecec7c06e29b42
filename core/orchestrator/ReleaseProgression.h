#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/Announcement.h"
#include "model/Event.h"
#include "model/RegressionSlot.h"
#include "model/Release.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace ReleaseDeck {

class Database;

// The release state machine: KICKOFF → REGRESSION (one cycle per slot) → PRE_RELEASE → DONE.
// After anything changes a release's tasks it settles the release: tasks whose
// prerequisites are done become due, a failed task pauses the release (TASK_FAILURE) and is
// announced, a finished stage moves the release on (or pauses it AWAITING_STAGE_TRIGGER
// when the move needs approval), and the last stage completes it. Every change is written
// with its events and announcements in the caller's transaction, the release row locked.
// Used by the orchestrator and by the release service alike.
class ReleaseProgression
{
public:
    // actorName is what the events say ("orchestrator@buildhost", "ana@laptop").
    ReleaseProgression(Database& database, const Actor& actor, QString actorName);

    // At kickoff time: a PENDING release starts (IN_PROGRESS) and kickoff is announced.
    Status kickOff(qint64 releaseId);
    // A due slot starts its regression cycle, unless the previous one still runs.
    Status startCycle(const RegressionSlot& slot);
    // Settles the release in its own (or the caller's) transaction.
    Status evaluate(qint64 releaseId);

    // Inside the caller's transaction, release read with ReleaseStore::lock: settles it and
    // writes it when it changed (release then carries the new row version).
    Status settle(Release& release);
    // Moves a release paused AWAITING_STAGE_TRIGGER to its next stage.
    Status advanceApproved(Release& release);
    // Writes an event at the end of the transaction (see EventStore on ordering).
    void record(const Release& release, const QString& kind, const QString& message,
                const QJsonObject& data = {});
    Status announce(const Release& release, const QString& dedupeKey, const QString& kind,
                    const QString& body);
    // Appends the recorded events; call last, just before commit.
    Status flushEvents();
    // settle() then flushEvents(): the end of every change to a locked release.
    Status conclude(Release& release);

    // One line per change made, for the orchestrator's log.
    const QStringList& changes() const { return m_changes; }

private:
    // Opens (or joins) a transaction, locks the release, runs change and concludes it.
    Status withLocked(qint64 releaseId, const std::function<Status(Release&)>& change);
    // Queues a chat message; true when it was not queued before.
    Result<bool> queue(const Release& release, const QString& dedupeKey, const QString& kind,
                       const QString& body);
    Status unblock(const Release& release);
    // Announces each failed task once; pauses an IN_PROGRESS release when one failed.
    Status pauseOnFailure(Release& release, bool* failed);
    Status moveStages(Release& release);
    Status enterPreRelease(Release& release);
    Status awaitTrigger(Release& release, const QString& announcementKey, const QString& body);
    Status write(Release& release);

    Database& m_database;
    Actor m_actor;
    QString m_actorName;
    QList<Event> m_events;
    QStringList m_changes;
};

} // namespace ReleaseDeck
