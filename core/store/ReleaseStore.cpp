#include "ReleaseStore.h"

#include "Permission.h"
#include "db/Database.h"
#include "db/SqlTime.h"
#include "db/SqlValue.h"

#include <algorithm>

namespace ReleaseDeck {

namespace {

const QString columns = QStringLiteral(
    "SELECT id, workspace_id, config_id, version, release_type, base_branch, release_branch, "
    "base_release_id, status, pause_reason, stage, kickoff_reminder_at, kickoff_at, target_at, "
    "released_at, release_tag, created_by, pilot_id, row_version, created_at, updated_at, "
    "platforms, settings FROM releases WHERE ");

QString platformsText(const QList<Platform>& platforms)
{
    QStringList names;
    for (const Platform platform : platforms)
        names.append(toText(platform));
    // Never NULL: the column holds an empty list as ''.
    return names.isEmpty() ? QStringLiteral("") : names.join(QLatin1Char(','));
}

QList<Platform> platformsFrom(const QString& text)
{
    QList<Platform> platforms;
    for (const QString& name : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const std::optional<Platform> platform = platformFromText(name))
            platforms.append(*platform);
    }
    return platforms;
}

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
    r.platforms = platformsFrom(q.value(21).toString());
    r.settings = ReleaseSettings::fromJson(SqlValue::jsonFrom(q.value(22)));
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
                       "release_tag, created_by, pilot_id, row_version, platforms, settings) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"),
        {actor.workspaceId, SqlValue::id(release.configId), release.version.trimmed(),
         toText(release.type), release.baseBranch, SqlValue::text(release.releaseBranch),
         SqlValue::id(release.baseReleaseId), toText(release.status), toText(release.pauseReason),
         toText(release.stage), SqlTime::toColumn(release.kickoffReminderAt),
         SqlTime::toColumn(release.kickoffAt), SqlTime::toColumn(release.targetAt),
         SqlTime::toColumn(release.releasedAt), SqlValue::text(release.releaseTag), actor.accountId,
         SqlValue::id(release.pilotId), platformsText(release.platforms),
         SqlValue::json(release.settings.toJson())});
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
        QStringLiteral(
            "UPDATE releases SET config_id = ?, version = ?, release_type = ?, "
            "base_branch = ?, release_branch = ?, base_release_id = ?, status = ?, "
            "pause_reason = ?, stage = ?, kickoff_reminder_at = ?, kickoff_at = ?, "
            "target_at = ?, released_at = ?, release_tag = ?, pilot_id = ?, "
            "platforms = ?, settings = ?, row_version = row_version + 1, updated_at = ") +
            m_database.nowSql() +
            QStringLiteral(" WHERE workspace_id = ? AND id = ? AND row_version = ?"),
        {SqlValue::id(release.configId),
         release.version,
         toText(release.type),
         release.baseBranch,
         SqlValue::text(release.releaseBranch),
         SqlValue::id(release.baseReleaseId),
         toText(release.status),
         toText(release.pauseReason),
         toText(release.stage),
         SqlTime::toColumn(release.kickoffReminderAt),
         SqlTime::toColumn(release.kickoffAt),
         SqlTime::toColumn(release.targetAt),
         SqlTime::toColumn(release.releasedAt),
         SqlValue::text(release.releaseTag),
         SqlValue::id(release.pilotId),
         platformsText(release.platforms),
         SqlValue::json(release.settings.toJson()),
         actor.workspaceId,
         release.id,
         release.rowVersion});
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

Result<std::optional<Release>> ReleaseStore::findByVersion(qint64 workspaceId,
                                                           const QString& version)
{
    Result<QList<Release>> found = select(QStringLiteral("workspace_id = ? AND version = ?"),
                                          {workspaceId, version.trimmed()});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<Release>();
    return std::optional<Release>(found->constFirst());
}

Result<Release> ReleaseStore::lock(qint64 workspaceId, qint64 id)
{
    // SQLite transactions already hold the database's write lock (BEGIN IMMEDIATE).
    Result<QList<Release>> found = select(
        QStringLiteral("workspace_id = ? AND id = ?") +
            (m_database.dialect() == Dialect::MySql ? QStringLiteral(" FOR UPDATE") : QString()),
        {workspaceId, id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::notFound(QStringLiteral("There is no release %1 in this workspace.").arg(id));
    return found->constFirst();
}

Result<QString> ReleaseStore::previousTag(qint64 workspaceId, const Release& release)
{
    // A hotfix's notes run from the release it fixes; others from the last one released.
    Result<QSqlQuery> query =
        release.baseReleaseId != 0
            ? m_database.run(QStringLiteral("SELECT release_tag FROM releases WHERE workspace_id = "
                                            "? AND id = ?"),
                             {workspaceId, release.baseReleaseId})
            : m_database.run(QStringLiteral("SELECT release_tag FROM releases WHERE workspace_id = "
                                            "? AND id <> ? AND status = 'COMPLETED' AND "
                                            "release_tag IS NOT NULL ORDER BY released_at DESC, "
                                            "id DESC LIMIT 1"),
                             {workspaceId, release.id});
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toString() : QString();
}

Result<QList<Release>> ReleaseStore::kickoffsDue(qint64 workspaceId)
{
    return select(QStringLiteral("workspace_id = ? AND status = 'PENDING' AND kickoff_at <= ") +
                      m_database.nowSql() + QStringLiteral(" ORDER BY kickoff_at, id"),
                  {workspaceId});
}

Result<QList<Release>> ReleaseStore::list(qint64 workspaceId)
{
    return select(QStringLiteral("workspace_id = ? ORDER BY id DESC"), {workspaceId});
}

Result<QList<qint64>> ReleaseStore::newestIds(qint64 workspaceId, int limit)
{
    Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT id FROM releases WHERE workspace_id = ? ORDER BY id DESC LIMIT ?"),
        {workspaceId, std::max(1, limit)});
    if (!query)
        return query.error();
    QList<qint64> ids;
    while (query->next())
        ids.append(query->value(0).toLongLong());
    return ids;
}

Result<QList<Release>> ReleaseStore::listByIds(qint64 workspaceId, const QList<qint64>& ids)
{
    QList<Release> found;
    for (qsizetype first = 0; first < ids.size(); first += SqlValue::MaxInList) {
        const QList<qint64> chunk = ids.mid(first, SqlValue::MaxInList);
        QVariantList values{workspaceId};
        for (const qint64 id : chunk)
            values.append(id);
        Result<QList<Release>> part = select(QStringLiteral("workspace_id = ? AND id IN (%1)")
                                                 .arg(SqlValue::placeholders(chunk.size())),
                                             values);
        if (!part)
            return part.error();
        found += *part;
    }
    std::sort(found.begin(), found.end(),
              [](const Release& a, const Release& b) { return a.id > b.id; });
    return found;
}

} // namespace ReleaseDeck
