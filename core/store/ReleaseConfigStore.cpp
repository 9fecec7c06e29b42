#include "ReleaseConfigStore.h"

#include "Permission.h"
#include "db/Database.h"
#include "db/SqlTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ReleaseDeck {

namespace {

QString platformsText(const QList<Platform>& platforms)
{
    QStringList names;
    for (const Platform platform : platforms)
        names.append(toText(platform));
    return names.join(QLatin1Char(','));
}

QList<Platform> platformsFrom(const QString& text)
{
    QList<Platform> platforms;
    const QStringList names = text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& name : names) {
        if (const std::optional<Platform> platform = platformFromText(name))
            platforms.append(*platform);
    }
    return platforms;
}

QString slotsJson(const QList<RegressionSlotPlan>& plans)
{
    QJsonArray array;
    for (const RegressionSlotPlan& plan : plans)
        array.append(QJsonObject{{QStringLiteral("offsetMinutes"), plan.offsetMinutes},
                                 {QStringLiteral("runBuild"), plan.runBuild},
                                 {QStringLiteral("runAutomation"), plan.runAutomation}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<RegressionSlotPlan> slotsFrom(const QString& json)
{
    QList<RegressionSlotPlan> plans;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue& value : array) {
        const QJsonObject object = value.toObject();
        plans.append({object.value(QStringLiteral("offsetMinutes")).toInt(),
                      object.value(QStringLiteral("runBuild")).toBool(true),
                      object.value(QStringLiteral("runAutomation")).toBool(true)});
    }
    return plans;
}

QString tasksJson(const QList<TaskType>& types)
{
    QJsonArray array;
    for (const TaskType type : types)
        array.append(toText(type));
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<TaskType> tasksFrom(const QString& json)
{
    QList<TaskType> types;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue& value : array) {
        if (const std::optional<TaskType> type = taskTypeFromText(value.toString()))
            types.append(*type);
    }
    return types;
}

QVariant weekday(int day)
{
    return day >= 1 && day <= 7 ? QVariant(day) : QVariant(QMetaType::fromType<int>());
}

QVariant kickoffTime(const QTime& time)
{
    return time.isValid() ? QVariant(time.toString(QStringLiteral("HH:mm")))
                          : QVariant(QMetaType::fromType<QString>());
}

QVariant seconds(qint64 value)
{
    return value > 0 ? QVariant(value) : QVariant(QMetaType::fromType<qint64>());
}

QVariant dateText(const QDate& date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate))
                          : QVariant(QMetaType::fromType<QString>());
}

const QString columns = QStringLiteral(
    "SELECT id, workspace_id, name, platforms, targets, base_branch, branch_pattern, "
    "tag_pattern, kickoff_weekday, kickoff_time, repeat_weeks, regression_slots, optional_tasks, "
    "auto_regression, auto_pre_release, created_by, created_at, updated_at, rc_tag_pattern, "
    "time_zone, reminder_seconds, target_seconds, version_bump, paused, schedule_anchor, "
    "last_kickoff_at, next_kickoff_at, next_reminder_at FROM release_configs WHERE ");

ReleaseConfig fromRow(const QSqlQuery& q)
{
    ReleaseConfig c;
    c.id = q.value(0).toLongLong();
    c.workspaceId = q.value(1).toLongLong();
    c.name = q.value(2).toString();
    c.platforms = platformsFrom(q.value(3).toString());
    c.targets = q.value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    c.baseBranch = q.value(5).toString();
    c.branchPattern = q.value(6).toString();
    c.tagPattern = q.value(7).toString();
    c.kickoffWeekday = q.value(8).toInt();
    c.kickoffTime = QTime::fromString(q.value(9).toString(), QStringLiteral("HH:mm"));
    c.repeatWeeks = q.value(10).toInt();
    c.regressionSlots = slotsFrom(q.value(11).toString());
    c.optionalTasksOn = tasksFrom(q.value(12).toString());
    c.autoMoveToRegression = q.value(13).toInt() != 0;
    c.autoMoveToPreRelease = q.value(14).toInt() != 0;
    c.createdBy = q.value(15).toLongLong();
    c.createdAt = SqlTime::fromColumn(q.value(16));
    c.updatedAt = SqlTime::fromColumn(q.value(17));
    c.rcTagPattern = q.value(18).toString();
    c.timeZone = q.value(19).toString();
    c.reminderSeconds = q.value(20).toLongLong();
    c.targetSeconds = q.value(21).toLongLong();
    c.versionBump = versionBumpFromText(q.value(22).toString()).value_or(VersionBump::Minor);
    c.paused = q.value(23).toInt() != 0;
    c.scheduleAnchor = QDate::fromString(q.value(24).toString(), Qt::ISODate);
    c.lastKickoffAt = SqlTime::fromColumn(q.value(25));
    c.nextKickoffAt = SqlTime::fromColumn(q.value(26));
    c.nextReminderAt = SqlTime::fromColumn(q.value(27));
    return c;
}

