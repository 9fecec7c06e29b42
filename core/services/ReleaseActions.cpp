#include "ReleaseActions.h"

#include "db/Database.h"
#include "db/DatabaseClock.h"
#include "db/Transaction.h"
#include "orchestrator/ReleaseProgression.h"
#include "store/Permission.h"
#include "store/ReleaseStore.h"
#include "store/SlotStore.h"
#include "store/TaskStore.h"

#include <QCoreApplication>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ReleaseActions", text);
}

constexpr int PastGraceSeconds = 60;

QString state(const Release& release)
{
    QString text = toText(release.status);
    if (release.pauseReason != PauseReason::None)
        text += QLatin1Char('/') + toText(release.pauseReason);
    return text + QStringLiteral(" in ") + toText(release.stage);
}

bool isOver(const Release& release)
{
    return release.status == ReleaseStatus::Completed ||
           release.status == ReleaseStatus::Cancelled || release.status == ReleaseStatus::Archived;
}

Result<Task> findTask(Database& database, const Release& release, TaskType type, int cycle)
{
    TaskStore store(database);
    Result<QList<Task>> tasks = store.listForRelease(release.workspaceId, release.id);
    if (!tasks)
        return tasks.error();
    const Task* found = nullptr;
    for (const Task& task : std::as_const(*tasks)) {
        if (task.type != type)
            continue;
        if (cycle >= 0 ? task.cycleNumber == cycle
                       : (!found || task.cycleNumber > found->cycleNumber))
            found = &task;
    }
    if (!found)
        return Error::notFound(
            cycle > 0
                ? tr("%1 has no %2 task in cycle %3.").arg(release.version, toText(type)).arg(cycle)
                : tr("%1 has no %2 task yet.").arg(release.version, toText(type)));
    return *found;
}

} // namespace

ReleaseActions::ReleaseActions(Database& database, QString actorName)
    : m_database(database)
    , m_actorName(std::move(actorName))
{}

Result<Release> ReleaseActions::act(const Actor& actor, qint64 releaseId, qint64 seenRowVersion,
                                    const QString& action, const Change& change)
{
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun().error();
    if (Result<Role> allowed =
            requirePermission(m_database, actor, Permission::RunReleases, action);
        !allowed)
        return allowed.error();
    ReleaseStore releases(m_database);
    Result<Release> release = releases.lock(actor.workspaceId, releaseId);
    if (!release)
        return release.error();
    if (seenRowVersion != 0 && seenRowVersion != release->rowVersion)
        return Error::conflict(tr("A teammate changed %1 a moment ago (it is now %2); nothing "
                                  "was done. Look at it again and decide.")
                                   .arg(release->version, state(*release)));
    Result<QDateTime> now = DatabaseClock::now(m_database);
    if (!now)
        return now.error();
    ReleaseProgression progression(m_database, actor, m_actorName);
    if (Status changed = change(*release, progression, *now); !changed)
        return changed.error();
    // Every action bumps the row version, so a teammate's stale decision is refused.
    Result<Release> written = releases.update(actor, *release);
    if (!written)
        return written.error();
    *release = *written;
    if (Status concluded = progression.conclude(*release); !concluded)
        return concluded.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return *release;
}

Result<Release> ReleaseActions::approve(const Actor& actor, qint64 releaseId, qint64 seen)
{
    return act(
        actor, releaseId, seen, tr("approve releases"),
        [this](Release& release, ReleaseProgression& progression, const QDateTime&) -> Status {
            if (release.status != ReleaseStatus::Paused ||
                release.pauseReason != PauseReason::AwaitingStageTrigger)
                return Error::usage(tr("%1 is not waiting for approval (it is %2).")
                                        .arg(release.version, state(release)));
            const Stage from = release.stage;
            progression.record(
                release, QStringLiteral("release.approved"),
                tr("%1 approved %2 to leave %3.").arg(m_actorName, release.version, toText(from)));
            return progression.advanceApproved(release);
        });
}

Result<Release> ReleaseActions::pause(const Actor& actor, qint64 releaseId, qint64 seen,
                                      const QString& reason)
{
    return act(
        actor, releaseId, seen, tr("pause releases"),
        [this, reason](Release& release, ReleaseProgression& progression,
                       const QDateTime&) -> Status {
            if (release.status != ReleaseStatus::InProgress &&
                release.status != ReleaseStatus::Pending)
                return Error::usage(
                    tr("%1 cannot be paused: it is %2.").arg(release.version, state(release)));
            release.status = ReleaseStatus::Paused;
            release.pauseReason = PauseReason::UserRequested;
            progression.record(
                release, QStringLiteral("release.paused"),
                reason.trimmed().isEmpty()
                    ? tr("%1 paused %2.").arg(m_actorName, release.version)
                    : tr("%1 paused %2: %3").arg(m_actorName, release.version, reason.trimmed()),
                {{QStringLiteral("reason"), reason.trimmed()}});
            return {};
        });
}

