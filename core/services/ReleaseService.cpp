#include "ReleaseService.h"

#include "HotfixPlan.h"
#include "ReleaseRules.h"
#include "db/Database.h"
#include "db/DatabaseClock.h"
#include "db/Transaction.h"
#include "model/GitRefName.h"
#include "orchestrator/ReleasePlanner.h"
#include "orchestrator/ReleaseProgression.h"
#include "orchestrator/TaskCatalog.h"
#include "store/BuildStore.h"
#include "store/ConnectionStore.h"
#include "store/CycleStore.h"
#include "store/Permission.h"
#include "store/ReleaseConfigStore.h"
#include "store/ReleaseStore.h"
#include "store/SlotStore.h"
#include "store/TaskStore.h"

#include <QCoreApplication>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ReleaseService", text);
}

Result<ReleaseConfig> trainNamed(Database& database, qint64 workspaceId, const QString& name)
{
    ReleaseConfigStore store(database);
    Result<std::optional<ReleaseConfig>> train = store.findByName(workspaceId, name);
    if (!train)
        return train.error();
    if (train->has_value())
        return **train;
    Result<QList<ReleaseConfig>> trains = store.list(workspaceId);
    if (!trains)
        return trains.error();
    QStringList names;
    for (const ReleaseConfig& other : std::as_const(*trains))
        names.append(other.name);
    return Error::usage(
        tr("There is no release train named '%1'; the trains are: %2.")
            .arg(name, names.isEmpty() ? tr("none") : names.join(QStringLiteral(", "))));
}

ReleaseSettings settingsOf(const ReleaseConfig& train)
{
    ReleaseSettings settings;
    settings.branchPattern = train.branchPattern;
    settings.tagPattern = train.tagPattern;
    settings.rcTagPattern = train.rcTagPattern;
    settings.autoMoveToRegression = train.autoMoveToRegression;
    settings.autoMoveToPreRelease = train.autoMoveToPreRelease;
    for (const TaskType type : TaskCatalog::optionalTasks()) {
        if (!train.optionalTasksOn.contains(type))
            settings.tasksOff.append(type);
    }
    return settings;
}

} // namespace

ReleaseService::ReleaseService(Database& database, QString actorName)
    : m_database(database)
    , m_actorName(std::move(actorName))
{}

Result<Release> ReleaseService::create(const Actor& actor, const ReleaseDraft& draft)
{
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun().error();
    ReleaseProgression progression(m_database, actor, m_actorName);
    Result<Release> created = createWithin(actor, draft, progression);
    if (!created)
        return created.error();
    if (Status flushed = progression.flushEvents(); !flushed)
        return flushed.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return created;
}

Result<HotfixPlan> ReleaseService::planHotfix(const Actor& actor, const QString& fixedVersion)
{
    if (Result<Role> allowed =
            requirePermission(m_database, actor, Permission::Read, tr("see releases"));
        !allowed)
        return allowed.error();
    return HotfixPlan::of(m_database, actor.workspaceId, fixedVersion);
}

