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

} // namespace

ReleaseConfigStore::ReleaseConfigStore(Database& database)
    : m_database(database)
{}

Result<QList<ReleaseConfig>> ReleaseConfigStore::select(const QString& where,
                                                        const QVariantList& values)
{
    Result<QSqlQuery> query = m_database.run(
        QStringLiteral("SELECT id, workspace_id, name, platforms, targets, base_branch, "
                       "branch_pattern, tag_pattern, kickoff_weekday, kickoff_time, repeat_weeks, "
                       "regression_slots, optional_tasks, auto_regression, auto_pre_release, "
                       "created_by, created_at, updated_at FROM release_configs WHERE ") +
            where,
        values);
    if (!query)
        return query.error();
    QList<ReleaseConfig> configs;
    while (query->next()) {
        ReleaseConfig c;
        c.id = query->value(0).toLongLong();
        c.workspaceId = query->value(1).toLongLong();
        c.name = query->value(2).toString();
        c.platforms = platformsFrom(query->value(3).toString());
        c.targets = query->value(4).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        c.baseBranch = query->value(5).toString();
        c.branchPattern = query->value(6).toString();
        c.tagPattern = query->value(7).toString();
        c.kickoffWeekday = query->value(8).toInt();
        c.kickoffTime = QTime::fromString(query->value(9).toString(), QStringLiteral("HH:mm"));
        c.repeatWeeks = query->value(10).toInt();
        c.regressionSlots = slotsFrom(query->value(11).toString());
        c.optionalTasksOn = tasksFrom(query->value(12).toString());
        c.autoMoveToRegression = query->value(13).toInt() != 0;
        c.autoMoveToPreRelease = query->value(14).toInt() != 0;
        c.createdBy = query->value(15).toLongLong();
        c.createdAt = SqlTime::fromColumn(query->value(16));
        c.updatedAt = SqlTime::fromColumn(query->value(17));
        configs.append(c);
    }
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
    Result<QSqlQuery> inserted = m_database.run(
        QStringLiteral("INSERT INTO release_configs (workspace_id, name, platforms, targets, "
                       "base_branch, branch_pattern, tag_pattern, kickoff_weekday, kickoff_time, "
                       "repeat_weeks, regression_slots, optional_tasks, auto_regression, "
                       "auto_pre_release, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "?, ?, ?)"),
        {actor.workspaceId, config.name.trimmed(), platformsText(config.platforms),
         config.targets.join(QLatin1Char(',')), config.baseBranch, config.branchPattern,
         config.tagPattern, weekday(config.kickoffWeekday), kickoffTime(config.kickoffTime),
         std::max(1, config.repeatWeeks), slotsJson(config.regressionSlots),
         tasksJson(config.optionalTasksOn), config.autoMoveToRegression ? 1 : 0,
         config.autoMoveToPreRelease ? 1 : 0, actor.accountId});
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
    Result<QSqlQuery> updated = m_database.run(
        QStringLiteral("UPDATE release_configs SET name = ?, platforms = ?, targets = ?, "
                       "base_branch = ?, branch_pattern = ?, tag_pattern = ?, kickoff_weekday = "
                       "?, kickoff_time = ?, repeat_weeks = ?, regression_slots = ?, "
                       "optional_tasks = ?, auto_regression = ?, auto_pre_release = ?, "
                       "updated_at = ") +
            m_database.nowSql() + QStringLiteral(" WHERE workspace_id = ? AND id = ?"),
        {config.name.trimmed(), platformsText(config.platforms),
         config.targets.join(QLatin1Char(',')), config.baseBranch, config.branchPattern,
         config.tagPattern, weekday(config.kickoffWeekday), kickoffTime(config.kickoffTime),
         std::max(1, config.repeatWeeks), slotsJson(config.regressionSlots),
         tasksJson(config.optionalTasksOn), config.autoMoveToRegression ? 1 : 0,
         config.autoMoveToPreRelease ? 1 : 0, actor.workspaceId, config.id});
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 0)
        return Error::notFound(
            QStringLiteral("There is no release train %1 in this workspace.").arg(config.id));
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

Result<QList<ReleaseConfig>> ReleaseConfigStore::list(qint64 workspaceId)
{
    return select(QStringLiteral("workspace_id = ? ORDER BY name"), {workspaceId});
}

} // namespace ReleaseDeck
