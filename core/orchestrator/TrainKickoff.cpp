#include "TrainKickoff.h"

#include "ReleaseProgression.h"
#include "db/Database.h"
#include "db/DatabaseClock.h"
#include "db/Transaction.h"
#include "model/ReleaseVersion.h"
#include "model/TrainSchedule.h"
#include "services/ReleaseService.h"
#include "store/EventStore.h"
#include "store/ReleaseConfigStore.h"
#include "store/ReleaseStore.h"

#include <QCoreApplication>
#include <QSet>
#include <QTimeZone>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("TrainKickoff", text);
}

// A bump never runs through this many taken versions.
constexpr int MaxSkippedVersions = 100;

QString localTime(const QDateTime& time, const QString& zone)
{
    return time.toTimeZone(QTimeZone(zone.toUtf8()))
               .toString(QStringLiteral("ddd yyyy-MM-dd HH:mm")) +
           QLatin1Char(' ') + zone;
}

Event trainEvent(const ReleaseConfig& train, const QString& actorName, const QString& kind,
                 const QString& message, QJsonObject data = {})
{
    Event event;
    event.actor = actorName;
    event.kind = kind;
    event.message = message;
    data.insert(QStringLiteral("train"), train.name);
    data.insert(QStringLiteral("trainId"), train.id);
    event.data = data;
    return event;
}

} // namespace

TrainKickoff::TrainKickoff(Database& database, const Actor& actor, QString actorName)
    : m_database(database)
    , m_actor(actor)
    , m_actorName(std::move(actorName))
{}

QString TrainKickoff::nextVersion(const ReleaseConfig& train, const QList<Release>& releases,
                                  QStringList* skipped)
{
    std::optional<ReleaseVersion> fromTrain;
    std::optional<ReleaseVersion> fromWorkspace;
    QSet<QString> taken;
    for (const Release& release : releases) {
        taken.insert(release.version);
        const std::optional<ReleaseVersion> version = ReleaseVersion::parse(release.version);
        if (!version)
            continue;
        if (release.configId == train.id && (!fromTrain || *fromTrain < *version))
            fromTrain = version;
        if (release.type == ReleaseType::Planned && (!fromWorkspace || *fromWorkspace < *version))
            fromWorkspace = version;
    }
    ReleaseVersion next =
        fromTrain.value_or(fromWorkspace.value_or(ReleaseVersion{})).bumped(train.versionBump);
    for (int i = 0; i < MaxSkippedVersions && taken.contains(next.toString()); ++i) {
        if (skipped)
            skipped->append(next.toString());
        next = next.bumped(train.versionBump);
    }
    return next.toString();
}

Status TrainKickoff::createDue(const ReleaseConfig& seen)
{
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun();
    Result<QDateTime> now = DatabaseClock::now(m_database);
    if (!now)
        return now.error();
    ReleaseConfig advanced = seen;
    TrainSchedule::advance(advanced, *now);
    ReleaseConfigStore trains(m_database);
    Result<bool> claimed = trains.claimKickoff(m_actor, seen, advanced);
    if (!claimed)
        return claimed.error();
    // Another instance (or an edit) moved the schedule first.
    if (!*claimed)
        return transaction.commit();

    Result<QList<Release>> releases = ReleaseStore(m_database).list(m_actor.workspaceId);
    if (!releases)
        return releases.error();
    QStringList skipped;
    ReleaseDraft draft;
    draft.version = nextVersion(seen, *releases, &skipped);
    draft.train = seen.name;
    draft.kickoffAt = seen.nextKickoffAt;
    draft.kickoffReminderAt = seen.nextReminderAt;
    ReleaseProgression progression(m_database, m_actor, m_actorName);
    Result<Release> created =
        ReleaseService(m_database, m_actorName).createWithin(m_actor, draft, progression);
    if (!created) {
        if (created.error().isTransient())
            return created.error();
        transaction.rollback();
        // Someone created that version a moment ago: the next tick skips it.
        if (created.error().kind == ErrorKind::Conflict)
            return {};
        return pauseBroken(seen, created.error());
    }
    const QString body = tr("*Release %1 kicks off %2* (train %3). Branch `%4` from `%5`.")
                             .arg(created->version, localTime(created->kickoffAt, seen.timeZone),
                                  seen.name, created->releaseBranch, created->baseBranch);
    if (Status announced = progression.announce(*created, QStringLiteral("kickoff-reminder"),
                                                QStringLiteral("kickoff_reminder"), body);
        !announced)
        return announced;
    if (Status flushed = progression.flushEvents(); !flushed)
        return flushed;
    m_changes += progression.changes();
    EventStore events(m_database);
    for (const QString& version : std::as_const(skipped)) {
        const QString message =
            tr("Train %1 skipped version %2: a release %2 exists already.").arg(seen.name, version);
        if (Result<qint64> appended = events.append(
                m_actor, trainEvent(seen, m_actorName, QStringLiteral("train.version_skipped"),
                                    message, {{QStringLiteral("version"), version}}));
            !appended)
            return appended.error();
        m_changes.append(message);
    }
    const QString next = advanced.nextKickoffAt.isValid()
                             ? localTime(advanced.nextKickoffAt, seen.timeZone)
                             : tr("none");
    m_changes.append(
        tr("Train %1 created %2; its next kickoff is %3.").arg(seen.name, created->version, next));
    return transaction.commit();
}

Status TrainKickoff::pauseBroken(const ReleaseConfig& seen, const Error& error)
{
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun();
    ReleaseConfigStore trains(m_database);
    Result<ReleaseConfig> current = trains.lock(m_actor.workspaceId, seen.id);
    if (!current)
        return current.error().kind == ErrorKind::NotFound ? transaction.commit()
                                                           : Status(current.error());
    // Only the kickoff that failed pauses the train; a moved schedule is someone's edit.
    if (current->paused || current->nextReminderAt != seen.nextReminderAt)
        return transaction.commit();
    current->paused = true;
    TrainSchedule::plan(*current, {});
    if (Status written = trains.update(m_actor, *current); !written)
        return written;
    const QString message =
        tr("Train %1 could not create its release and is paused: %2 Fix the train, then resume "
           "it.")
            .arg(seen.name, error.message);
    if (Result<qint64> appended =
            EventStore(m_database)
                .append(m_actor, trainEvent(seen, m_actorName,
                                            QStringLiteral("train.kickoff_failed"), message));
        !appended)
        return appended.error();
    m_changes.append(message);
    return transaction.commit();
}

} // namespace ReleaseDeck
