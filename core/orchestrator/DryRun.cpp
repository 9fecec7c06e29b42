#include "DryRun.h"

#include "TrainKickoff.h"
#include "WaitReasons.h"
#include "db/DatabaseClock.h"
#include "store/AnnouncementStore.h"
#include "store/CycleStore.h"
#include "store/LeaseStore.h"
#include "store/ReleaseConfigStore.h"
#include "store/ReleaseStore.h"
#include "store/SlotStore.h"
#include "store/TaskStore.h"

#include <QCoreApplication>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("DryRun", text);
}

} // namespace

Result<QStringList> DryRun::describe(Database& database, qint64 workspaceId,
                                     const QString& workspaceName, const QString& holder,
                                     const QString& missing)
{
    QStringList lines{tr("Workspace %1:").arg(workspaceName)};
    if (!missing.isEmpty()) {
        lines.append(QStringLiteral("  ") + missing);
        return lines;
    }
    Result<QDateTime> now = DatabaseClock::now(database);
    if (!now)
        return now.error();
    LeaseStore leases(database);
    Result<std::optional<OrchestratorLease>> lease = leases.current(workspaceId);
    if (!lease)
        return lease.error();
    if (lease->has_value() && (*lease)->holder != holder && (*lease)->expiresAt > *now) {
        lines.append(tr("  %1 holds the lease until %2; this instance would stand by.")
                         .arg((*lease)->holder, WaitReasons::when((*lease)->expiresAt, *now)));
        return lines;
    }
    lines.append(lease->has_value() && (*lease)->holder == holder ? tr("  would renew its lease")
                                                                  : tr("  would take the lease"));

    ReleaseStore releaseStore(database);
    Result<QList<Release>> releases = releaseStore.list(workspaceId);
    if (!releases)
        return releases.error();
    QHash<qint64, Release> byId;
    for (const Release& release : std::as_const(*releases))
        byId.insert(release.id, release);
    Result<QList<ReleaseConfig>> trains = ReleaseConfigStore(database).due(workspaceId);
    if (!trains)
        return trains.error();
    for (const ReleaseConfig& train : std::as_const(*trains))
        lines.append(tr("  would create %1 of train %2 and post its kickoff reminder (kickoff "
                        "at %3)")
                         .arg(TrainKickoff::nextVersion(train, *releases), train.name,
                              WaitReasons::when(train.nextKickoffAt, *now)));
    Result<QList<Release>> kickoffs = releaseStore.kickoffsDue(workspaceId);
    if (!kickoffs)
        return kickoffs.error();
    for (const Release& release : std::as_const(*kickoffs))
        lines.append(tr("  would kick off %1 (kickoff at %2)")
                         .arg(release.version, WaitReasons::when(release.kickoffAt, *now)));
    SlotStore slotStore(database);
    Result<QList<RegressionSlot>> dueSlots = slotStore.due(workspaceId);
    if (!dueSlots)
        return dueSlots.error();
    for (const RegressionSlot& slot : std::as_const(*dueSlots))
        lines.append(
            tr("  would start the next regression cycle of %1 (slot at %2) unless the "
               "previous cycle still runs")
                .arg(byId.value(slot.releaseId).version, WaitReasons::when(slot.slotAt, *now)));
    TaskStore taskStore(database);
    Result<QList<Task>> due = taskStore.due(workspaceId, 1000);
    if (!due)
        return due.error();
    for (const Task& task : std::as_const(*due)) {
        const QString version = byId.value(task.releaseId).version;
        lines.append(
            task.status == TaskStatus::AwaitingExternal
                ? tr("  would check on %1 %2 (%3)").arg(version, toText(task.type), task.waitingFor)
                : tr("  would run %1 %2").arg(version, toText(task.type)));
    }
    AnnouncementStore announcementStore(database);
    Result<QList<Announcement>> announcements = announcementStore.due(workspaceId, 1000);
    if (!announcements)
        return announcements.error();
    for (const Announcement& announcement : std::as_const(*announcements))
        lines.append(tr("  would post the %1 announcement of %2")
                         .arg(announcement.kind, byId.value(announcement.releaseId).version));

    CycleStore cycleStore(database);
    for (const Release& release : std::as_const(*releases)) {
        if (release.status == ReleaseStatus::Completed ||
            release.status == ReleaseStatus::Cancelled || release.status == ReleaseStatus::Archived)
            continue;
        Result<QList<Task>> tasks = taskStore.listForRelease(workspaceId, release.id);
        Result<QList<RegressionSlot>> releaseSlots = slotStore.list(workspaceId, release.id);
        Result<QList<RegressionCycle>> cycles = cycleStore.list(workspaceId, release.id);
        if (!tasks || !releaseSlots || !cycles)
            return !tasks ? tasks.error() : !releaseSlots ? releaseSlots.error() : cycles.error();
        lines.append(tr("  %1: %2")
                         .arg(release.version, WaitReasons::nextStep(release, *tasks, *releaseSlots,
                                                                     *cycles, *now)));
        for (const Task& task : std::as_const(*tasks)) {
            const QString reason = WaitReasons::forTask(release, task, *now);
            if (!reason.isEmpty())
                lines.append(tr("    %1 waits: %2").arg(toText(task.type), reason));
        }
    }
    return lines;
}

} // namespace ReleaseDeck