Result<Release> ReleaseService::createWithin(const Actor& actor, const ReleaseDraft& draft,
                                             ReleaseProgression& progression)
{
    if (Result<Role> allowed =
            requirePermission(m_database, actor, Permission::RunReleases, tr("create releases"));
        !allowed)
        return allowed.error();
    const QString versionText = draft.version.trimmed();
    if (const QString problem = ReleaseRules::versionProblem(draft.version); !problem.isEmpty())
        return Error::usage(problem);
    Result<QDateTime> now = DatabaseClock::now(m_database);
    if (!now)
        return now.error();
    ReleaseStore releases(m_database);

    Release release;
    release.workspaceId = actor.workspaceId;
    release.version = versionText;
    QList<SlotDraft> plannedSlots = draft.regressionSlots;
    release.kickoffAt = draft.kickoffAt.isValid() ? draft.kickoffAt.toUTC() : *now;
    if (release.kickoffAt < *now)
        release.kickoffAt = *now;
    release.kickoffReminderAt = draft.kickoffReminderAt.toUTC();
    release.targetAt = draft.targetAt.toUTC();
    release.pilotId = draft.pilotId;
    QJsonObject eventData;

    if (!draft.train.isEmpty()) {
        if (!draft.hotfixOf.isEmpty())
            return Error::usage(tr("A hotfix takes its settings from the release it fixes; "
                                   "leave out the train."));
        Result<ReleaseConfig> train = trainNamed(m_database, actor.workspaceId, draft.train);
        if (!train)
            return train.error();
        release.configId = train->id;
        release.settings = settingsOf(*train);
        release.platforms = train->platforms;
        release.baseBranch = train->baseBranch;
        if (!release.targetAt.isValid() && train->targetSeconds > 0)
            release.targetAt = release.kickoffAt.addSecs(train->targetSeconds);
        if (plannedSlots.isEmpty())
            plannedSlots = ReleaseRules::trainSlots(*train, release.kickoffAt);
        eventData.insert(QStringLiteral("train"), train->name);
    }
    if (!draft.platforms.isEmpty())
        release.platforms = draft.platforms;
    if (release.platforms.isEmpty())
        release.platforms = {Platform::Android, Platform::Ios};
    if (const QString problem = ReleaseRules::platformsProblem(release.platforms);
        !problem.isEmpty())
        return Error::usage(problem);
    if (draft.optionalTasksOn) {
        release.settings.tasksOff.clear();
        for (const TaskType type : TaskCatalog::optionalTasks()) {
            if (!draft.optionalTasksOn->contains(type))
                release.settings.tasksOff.append(type);
        }
    }

    if (!draft.hotfixOf.isEmpty()) {
        Result<HotfixPlan> plan = HotfixPlan::of(m_database, actor.workspaceId, draft.hotfixOf);
        if (!plan)
            return plan.error();
        if (!draft.baseBranch.trimmed().isEmpty())
            return Error::usage(tr("A hotfix starts from %1's tag %2; leave out the base branch.")
                                    .arg(plan->fixed.version, plan->fromRef));
        if (const QString problem = plan->versionProblem(versionText); !problem.isEmpty())
            return Error::usage(problem);
        if (plan->needsConfirmation() && !draft.force)
            return Error::conflict(tr("%1 was released after %2; a hotfix of %2 needs "
                                      "confirmation (--force).")
                                       .arg(plan->newerRelease, plan->fixed.version));
        const Release& base = plan->fixed;
        release.type = ReleaseType::Hotfix;
        release.baseReleaseId = base.id;
        release.configId = base.configId;
        release.settings = base.settings;
        if (draft.platforms.isEmpty())
            release.platforms = base.platforms;
        // The fix starts from what was released, not from the moving base branch.
        release.baseBranch = plan->fromRef;
        // One regression cycle, at kickoff, unless slots were asked for.
        if (plannedSlots.isEmpty())
            plannedSlots.append({release.kickoffAt, true, true});
        eventData.insert(QStringLiteral("hotfixOf"), base.version);
    }

    if (!draft.baseBranch.trimmed().isEmpty())
        release.baseBranch = draft.baseBranch;
    if (release.baseBranch.isEmpty()) {
        ConnectionStore connections(m_database);
        Result<std::optional<Connection>> scm =
            connections.findActive(actor.workspaceId, ConnectionCategory::Scm);
        if (!scm)
            return scm.error();
        release.baseBranch = scm->has_value() ? (*scm)
                                                    ->config.value(QStringLiteral("defaultBranch"))
                                                    .toString(QStringLiteral("main"))
                                              : QStringLiteral("main");
        if (release.baseBranch.isEmpty())
            release.baseBranch = QStringLiteral("main");
    }
    if (const QString problem = ReleaseRules::baseBranchProblem(release.baseBranch);
        !problem.isEmpty())
        return Error::usage(problem);
    release.releaseBranch =
        ReleaseSettings::expand(release.settings.branchPattern, release.version);
    if (const QString problem = GitRefName::problem(release.releaseBranch, tr("release branch"));
        !problem.isEmpty())
        return Error::usage(problem);

    if (const QString problem = ReleaseRules::targetProblem(release.targetAt, release.kickoffAt);
        !problem.isEmpty())
        return Error::usage(problem);
    for (const SlotDraft& slot : std::as_const(plannedSlots)) {
        if (const QString problem =
                ReleaseRules::slotProblem(slot.at, release.kickoffAt, release.targetAt, *now);
            !problem.isEmpty())
            return Error::usage(problem);
    }

    Result<Release> created = releases.create(actor, release);
    if (!created)
        return created.error();
    SlotStore slotStore(m_database);
    for (const SlotDraft& slot : std::as_const(plannedSlots)) {
        RegressionSlot row;
        row.releaseId = created->id;
        row.slotAt = slot.at.toUTC();
        row.runBuild = slot.runBuild;
        row.runAutomation = slot.runAutomation;
        if (Result<RegressionSlot> added = slotStore.add(actor, row); !added)
            return added.error();
    }
    ConnectionStore connectionStore(m_database);
    Result<QList<Connection>> active = connectionStore.listActive(actor.workspaceId);
    if (!active)
        return active.error();
    ActiveConnections connections;
    for (const Connection& connection : std::as_const(*active))
        connections.insert(connection.category, connection);
    TaskStore tasks(m_database);
    if (Result<QList<Task>> planned = tasks.plan(
            actor, created->id, ReleasePlanner::kickoff(*created, connections, created->kickoffAt));
        !planned)
        return planned.error();
    progression.record(*created, QStringLiteral("release.created"),
                       tr("%1 created %2 %3, kickoff at %4.")
                           .arg(m_actorName,
                                created->type == ReleaseType::Hotfix ? tr("hotfix") : tr("release"),
                                created->version, ReleaseRules::timeText(created->kickoffAt)),
                       eventData);
    if (Status settled = progression.settle(*created); !settled)
        return settled.error();
    return *created;
}

