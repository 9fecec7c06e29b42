#include "TrainService.h"

#include "TrainRules.h"
#include "TrainText.h"
#include "db/Database.h"
#include "db/DatabaseClock.h"
#include "db/Transaction.h"
#include "model/ReleaseVersion.h"
#include "model/TrainSchedule.h"
#include "orchestrator/TrainKickoff.h"
#include "store/EventStore.h"
#include "store/Permission.h"
#include "store/ReleaseConfigStore.h"
#include "store/ReleaseStore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QTimeZone>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("TrainService", text);
}

bool isActive(const Release& release)
{
    return release.status != ReleaseStatus::Completed &&
           release.status != ReleaseStatus::Cancelled && release.status != ReleaseStatus::Archived;
}

QString nextKickoffText(const ReleaseConfig& train)
{
    if (!train.nextKickoffAt.isValid())
        return train.paused ? tr("none while paused") : tr("none");
    return train.nextKickoffAt.toTimeZone(QTimeZone(train.timeZone.toUtf8()))
               .toString(QStringLiteral("ddd yyyy-MM-dd HH:mm")) +
           QLatin1Char(' ') + train.timeZone;
}

// The names of the people-set fields that differ, for the audit trail.
QJsonArray changedFields(const ReleaseConfig& a, const ReleaseConfig& b)
{
    const QList<std::pair<const char*, bool>> fields{
        {"name", a.name != b.name},
        {"platforms", a.platforms != b.platforms},
        {"targets", a.targets != b.targets},
        {"baseBranch", a.baseBranch != b.baseBranch},
        {"branchPattern", a.branchPattern != b.branchPattern},
        {"tagPattern", a.tagPattern != b.tagPattern},
        {"rcTagPattern", a.rcTagPattern != b.rcTagPattern},
        {"kickoff", a.kickoffWeekday != b.kickoffWeekday || a.kickoffTime != b.kickoffTime},
        {"timeZone", a.timeZone != b.timeZone},
        {"everyWeeks", a.repeatWeeks != b.repeatWeeks},
        {"reminderBefore", a.reminderSeconds != b.reminderSeconds},
        {"targetAfter", a.targetSeconds != b.targetSeconds},
        {"regressionSlots", a.regressionSlots != b.regressionSlots},
        {"optionalTasks", a.optionalTasksOn != b.optionalTasksOn},
        {"autoRegression", a.autoMoveToRegression != b.autoMoveToRegression},
        {"autoPreRelease", a.autoMoveToPreRelease != b.autoMoveToPreRelease},
        {"bump", a.versionBump != b.versionBump},
    };
    QJsonArray names;
    for (const auto& [name, differs] : fields) {
        if (differs)
            names.append(QString::fromLatin1(name));
    }
    return names;
}

// The people-set fields checked, the targets filled in.
Status checked(ReleaseConfig& train)
{
    train.name = train.name.trimmed();
    train.timeZone = train.timeZone.trimmed();
    if (train.targets.isEmpty())
        train.targets = TrainRules::targetsFor(train.platforms);
    std::sort(train.regressionSlots.begin(), train.regressionSlots.end(),
              [](const RegressionSlotPlan& a, const RegressionSlotPlan& b) {
                  return a.offsetMinutes < b.offsetMinutes;
              });
    const QList<TrainProblem> problems = TrainRules::problems(train);
    if (!problems.isEmpty())
        return Error::usage(problems.constFirst().message);
    return {};
}

TrainSummary summarize(const ReleaseConfig& train, const QList<Release>& releases)
{
    TrainSummary summary;
    summary.train = train;
    summary.nextVersion = TrainKickoff::nextVersion(train, releases);
    std::optional<ReleaseVersion> latest;
    for (const Release& release : releases) {
        if (release.configId != train.id)
            continue;
        // Newest first: the first active one is the newest.
        if (isActive(release) && summary.activeRelease.isEmpty())
            summary.activeRelease = release.version;
        const std::optional<ReleaseVersion> version = ReleaseVersion::parse(release.version);
        if (version && (!latest || *latest < *version)) {
            latest = version;
            summary.latestRelease = release.version;
        }
    }
    return summary;
}

} // namespace

