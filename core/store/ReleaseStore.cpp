#include "ReleaseStore.h"

#include "Permission.h"
#include "db/Database.h"
#include "db/SqlTime.h"
#include "db/SqlValue.h"

#include <QHash>

namespace ReleaseDeck {

namespace {

const QString columns = QStringLiteral(
    "SELECT id, workspace_id, config_id, version, release_type, base_branch, release_branch, "
    "base_release_id, status, pause_reason, stage, kickoff_reminder_at, kickoff_at, target_at, "
    "released_at, release_tag, created_by, pilot_id, row_version, created_at, updated_at "
    "FROM releases WHERE ");

Release fromRow(const QSqlQuery& q)
{
    Release r;
    r.id = q.value(0).toLongLong();
    r.workspaceId = q.value(1).toLongLong();
    r.configId = q.value(2).toLongLong();
    r.version = q.value(3).toString();
    r.type = releaseTypeFromText(q.value(4).toString()).value_or(ReleaseType::Planned);
    r.baseBranch = q.value(5).toString();
    r.releaseBranch = q.value(6).toString();
    r.baseReleaseId = q.value(7).toLongLong();
    r.status = releaseStatusFromText(q.value(8).toString()).value_or(ReleaseStatus::Pending);
    r.pauseReason = pauseReasonFromText(q.value(9).toString()).value_or(PauseReason::None);
    r.stage = stageFromText(q.value(10).toString()).value_or(Stage::Kickoff);
    r.kickoffReminderAt = SqlTime::fromColumn(q.value(11));
    r.kickoffAt = SqlTime::fromColumn(q.value(12));
    r.targetAt = SqlTime::fromColumn(q.value(13));
    r.releasedAt = SqlTime::fromColumn(q.value(14));
    r.releaseTag = q.value(15).toString();
    r.createdBy = q.value(16).toLongLong();
    r.pilotId = q.value(17).toLongLong();
    r.rowVersion = q.value(18).toLongLong();
    r.createdAt = SqlTime::fromColumn(q.value(19));
    r.updatedAt = SqlTime::fromColumn(q.value(20));
    return r;
}

} // namespace

ReleaseStore::ReleaseStore(Database& database)
    : m_database(database)
{}

Result<QList<Release>> ReleaseStore::select(const QString& where, const QVariantList& values)
{
    Result<QSqlQuery> query = m_database.run(columns + where, values);
    if (!query)
        return query.error();
    QList<Release> releases;
    while (query->next())
        releases.append(fromRow(*query));
    return releases;
}

Result<Release> ReleaseStore::create(const Actor& actor, Release release)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("create releases"));
    if (!allowed)
        return allowed.error();
    if (release.version.trimmed().isEmpty())
        return Error::usage(QStringLiteral("A release needs a version."));
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO releases (workspace_id, config_id, version, release_type, "
                       "base_branch, release_branch, base_release_id, status, pause_reason, "
                       "stage, kickoff_reminder_at, kickoff_at, target_at, released_at, "
                       "release_tag, created_by, pilot_id, row_version) VALUES (?, ?, ?, ?, ?, ?, "
                       "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"),
        {actor.workspaceId, SqlValue::id(release.configId), release.version.trimmed(),
         toText(release.type), release.baseBranch, SqlValue::text(release.releaseBranch),
         SqlValue::id(release.baseReleaseId), toText(release.status), toText(release.pauseReason),
         toText(release.stage), SqlTime::toColumn(release.kickoffReminderAt),
         SqlTime::toColumn(release.kickoffAt), SqlTime::toColumn(release.targetAt),
         SqlTime::toColumn(release.releasedAt), SqlValue::text(release.releaseTag), actor.accountId,
         SqlValue::id(release.pilotId)});
    if (!inserted) {
        if (inserted.error().kind == ErrorKind::Conflict)
            return Error::conflict(QStringLiteral("This workspace already has a release %1.")
                                       .arg(release.version.trimmed()));
        return inserted.error();
    }
    Result<std::optional<Release>> created =
        findById(actor.workspaceId, inserted->lastInsertId().toLongLong());
    if (!created)
        return created.error();
    if (!*created)
        return Error::internal(QStringLiteral("The new release vanished."));
    return **created;
}

