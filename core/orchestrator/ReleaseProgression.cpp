#include "ReleaseProgression.h"

#include "ReleasePlanner.h"
#include "TaskCatalog.h"
#include "db/Database.h"
#include "db/DatabaseClock.h"
#include "db/Transaction.h"
#include "store/AnnouncementStore.h"
#include "store/ConnectionStore.h"
#include "store/CycleStore.h"
#include "store/EventStore.h"
#include "store/ReleaseStore.h"
#include "store/SlotStore.h"
#include "store/TaskStore.h"

#include <QCoreApplication>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ReleaseProgression", text);
}

bool isDone(TaskStatus status)
{
    return status == TaskStatus::Completed || status == TaskStatus::Skipped;
}

bool allDone(const QList<Task>& tasks, Stage stage, int cycleNumber = -1)
{
    for (const Task& task : tasks) {
        if (task.stage == stage && (cycleNumber < 0 || task.cycleNumber == cycleNumber) &&
            !isDone(task.status))
            return false;
    }
    return true;
}

Result<ActiveConnections> activeConnections(Database& database, qint64 workspaceId)
{
    ConnectionStore store(database);
    Result<QList<Connection>> active = store.listActive(workspaceId);
    if (!active)
        return active.error();
    ActiveConnections connections;
    for (const Connection& connection : std::as_const(*active))
        connections.insert(connection.category, connection);
    return connections;
}

QJsonObject releaseData(const Release& release)
{
    return {{QStringLiteral("version"), release.version},
            {QStringLiteral("stage"), toText(release.stage)},
            {QStringLiteral("status"), toText(release.status)},
            {QStringLiteral("pauseReason"), toText(release.pauseReason)}};
}

} // namespace

ReleaseProgression::ReleaseProgression(Database& database, const Actor& actor, QString actorName)
    : m_database(database)
    , m_actor(actor)
    , m_actorName(std::move(actorName))
{}

void ReleaseProgression::record(const Release& release, const QString& kind, const QString& message,
                                const QJsonObject& data)
{
    Event event;
    event.releaseId = release.id;
    event.actor = m_actorName;
    event.kind = kind;
    event.message = message;
    QJsonObject merged = releaseData(release);
    for (auto it = data.begin(); it != data.end(); ++it)
        merged.insert(it.key(), it.value());
    event.data = merged;
    m_events.append(event);
    m_changes.append(message);
}

Result<bool> ReleaseProgression::queue(const Release& release, const QString& dedupeKey,
                                       const QString& kind, const QString& body)
{
    Announcement announcement;
    announcement.releaseId = release.id;
    announcement.dedupeKey = QStringLiteral("release-%1-%2").arg(release.id).arg(dedupeKey);
    announcement.kind = kind;
    announcement.body = body;
    return AnnouncementStore(m_database).enqueue(m_actor, announcement);
}

Status ReleaseProgression::announce(const Release& release, const QString& dedupeKey,
                                    const QString& kind, const QString& body)
{
    Result<bool> queued = queue(release, dedupeKey, kind, body);
    if (!queued)
        return queued.error();
    return {};
}

Status ReleaseProgression::flushEvents()
{
    EventStore events(m_database);
    for (const Event& event : std::as_const(m_events)) {
        if (Result<qint64> appended = events.append(m_actor, event); !appended)
            return appended.error();
    }
    m_events.clear();
    return {};
}

Status ReleaseProgression::write(Release& release)
{
    ReleaseStore releases(m_database);
    Result<Release> written = releases.update(m_actor, release);
    if (!written)
        return written.error();
    release = *written;
    return {};
}

Status ReleaseProgression::withLocked(qint64 releaseId,
                                      const std::function<Status(Release&)>& change)
{
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun();
    ReleaseStore releases(m_database);
    Result<Release> release = releases.lock(m_actor.workspaceId, releaseId);
    if (!release)
        return release.error();
    if (Status changed = change(*release); !changed)
        return changed;
    if (Status concluded = conclude(*release); !concluded)
        return concluded;
    return transaction.commit();
}