TrainService::TrainService(Database& database, QString actorName)
    : m_database(database)
    , m_actorName(std::move(actorName))
{}

Result<ReleaseConfig> TrainService::create(const Actor& actor, ReleaseConfig draft)
{
    if (Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                                 tr("create release trains"));
        !allowed)
        return allowed.error();
    if (Status fine = checked(draft); !fine)
        return fine.error();
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun().error();
    Result<QDateTime> now = DatabaseClock::now(m_database);
    if (!now)
        return now.error();
    draft.paused = false;
    draft.scheduleAnchor = {};
    draft.lastKickoffAt = {};
    TrainSchedule::plan(draft, *now);
    Result<ReleaseConfig> created = ReleaseConfigStore(m_database).create(actor, draft);
    if (!created)
        return created.error();
    Event event;
    event.actor = m_actorName;
    event.kind = QStringLiteral("train.created");
    event.message = tr("%1 created train %2: kickoff %3 %4, every %5 week(s); next kickoff %6.")
                        .arg(m_actorName, created->name,
                             TrainText::kickoffText(created->kickoffWeekday, created->kickoffTime),
                             created->timeZone)
                        .arg(created->repeatWeeks)
                        .arg(nextKickoffText(*created));
    event.data = {{QStringLiteral("train"), created->name},
                  {QStringLiteral("trainId"), created->id}};
    if (Result<qint64> appended = EventStore(m_database).append(actor, event); !appended)
        return appended.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return created;
}

Result<ReleaseConfig>
TrainService::change(const Actor& actor, qint64 trainId, const QString& action, const QString& kind,
                     const Change& apply,
                     const std::function<QString(const ReleaseConfig&)>& message)
{
    if (Result<Role> allowed =
            requirePermission(m_database, actor, Permission::RunReleases, action);
        !allowed)
        return allowed.error();
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun().error();
    ReleaseConfigStore store(m_database);
    Result<ReleaseConfig> train = store.lock(actor.workspaceId, trainId);
    if (!train)
        return train.error();
    Result<QDateTime> now = DatabaseClock::now(m_database);
    if (!now)
        return now.error();
    const ReleaseConfig before = *train;
    if (Status applied = apply(*train, *now); !applied)
        return applied.error();
    TrainSchedule::plan(*train, *now);
    if (Status written = store.update(actor, *train); !written)
        return written.error();
    Event event;
    event.actor = m_actorName;
    event.kind = kind;
    event.message = message(*train);
    event.data = {{QStringLiteral("train"), train->name}, {QStringLiteral("trainId"), train->id}};
    if (const QJsonArray changed = changedFields(before, *train); !changed.isEmpty())
        event.data.insert(QStringLiteral("changed"), changed);
    if (Result<qint64> appended = EventStore(m_database).append(actor, event); !appended)
        return appended.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    Result<std::optional<ReleaseConfig>> written = store.findById(actor.workspaceId, trainId);
    if (!written)
        return written.error();
    if (!written->has_value())
        return Error::notFound(tr("The release train %1 is gone.").arg(trainId));
    return **written;
}

Result<ReleaseConfig> TrainService::update(const Actor& actor, const ReleaseConfig& edited)
{
    return change(
        actor, edited.id, tr("change release trains"), QStringLiteral("train.updated"),
        [&edited](ReleaseConfig& train, const QDateTime&) -> Status {
            ReleaseConfig next = edited;
            next.id = train.id;
            next.workspaceId = train.workspaceId;
            next.createdBy = train.createdBy;
            next.createdAt = train.createdAt;
            next.paused = train.paused;
            next.scheduleAnchor = train.scheduleAnchor;
            next.lastKickoffAt = train.lastKickoffAt;
            if (Status fine = checked(next); !fine)
                return fine;
            train = next;
            return {};
        },
        [this](const ReleaseConfig& train) {
            return tr("%1 changed train %2; next kickoff %3.")
                .arg(m_actorName, train.name, nextKickoffText(train));
        });
}