// Every column people or the schedule set, in the order of the INSERT and UPDATE below.
QVariantList values(const ReleaseConfig& config)
{
    return {config.name.trimmed(),
            platformsText(config.platforms),
            config.targets.join(QLatin1Char(',')),
            config.baseBranch,
            config.branchPattern,
            config.tagPattern,
            config.rcTagPattern,
            weekday(config.kickoffWeekday),
            kickoffTime(config.kickoffTime),
            config.timeZone,
            std::max(1, config.repeatWeeks),
            std::max<qint64>(0, config.reminderSeconds),
            seconds(config.targetSeconds),
            slotsJson(config.regressionSlots),
            tasksJson(config.optionalTasksOn),
            config.autoMoveToRegression ? 1 : 0,
            config.autoMoveToPreRelease ? 1 : 0,
            toText(config.versionBump),
            config.paused ? 1 : 0,
            dateText(config.scheduleAnchor),
            SqlTime::toColumn(config.lastKickoffAt),
            SqlTime::toColumn(config.nextKickoffAt),
            SqlTime::toColumn(config.nextReminderAt)};
}

const QString assignments = QStringLiteral(
    "name = ?, platforms = ?, targets = ?, base_branch = ?, branch_pattern = ?, tag_pattern = ?, "
    "rc_tag_pattern = ?, kickoff_weekday = ?, kickoff_time = ?, time_zone = ?, repeat_weeks = ?, "
    "reminder_seconds = ?, target_seconds = ?, regression_slots = ?, optional_tasks = ?, "
    "auto_regression = ?, auto_pre_release = ?, version_bump = ?, paused = ?, "
    "schedule_anchor = ?, last_kickoff_at = ?, next_kickoff_at = ?, next_reminder_at = ?");

} // namespace

ReleaseConfigStore::ReleaseConfigStore(Database& database)
    : m_database(database)
{}

Result<QList<ReleaseConfig>> ReleaseConfigStore::select(const QString& where,
                                                        const QVariantList& values)
{
    Result<QSqlQuery> query = m_database.run(columns + where, values);
    if (!query)
        return query.error();
    QList<ReleaseConfig> configs;
    while (query->next())
        configs.append(fromRow(*query));
    return configs;
}

Result<ReleaseConfig> ReleaseConfigStore::create(const Actor& actor, const ReleaseConfig& config)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("create release trains"));
    if (!allowed)
        return allowed.error();
    if (config.name.trimmed().isEmpty() || config.platforms.isEmpty())
        return Error::usage(QStringLiteral("A release train needs a name and a platform."));
    QVariantList bound = values(config);
    bound.prepend(actor.workspaceId);
    bound.append(actor.accountId);
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO release_configs (workspace_id, name, platforms, targets, "
                       "base_branch, branch_pattern, tag_pattern, rc_tag_pattern, "
                       "kickoff_weekday, kickoff_time, time_zone, repeat_weeks, "
                       "reminder_seconds, target_seconds, regression_slots, optional_tasks, "
                       "auto_regression, auto_pre_release, version_bump, paused, "
                       "schedule_anchor, last_kickoff_at, next_kickoff_at, next_reminder_at, "
                       "created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "?, ?, ?, ?, ?, ?, ?)"),
        bound);
    if (!inserted) {
        if (inserted.error().kind == ErrorKind::Conflict)
            return Error::conflict(QStringLiteral("A release train named '%1' already exists.")
                                       .arg(config.name.trimmed()));
        return inserted.error();
    }
    Result<std::optional<ReleaseConfig>> created =
        findById(actor.workspaceId, inserted->lastInsertId().toLongLong());
    if (!created)
        return created.error();
    if (!*created)
        return Error::internal(QStringLiteral("The new release train vanished."));
    return **created;
}

