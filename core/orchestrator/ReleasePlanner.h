#pragma once

#include "model/Connection.h"
#include "model/RegressionSlot.h"
#include "model/Release.h"
#include "model/Task.h"

#include <QHash>
#include <QList>

namespace ReleaseDeck {

// The active connection of each category of a workspace.
using ActiveConnections = QHash<ConnectionCategory, Connection>;

// Which tasks a stage of a release gets, exactly as in the product's task table. A task
// whose category has no active connection, that the release turns off, or that does not
// apply (a platform the release lacks, a CI purpose with no workflow) is planned SKIPPED
// with the reason in its error field. A task that waits for another gets no next attempt
// (it is made due when those are done); the others are due at dueAt. No I/O.
class ReleasePlanner
{
public:
    static QList<Task> kickoff(const Release& release, const ActiveConnections& connections,
                               const QDateTime& dueAt);
    // Cycle cycleNumber, started by slot.
    static QList<Task> cycle(const Release& release, const ActiveConnections& connections,
                             const RegressionSlot& slot, qint64 cycleId, int cycleNumber,
                             const QDateTime& dueAt);
    static QList<Task> preRelease(const Release& release, const ActiveConnections& connections,
                                  const QDateTime& dueAt);

    // Why a task of this release will not run, or empty when it will.
    static QString skipReason(TaskType type, const Release& release,
                              const ActiveConnections& connections);
    // Whether the CI connection names a workflow/job for purpose (in the field the
    // registry says holds its provider's per-purpose map).
    static bool ciHasPurpose(const Connection& ci, CiPurpose purpose);

private:
    static Task planned(TaskType type, const Release& release, const ActiveConnections& connections,
                        const QDateTime& dueAt);
};

} // namespace ReleaseDeck