Result<Release> ReleaseStore::update(const Actor& actor, const Release& release)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("change releases"));
    if (!allowed)
        return allowed.error();
    Result<QSqlQuery> updated = m_database.run(
        QStringLiteral("UPDATE releases SET config_id = ?, version = ?, release_type = ?, "
                       "base_branch = ?, release_branch = ?, base_release_id = ?, status = ?, "
                       "pause_reason = ?, stage = ?, kickoff_reminder_at = ?, kickoff_at = ?, "
                       "target_at = ?, released_at = ?, release_tag = ?, pilot_id = ?, "
                       "row_version = row_version + 1, updated_at = ") +
            m_database.nowSql() +
            QStringLiteral(" WHERE workspace_id = ? AND id = ? AND row_version = ?"),
        {SqlValue::id(release.configId), release.version, toText(release.type), release.baseBranch,
         SqlValue::text(release.releaseBranch), SqlValue::id(release.baseReleaseId),
         toText(release.status), toText(release.pauseReason), toText(release.stage),
         SqlTime::toColumn(release.kickoffReminderAt), SqlTime::toColumn(release.kickoffAt),
         SqlTime::toColumn(release.targetAt), SqlTime::toColumn(release.releasedAt),
         SqlValue::text(release.releaseTag), SqlValue::id(release.pilotId), actor.workspaceId,
         release.id, release.rowVersion});
    if (!updated)
        return updated.error();
    const bool written = updated->numRowsAffected() == 1;
    Result<std::optional<Release>> current = findById(actor.workspaceId, release.id);
    if (!current)
        return current.error();
    if (!*current)
        return Error::notFound(
            QStringLiteral("There is no release %1 in this workspace.").arg(release.id));
    if (!written)
        return Error::conflict(QStringLiteral("Release %1 was changed by someone else; reload it "
                                              "and try again.")
                                   .arg((*current)->version));
    return **current;
}

Result<std::optional<Release>> ReleaseStore::findById(qint64 workspaceId, qint64 id)
{
    Result<QList<Release>> found =
        select(QStringLiteral("workspace_id = ? AND id = ?"), {workspaceId, id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Release>();
    return std::optional<Release>(found->constFirst());
}

Result<QList<Release>> ReleaseStore::list(qint64 workspaceId)
{
    return select(QStringLiteral("workspace_id = ? ORDER BY id DESC"), {workspaceId});
}

Result<QList<ReleaseSummary>> ReleaseStore::dashboard(qint64 workspaceId)
{
    Result<QList<Release>> releases = list(workspaceId);
    if (!releases)
        return releases.error();
    Result<QSqlQuery> counts =
        m_database.run(QStringLiteral("SELECT release_id, stage, status, COUNT(*) FROM tasks WHERE "
                                      "workspace_id = ? GROUP BY release_id, stage, status"),
                       {workspaceId});
    if (!counts)
        return counts.error();
    QHash<qint64, QHash<Stage, QHash<TaskStatus, int>>> byRelease;
    while (counts->next()) {
        const std::optional<Stage> stage = stageFromText(counts->value(1).toString());
        const std::optional<TaskStatus> status = taskStatusFromText(counts->value(2).toString());
        if (stage && status)
            byRelease[counts->value(0).toLongLong()][*stage][*status] = counts->value(3).toInt();
    }
    QList<ReleaseSummary> summaries;
    summaries.reserve(releases->size());
    for (const Release& release : std::as_const(*releases))
        summaries.append({release, byRelease.value(release.id)});
    return summaries;
}

} // namespace ReleaseDeck