Result<Release> ReleaseActions::resume(const Actor& actor, qint64 releaseId, qint64 seen)
{
    return act(
        actor, releaseId, seen, tr("resume releases"),
        [this](Release& release, ReleaseProgression& progression, const QDateTime&) -> Status {
            if (release.status != ReleaseStatus::Paused)
                return Error::usage(
                    tr("%1 is not paused (it is %2).").arg(release.version, state(release)));
            if (release.pauseReason == PauseReason::AwaitingStageTrigger)
                return Error::usage(
                    tr("%1 waits for approval; approve it to go on.").arg(release.version));
            if (release.pauseReason == PauseReason::TaskFailure)
                return Error::usage(tr("%1 stopped on a failed task; retry or skip that "
                                       "task to go on.")
                                        .arg(release.version));
            TaskStore store(m_database);
            Result<QList<Task>> tasks = store.listForRelease(release.workspaceId, release.id);
            if (!tasks)
                return tasks.error();
            const bool started =
                release.stage != Stage::Kickoff ||
                std::any_of(tasks->cbegin(), tasks->cend(), [](const Task& task) {
                    return task.startedAt.isValid() || task.status == TaskStatus::Completed;
                });
            release.status = started ? ReleaseStatus::InProgress : ReleaseStatus::Pending;
            release.pauseReason = PauseReason::None;
            progression.record(release, QStringLiteral("release.resumed"),
                               tr("%1 resumed %2.").arg(m_actorName, release.version));
            return {};
        });
}

Result<Release> ReleaseActions::cancel(const Actor& actor, qint64 releaseId, qint64 seen)
{
    return act(
        actor, releaseId, seen, tr("cancel releases"),
        [this](Release& release, ReleaseProgression& progression, const QDateTime&) -> Status {
            if (isOver(release))
                return Error::usage(
                    tr("%1 is already over (%2).").arg(release.version, state(release)));
            release.status = ReleaseStatus::Cancelled;
            release.pauseReason = PauseReason::None;
            progression.record(release, QStringLiteral("release.cancelled"),
                               tr("%1 cancelled %2.").arg(m_actorName, release.version));
            return {};
        });
}

Status ReleaseActions::unpauseAfterTaskFix(Release& release)
{
    if (release.status != ReleaseStatus::Paused || release.pauseReason != PauseReason::TaskFailure)
        return {};
    TaskStore store(m_database);
    Result<QList<Task>> tasks = store.listForRelease(release.workspaceId, release.id);
    if (!tasks)
        return tasks.error();
    const bool stillFailed = std::any_of(tasks->cbegin(), tasks->cend(), [](const Task& task) {
        return task.status == TaskStatus::Failed;
    });
    if (!stillFailed) {
        release.status = ReleaseStatus::InProgress;
        release.pauseReason = PauseReason::None;
    }
    return {};
}

Result<Release> ReleaseActions::retry(const Actor& actor, qint64 releaseId, qint64 seen,
                                      TaskType type, int cycle)
{
    return act(actor, releaseId, seen, tr("retry tasks"),
               [&](Release& release, ReleaseProgression& progression, const QDateTime&) -> Status {
                   Result<Task> found = findTask(m_database, release, type, cycle);
                   if (!found)
                       return found.error();
                   Task task = *found;
                   if (task.status != TaskStatus::Failed)
                       return Error::usage(
                           tr("%1 of %2 has not failed (it is %3); only a failed "
                              "task is retried.")
                               .arg(toText(type), release.version, toText(task.status)));
                   task.status = TaskStatus::Pending;
                   task.attempts = 0;
                   task.lastError.clear();
                   task.waitingFor.clear();
                   task.finishedAt = {};
                   // A retried build dispatches anew rather than finding the failed run.
                   task.externalData.remove(QStringLiteral("runs"));
                   task.externalData.remove(QStringLiteral("polls"));
                   TaskStore store(m_database);
                   if (Status saved = store.save(actor, task); !saved)
                       return saved;
                   if (Status scheduled = store.schedule(actor, {task.id}, 0); !scheduled)
                       return scheduled;
                   progression.record(
                       release, QStringLiteral("task.retried"),
                       tr("%1 retried %2 of %3.").arg(m_actorName, toText(type), release.version),
                       {{QStringLiteral("taskType"), toText(type)},
                        {QStringLiteral("cycle"), task.cycleNumber}});
                   return unpauseAfterTaskFix(release);
               });
}