Status ReleaseConfigStore::update(const Actor& actor, const ReleaseConfig& config)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("change release trains"));
    if (!allowed)
        return allowed.error();
    QVariantList bound = values(config);
    bound.append({actor.workspaceId, config.id});
    Result<QSqlQuery> updated =
        m_database.run(QStringLiteral("UPDATE release_configs SET ") + assignments +
                           QStringLiteral(", updated_at = ") + m_database.nowSql() +
                           QStringLiteral(" WHERE workspace_id = ? AND id = ?"),
                       bound);
    if (!updated) {
        if (updated.error().kind == ErrorKind::Conflict)
            return Error::conflict(QStringLiteral("A release train named '%1' already exists.")
                                       .arg(config.name.trimmed()));
        return updated.error();
    }
    if (updated->numRowsAffected() == 0)
        return Error::notFound(
            QStringLiteral("There is no release train %1 in this workspace.").arg(config.id));
    return {};
}

Result<bool> ReleaseConfigStore::claimKickoff(const Actor& actor, const ReleaseConfig& seen,
                                              const ReleaseConfig& advanced)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("run release trains"));
    if (!allowed)
        return allowed.error();
    Result<QSqlQuery> claimed = m_database.run(
        QStringLiteral("UPDATE release_configs SET schedule_anchor = ?, last_kickoff_at = ?, "
                       "next_kickoff_at = ?, next_reminder_at = ? WHERE workspace_id = ? AND "
                       "id = ? AND paused = 0 AND next_reminder_at = ? AND next_reminder_at <= ") +
            m_database.nowSql(),
        {dateText(advanced.scheduleAnchor), SqlTime::toColumn(advanced.lastKickoffAt),
         SqlTime::toColumn(advanced.nextKickoffAt), SqlTime::toColumn(advanced.nextReminderAt),
         actor.workspaceId, seen.id, SqlTime::toColumn(seen.nextReminderAt)});
    if (!claimed)
        return claimed.error();
    return claimed->numRowsAffected() == 1;
}

Status ReleaseConfigStore::remove(const Actor& actor, qint64 id)
{
    Result<Role> allowed = requirePermission(m_database, actor, Permission::RunReleases,
                                             QStringLiteral("delete release trains"));
    if (!allowed)
        return allowed.error();
    Result<QSqlQuery> removed = m_database.run(
        QStringLiteral("DELETE FROM release_configs WHERE workspace_id = ? AND id = ?"),
        {actor.workspaceId, id});
    if (!removed)
        return removed.error();
    if (removed->numRowsAffected() == 0)
        return Error::notFound(
            QStringLiteral("There is no release train %1 in this workspace.").arg(id));
    return {};
}

Result<std::optional<ReleaseConfig>> ReleaseConfigStore::findById(qint64 workspaceId, qint64 id)
{
    Result<QList<ReleaseConfig>> found =
        select(QStringLiteral("workspace_id = ? AND id = ?"), {workspaceId, id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<ReleaseConfig>();
    return std::optional<ReleaseConfig>(found->constFirst());
}

Result<std::optional<ReleaseConfig>> ReleaseConfigStore::findByName(qint64 workspaceId,
                                                                    const QString& name)
{
    Result<QList<ReleaseConfig>> found =
        select(QStringLiteral("workspace_id = ? AND name = ?"), {workspaceId, name.trimmed()});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<ReleaseConfig>();
    return std::optional<ReleaseConfig>(found->constFirst());
}

Result<ReleaseConfig> ReleaseConfigStore::lock(qint64 workspaceId, qint64 id)
{
    // SQLite transactions already hold the database's write lock (BEGIN IMMEDIATE).
    Result<QList<ReleaseConfig>> found = select(
        QStringLiteral("workspace_id = ? AND id = ?") +
            (m_database.dialect() == Dialect::MySql ? QStringLiteral(" FOR UPDATE") : QString()),
        {workspaceId, id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return Error::notFound(
            QStringLiteral("There is no release train %1 in this workspace.").arg(id));
    return found->constFirst();
}

Result<QList<ReleaseConfig>> ReleaseConfigStore::due(qint64 workspaceId)
{
    // Paused trains have no next reminder, so the index (workspace_id, next_reminder_at)
    // answers this alone.
    return select(QStringLiteral("workspace_id = ? AND next_reminder_at <= ") +
                      m_database.nowSql() + QStringLiteral(" ORDER BY next_reminder_at, id"),
                  {workspaceId});
}

Result<QList<ReleaseConfig>> ReleaseConfigStore::list(qint64 workspaceId)
{
    return select(QStringLiteral("workspace_id = ? ORDER BY name"), {workspaceId});
}

} // namespace ReleaseDeck