Result<QList<Release>> ReleaseService::list(const Actor& actor, bool all)
{
    if (Result<Role> allowed =
            requirePermission(m_database, actor, Permission::Read, tr("see releases"));
        !allowed)
        return allowed.error();
    ReleaseStore releases(m_database);
    Result<QList<Release>> found = releases.list(actor.workspaceId);
    if (!found || all)
        return found;
    QList<Release> active;
    for (const Release& release : std::as_const(*found)) {
        if (release.status != ReleaseStatus::Completed &&
            release.status != ReleaseStatus::Cancelled && release.status != ReleaseStatus::Archived)
            active.append(release);
    }
    return active;
}

Result<Release> ReleaseService::find(const Actor& actor, const QString& version)
{
    if (Result<Role> allowed =
            requirePermission(m_database, actor, Permission::Read, tr("see releases"));
        !allowed)
        return allowed.error();
    ReleaseStore releases(m_database);
    Result<std::optional<Release>> found = releases.findByVersion(actor.workspaceId, version);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(tr("There is no release %1 in this workspace.").arg(version));
    return **found;
}

Result<ReleaseDetail> ReleaseService::detail(const Actor& actor, qint64 releaseId)
{
    if (Result<Role> allowed =
            requirePermission(m_database, actor, Permission::Read, tr("see releases"));
        !allowed)
        return allowed.error();
    ReleaseDetail detail;
    ReleaseStore releases(m_database);
    Result<std::optional<Release>> release = releases.findById(actor.workspaceId, releaseId);
    if (!release)
        return release.error();
    if (!release->has_value())
        return Error::notFound(tr("There is no release %1 in this workspace.").arg(releaseId));
    detail.release = **release;
    Result<QList<Task>> tasks = TaskStore(m_database).listForRelease(actor.workspaceId, releaseId);
    if (!tasks)
        return tasks.error();
    detail.tasks = *tasks;
    Result<QList<RegressionCycle>> cycles =
        CycleStore(m_database).list(actor.workspaceId, releaseId);
    if (!cycles)
        return cycles.error();
    detail.cycles = *cycles;
    Result<QList<RegressionSlot>> regressionSlots =
        SlotStore(m_database).list(actor.workspaceId, releaseId);
    if (!regressionSlots)
        return regressionSlots.error();
    detail.regressionSlots = *regressionSlots;
    Result<QList<Build>> builds =
        BuildStore(m_database).listForRelease(actor.workspaceId, releaseId);
    if (!builds)
        return builds.error();
    detail.builds = *builds;
    Result<QDateTime> now = DatabaseClock::now(m_database);
    if (!now)
        return now.error();
    detail.now = *now;
    return detail;
}

} // namespace ReleaseDeck