Status ReleaseProgression::conclude(Release& release)
{
    if (Status settled = settle(release); !settled)
        return settled;
    return flushEvents();
}

Status ReleaseProgression::kickOff(qint64 releaseId)
{
    return withLocked(releaseId, [this](Release& release) -> Status {
        Result<QDateTime> now = DatabaseClock::now(m_database);
        if (!now)
            return now.error();
        if (release.status != ReleaseStatus::Pending || release.kickoffAt > *now)
            return {};
        release.status = ReleaseStatus::InProgress;
        if (Status written = write(release); !written)
            return written;
        record(release, QStringLiteral("release.kicked_off"),
               tr("Kickoff of %1 started.").arg(release.version));
        const QString body =
            tr("*Release %1 kicked off.* Branch `%2` from `%3`.")
                .arg(release.version,
                     ReleaseSettings::expand(release.settings.branchPattern, release.version),
                     release.baseBranch);
        return announce(release, QStringLiteral("kickoff"), QStringLiteral("kickoff"), body);
    });
}

Status ReleaseProgression::startCycle(const RegressionSlot& slot)
{
    return withLocked(slot.releaseId, [this, &slot](Release& release) -> Status {
        if (release.status != ReleaseStatus::InProgress || release.stage != Stage::Regression)
            return {};
        SlotStore slotStore(m_database);
        Result<QList<RegressionSlot>> all = slotStore.list(m_actor.workspaceId, slot.releaseId);
        if (!all)
            return all.error();
        const auto current =
            std::find_if(all->cbegin(), all->cend(),
                         [&slot](const RegressionSlot& s) { return s.id == slot.id; });
        if (current == all->cend() || current->cycleId != 0)
            return {};
        CycleStore cycles(m_database);
        Result<QList<RegressionCycle>> started = cycles.list(m_actor.workspaceId, slot.releaseId);
        if (!started)
            return started.error();
        int number = 1;
        for (const RegressionCycle& cycle : std::as_const(*started)) {
            // The previous cycle runs to its end before the next one starts.
            if (cycle.status == CycleStatus::InProgress)
                return {};
            number = std::max(number, cycle.number + 1);
        }
        Result<ActiveConnections> connections = activeConnections(m_database, m_actor.workspaceId);
        if (!connections)
            return connections.error();
        Result<QDateTime> now = DatabaseClock::now(m_database);
        if (!now)
            return now.error();
        const QString rcTag =
            ReleaseSettings::expand(release.settings.rcTagPattern, release.version, number);
        Result<RegressionCycle> cycle = cycles.start(m_actor, slot.releaseId, rcTag);
        if (!cycle)
            return cycle.error();
        if (Status attached = slotStore.attachCycle(m_actor, slot.id, cycle->id); !attached)
            return attached;
        TaskStore tasks(m_database);
        Result<QList<Task>> planned = tasks.plan(
            m_actor, slot.releaseId,
            ReleasePlanner::cycle(release, *connections, *current, cycle->id, cycle->number, *now));
        if (!planned)
            return planned.error();
        record(release, QStringLiteral("cycle.started"),
               tr("Regression cycle %1 of %2 started (%3).")
                   .arg(cycle->number)
                   .arg(release.version, rcTag),
               {{QStringLiteral("cycle"), cycle->number}, {QStringLiteral("rcTag"), rcTag}});
        return {};
    });
}

Status ReleaseProgression::evaluate(qint64 releaseId)
{
    return withLocked(releaseId, [](Release&) { return Status(); });
}

Status ReleaseProgression::settle(Release& release)
{
    if (release.status == ReleaseStatus::Completed || release.status == ReleaseStatus::Cancelled ||
        release.status == ReleaseStatus::Archived)
        return {};
    if (Status unblocked = unblock(release); !unblocked)
        return unblocked;
    if (release.status != ReleaseStatus::InProgress && release.status != ReleaseStatus::Paused)
        return {};
    // Every failure is announced once, also one that ends while the release is paused.
    bool failed = false;
    if (Status checked = pauseOnFailure(release, &failed); !checked || failed)
        return checked;
    if (release.status != ReleaseStatus::InProgress)
        return {};
    return moveStages(release);
}

