#pragma once

#include "ReleaseDraft.h"
#include "Result.h"
#include "model/Actor.h"
#include "model/Release.h"

#include <functional>

namespace ReleaseDeck {

class Database;
class ReleaseProgression;

// What people decide about a running release: approve the next stage, pause, resume,
// cancel, retry or skip a task, add a regression slot, start kickoff now. Each action
// checks the role (OWNER or EDITOR), is refused when a teammate changed the release since
// the caller read it (seenRowVersion; 0: whatever is current), appends an event, bumps the
// row version and settles the release, all in one transaction. Database only.
class ReleaseActions
{
public:
    ReleaseActions(Database& database, QString actorName);

    Result<Release> approve(const Actor& actor, qint64 releaseId, qint64 seenRowVersion);
    Result<Release> pause(const Actor& actor, qint64 releaseId, qint64 seenRowVersion,
                          const QString& reason);
    Result<Release> resume(const Actor& actor, qint64 releaseId, qint64 seenRowVersion);
    Result<Release> cancel(const Actor& actor, qint64 releaseId, qint64 seenRowVersion);
    // cycle: the regression cycle of a cycle task; -1: the latest that has the task.
    Result<Release> retry(const Actor& actor, qint64 releaseId, qint64 seenRowVersion,
                          TaskType type, int cycle = -1);
    Result<Release> skip(const Actor& actor, qint64 releaseId, qint64 seenRowVersion, TaskType type,
                         int cycle = -1);
    Result<Release> addSlot(const Actor& actor, qint64 releaseId, qint64 seenRowVersion,
                            const SlotDraft& slot);
    Result<Release> startKickoffNow(const Actor& actor, qint64 releaseId, qint64 seenRowVersion);

private:
    using Change = std::function<Status(Release& release, ReleaseProgression& progression,
                                        const QDateTime& now)>;
    Result<Release> act(const Actor& actor, qint64 releaseId, qint64 seenRowVersion,
                        const QString& action, const Change& change);
    Status unpauseAfterTaskFix(Release& release);

    Database& m_database;
    QString m_actorName;
};

} // namespace ReleaseDeck