Result<ReleaseConfig> TrainService::pause(const Actor& actor, qint64 trainId)
{
    return change(
        actor, trainId, tr("pause release trains"), QStringLiteral("train.paused"),
        [](ReleaseConfig& train, const QDateTime&) -> Status {
            if (train.paused)
                return Error::conflict(tr("Train %1 is paused already.").arg(train.name));
            train.paused = true;
            return {};
        },
        [this](const ReleaseConfig& train) {
            return tr("%1 paused train %2; it creates no release until resumed.")
                .arg(m_actorName, train.name);
        });
}

Result<ReleaseConfig> TrainService::resume(const Actor& actor, qint64 trainId)
{
    return change(
        actor, trainId, tr("resume release trains"), QStringLiteral("train.resumed"),
        [](ReleaseConfig& train, const QDateTime&) -> Status {
            if (!train.paused)
                return Error::conflict(tr("Train %1 is not paused.").arg(train.name));
            train.paused = false;
            return {};
        },
        [this](const ReleaseConfig& train) {
            return tr("%1 resumed train %2; next kickoff %3.")
                .arg(m_actorName, train.name, nextKickoffText(train));
        });
}

Status TrainService::remove(const Actor& actor, qint64 trainId)
{
    if (Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                                 tr("delete release trains"));
        !allowed)
        return allowed.error();
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun();
    ReleaseConfigStore store(m_database);
    Result<ReleaseConfig> train = store.lock(actor.workspaceId, trainId);
    if (!train)
        return train.error();
    Result<QList<Release>> releases = ReleaseStore(m_database).list(actor.workspaceId);
    if (!releases)
        return releases.error();
    for (const Release& release : std::as_const(*releases)) {
        if (release.configId == trainId && isActive(release))
            return Error::conflict(tr("Train %1 has release %2 in progress (%3); finish or cancel "
                                      "it before deleting the train.")
                                       .arg(train->name, release.version, toText(release.status)));
    }
    if (Status removed = store.remove(actor, trainId); !removed)
        return removed;
    Event event;
    event.actor = m_actorName;
    event.kind = QStringLiteral("train.deleted");
    event.message = tr("%1 deleted train %2.").arg(m_actorName, train->name);
    event.data = {{QStringLiteral("train"), train->name}, {QStringLiteral("trainId"), trainId}};
    if (Result<qint64> appended = EventStore(m_database).append(actor, event); !appended)
        return appended.error();
    return transaction.commit();
}

Result<QList<TrainSummary>> TrainService::list(const Actor& actor)
{
    if (Result<Role> allowed =
            requirePermission(m_database, actor, Permission::Read, tr("see release trains"));
        !allowed)
        return allowed.error();
    Result<QList<ReleaseConfig>> trains = ReleaseConfigStore(m_database).list(actor.workspaceId);
    if (!trains)
        return trains.error();
    Result<QList<Release>> releases = ReleaseStore(m_database).list(actor.workspaceId);
    if (!releases)
        return releases.error();
    QList<TrainSummary> summaries;
    for (const ReleaseConfig& train : std::as_const(*trains))
        summaries.append(summarize(train, *releases));
    return summaries;
}

Result<TrainSummary> TrainService::find(const Actor& actor, const QString& name)
{
    if (Result<Role> allowed =
            requirePermission(m_database, actor, Permission::Read, tr("see release trains"));
        !allowed)
        return allowed.error();
    Result<std::optional<ReleaseConfig>> train =
        ReleaseConfigStore(m_database).findByName(actor.workspaceId, name);
    if (!train)
        return train.error();
    if (!train->has_value())
        return Error::notFound(tr("There is no release train named '%1'.").arg(name));
    Result<QList<Release>> releases = ReleaseStore(m_database).list(actor.workspaceId);
    if (!releases)
        return releases.error();
    return summarize(**train, *releases);
}

} // namespace ReleaseDeck