Status ReleaseProgression::unblock(const Release& release)
{
    TaskStore store(m_database);
    Result<QList<Task>> tasks = store.listForRelease(m_actor.workspaceId, release.id);
    if (!tasks)
        return tasks.error();
    QList<qint64> ready;
    for (const Task& task : std::as_const(*tasks)) {
        if (task.status != TaskStatus::Pending || task.nextAttemptAt.isValid())
            continue;
        const QList<TaskType> prerequisites = TaskCatalog::traits(task.type).prerequisites;
        const bool satisfied =
            std::all_of(prerequisites.cbegin(), prerequisites.cend(), [&](TaskType prerequisite) {
                return std::all_of(tasks->cbegin(), tasks->cend(), [&](const Task& other) {
                    return other.type != prerequisite || other.cycleNumber != task.cycleNumber ||
                           isDone(other.status);
                });
            });
        if (satisfied)
            ready.append(task.id);
    }
    return store.schedule(m_actor, ready, 0);
}

Status ReleaseProgression::pauseOnFailure(Release& release, bool* failed)
{
    TaskStore store(m_database);
    Result<QList<Task>> tasks = store.listForRelease(m_actor.workspaceId, release.id);
    if (!tasks)
        return tasks.error();
    QList<Task> failures;
    for (const Task& task : std::as_const(*tasks)) {
        if (task.status == TaskStatus::Failed)
            failures.append(task);
    }
    *failed = !failures.isEmpty();
    if (failures.isEmpty())
        return {};
    if (release.status == ReleaseStatus::InProgress) {
        release.status = ReleaseStatus::Paused;
        release.pauseReason = PauseReason::TaskFailure;
        if (Status written = write(release); !written)
            return written;
    }
    for (const Task& task : std::as_const(failures)) {
        const QString body =
            tr("*Release %1: %2 failed.* %3 The release is paused until someone retries or "
               "skips the task.")
                .arg(release.version, TaskCatalog::title(task.type), task.lastError);
        Result<bool> queued =
            queue(release, QStringLiteral("task-failed-%1-%2").arg(task.id).arg(task.attempts),
                  QStringLiteral("task_failed"), body);
        if (!queued)
            return queued.error();
        if (*queued)
            record(release, QStringLiteral("release.paused"),
                   tr("%1 paused: %2 failed.").arg(release.version, toText(task.type)),
                   {{QStringLiteral("taskType"), toText(task.type)},
                    {QStringLiteral("cycle"), task.cycleNumber},
                    {QStringLiteral("error"), task.lastError}});
    }
    return {};
}

Status ReleaseProgression::awaitTrigger(Release& release, const QString& announcementKey,
                                        const QString& body)
{
    release.status = ReleaseStatus::Paused;
    release.pauseReason = PauseReason::AwaitingStageTrigger;
    if (Status written = write(release); !written)
        return written;
    record(release, QStringLiteral("release.awaiting_approval"),
           tr("%1 is waiting for approval by an EDITOR or OWNER.").arg(release.version));
    return announce(release, QStringLiteral("%1-%2").arg(announcementKey).arg(release.rowVersion),
                    QStringLiteral("awaiting_approval"), body);
}

Status ReleaseProgression::enterPreRelease(Release& release)
{
    Result<ActiveConnections> connections = activeConnections(m_database, m_actor.workspaceId);
    if (!connections)
        return connections.error();
    Result<QDateTime> now = DatabaseClock::now(m_database);
    if (!now)
        return now.error();
    TaskStore tasks(m_database);
    Result<QList<Task>> planned =
        tasks.plan(m_actor, release.id, ReleasePlanner::preRelease(release, *connections, *now));
    if (!planned)
        return planned.error();
    release.stage = Stage::PreRelease;
    release.status = ReleaseStatus::InProgress;
    release.pauseReason = PauseReason::None;
    if (Status written = write(release); !written)
        return written;
    record(release, QStringLiteral("release.stage_changed"),
           tr("%1 moved to pre-release.").arg(release.version));
    return unblock(release);
}