Result<Release> ReleaseActions::skip(const Actor& actor, qint64 releaseId, qint64 seen,
                                     TaskType type, int cycle)
{
    return act(
        actor, releaseId, seen, tr("skip tasks"),
        [&](Release& release, ReleaseProgression& progression, const QDateTime& now) -> Status {
            Result<Task> found = findTask(m_database, release, type, cycle);
            if (!found)
                return found.error();
            Task task = *found;
            if (task.status != TaskStatus::Failed && task.status != TaskStatus::Pending)
                return Error::usage(tr("%1 of %2 is %3; only a failed or pending task is "
                                       "skipped.")
                                        .arg(toText(type), release.version, toText(task.status)));
            task.status = TaskStatus::Skipped;
            task.lastError = tr("skipped by %1").arg(m_actorName);
            task.waitingFor.clear();
            task.nextAttemptAt = {};
            task.finishedAt = now;
            TaskStore store(m_database);
            if (Status saved = store.save(actor, task); !saved)
                return saved;
            progression.record(
                release, QStringLiteral("task.skipped"),
                tr("%1 skipped %2 of %3.").arg(m_actorName, toText(type), release.version),
                {{QStringLiteral("taskType"), toText(type)},
                 {QStringLiteral("cycle"), task.cycleNumber}});
            return unpauseAfterTaskFix(release);
        });
}

Result<Release> ReleaseActions::addSlot(const Actor& actor, qint64 releaseId, qint64 seen,
                                        const SlotDraft& slot)
{
    return act(
        actor, releaseId, seen, tr("add regression slots"),
        [&](Release& release, ReleaseProgression& progression, const QDateTime& now) -> Status {
            const QString at = slot.at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
            if (isOver(release) || release.stage == Stage::PreRelease ||
                release.stage == Stage::Done)
                return Error::usage(tr("%1 is past regression (it is %2); no slot can be "
                                       "added.")
                                        .arg(release.version, state(release)));
            if (!slot.at.isValid() || slot.at < now.addSecs(-PastGraceSeconds))
                return Error::usage(tr("The regression slot at %1 is in the past.").arg(at));
            if (release.targetAt.isValid() && slot.at > release.targetAt)
                return Error::usage(tr("The regression slot at %1 is after the target %2.")
                                        .arg(at, release.targetAt.toString(
                                                     QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
            RegressionSlot row;
            row.releaseId = release.id;
            row.slotAt = slot.at.toUTC();
            row.runBuild = slot.runBuild;
            row.runAutomation = slot.runAutomation;
            SlotStore slotStore(m_database);
            if (Result<RegressionSlot> added = slotStore.add(actor, row); !added)
                return added.error();
            // Waiting for pre-release approval: a slot ahead means regression goes on.
            if (release.stage == Stage::Regression && release.status == ReleaseStatus::Paused &&
                release.pauseReason == PauseReason::AwaitingStageTrigger) {
                release.status = ReleaseStatus::InProgress;
                release.pauseReason = PauseReason::None;
            }
            progression.record(
                release, QStringLiteral("release.slot_added"),
                tr("%1 added a regression slot to %2 at %3.").arg(m_actorName, release.version, at),
                {{QStringLiteral("slotAt"), at}});
            return {};
        });
}

Result<Release> ReleaseActions::startKickoffNow(const Actor& actor, qint64 releaseId, qint64 seen)
{
    Result<Release> moved =
        act(actor, releaseId, seen, tr("start kickoffs"),
            [this, &actor](Release& release, ReleaseProgression& progression,
                           const QDateTime& now) -> Status {
                if (release.status != ReleaseStatus::Pending)
                    return Error::usage(tr("%1 has already kicked off (it is %2).")
                                            .arg(release.version, state(release)));
                release.kickoffAt = now;
                TaskStore store(m_database);
                Result<QList<Task>> tasks = store.listForRelease(release.workspaceId, release.id);
                if (!tasks)
                    return tasks.error();
                QList<qint64> roots;
                for (const Task& task : std::as_const(*tasks)) {
                    if (task.status == TaskStatus::Pending && task.nextAttemptAt.isValid())
                        roots.append(task.id);
                }
                if (Status scheduled = store.schedule(actor, roots, 0); !scheduled)
                    return scheduled;
                progression.record(
                    release, QStringLiteral("release.kickoff_now"),
                    tr("%1 started the kickoff of %2 now.").arg(m_actorName, release.version));
                return {};
            });
    if (!moved)
        return moved;
    ReleaseProgression progression(m_database, actor, m_actorName);
    if (Status started = progression.kickOff(releaseId); !started)
        return started.error();
    ReleaseStore releases(m_database);
    Result<std::optional<Release>> current = releases.findById(actor.workspaceId, releaseId);
    if (!current)
        return current.error();
    return current->value_or(*moved);
}

} // namespace ReleaseDeck