Status ReleaseProgression::advanceApproved(Release& release)
{
    if (release.status != ReleaseStatus::Paused ||
        release.pauseReason != PauseReason::AwaitingStageTrigger)
        return Error::conflict(tr("%1 is not waiting for approval.").arg(release.version));
    if (release.stage == Stage::Kickoff) {
        release.stage = Stage::Regression;
        release.status = ReleaseStatus::InProgress;
        release.pauseReason = PauseReason::None;
        if (Status written = write(release); !written)
            return written;
        record(release, QStringLiteral("release.stage_changed"),
               tr("%1 moved to regression.").arg(release.version));
    } else if (Status entered = enterPreRelease(release); !entered) {
        return entered;
    }
    return settle(release);
}

Status ReleaseProgression::moveStages(Release& release)
{
    TaskStore taskStore(m_database);
    for (;;) {
        Result<QList<Task>> tasks = taskStore.listForRelease(m_actor.workspaceId, release.id);
        if (!tasks)
            return tasks.error();
        switch (release.stage) {
        case Stage::Kickoff:
            if (!allDone(*tasks, Stage::Kickoff))
                return {};
            if (!release.settings.autoMoveToRegression)
                return awaitTrigger(
                    release, QStringLiteral("awaiting-regression"),
                    tr("*Release %1: kickoff is done.* Regression starts when an EDITOR or OWNER "
                       "approves it in Release Deck.")
                        .arg(release.version));
            release.stage = Stage::Regression;
            if (Status written = write(release); !written)
                return written;
            record(release, QStringLiteral("release.stage_changed"),
                   tr("%1 moved to regression.").arg(release.version));
            continue;
        case Stage::Regression: {
            CycleStore cycles(m_database);
            Result<QList<RegressionCycle>> all = cycles.list(m_actor.workspaceId, release.id);
            if (!all)
                return all.error();
            for (const RegressionCycle& cycle : std::as_const(*all)) {
                if (cycle.status != CycleStatus::InProgress)
                    continue;
                if (!allDone(*tasks, Stage::Regression, cycle.number))
                    return {};
                if (Status done = cycles.setStatus(m_actor, cycle.id, CycleStatus::Done); !done)
                    return done;
                record(
                    release, QStringLiteral("cycle.done"),
                    tr("Regression cycle %1 of %2 is done.").arg(cycle.number).arg(release.version),
                    {{QStringLiteral("cycle"), cycle.number}});
            }
            SlotStore slotStore(m_database);
            Result<QList<RegressionSlot>> planned = slotStore.list(m_actor.workspaceId, release.id);
            if (!planned)
                return planned.error();
            const bool slotAhead =
                std::any_of(planned->cbegin(), planned->cend(),
                            [](const RegressionSlot& slot) { return slot.cycleId == 0; });
            if (slotAhead)
                return {};
            if (!release.settings.autoMoveToPreRelease)
                return awaitTrigger(release, QStringLiteral("awaiting-pre-release"),
                                    tr("*Release %1 is waiting for approval* to move to "
                                       "pre-release. An EDITOR or OWNER approves it in Release "
                                       "Deck.")
                                        .arg(release.version));
            if (Status entered = enterPreRelease(release); !entered)
                return entered;
            continue;
        }
        case Stage::PreRelease: {
            if (!allDone(*tasks, Stage::PreRelease))
                return {};
            Result<QDateTime> now = DatabaseClock::now(m_database);
            if (!now)
                return now.error();
            release.stage = Stage::Done;
            release.status = ReleaseStatus::Completed;
            release.pauseReason = PauseReason::None;
            release.releasedAt = *now;
            release.releaseTag =
                ReleaseSettings::expand(release.settings.tagPattern, release.version);
            if (Status written = write(release); !written)
                return written;
            record(release, QStringLiteral("release.completed"),
                   tr("%1 is done.").arg(release.version));
            return announce(
                release, QStringLiteral("completed"), QStringLiteral("completed"),
                tr("*Release %1 is done.* Tagged `%2`.").arg(release.version, release.releaseTag));
        }
        case Stage::Done:
            return {};
        }
        return {};
    }
}

} // namespace ReleaseDeck
