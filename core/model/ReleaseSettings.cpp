#include "ReleaseSettings.h"

#include <QJsonArray>

namespace ReleaseDeck {

QString ReleaseSettings::expand(const QString& pattern, const QString& version, int cycle)
{
    QString text = pattern;
    text.replace(QLatin1String("{version}"), version);
    text.replace(QLatin1String("{cycle}"), QString::number(cycle));
    return text;
}

QJsonObject ReleaseSettings::toJson() const
{
    QJsonArray off;
    for (const TaskType type : tasksOff)
        off.append(toText(type));
    return {{QStringLiteral("branchPattern"), branchPattern},
            {QStringLiteral("tagPattern"), tagPattern},
            {QStringLiteral("rcTagPattern"), rcTagPattern},
            {QStringLiteral("tasksOff"), off},
            {QStringLiteral("autoMoveToRegression"), autoMoveToRegression},
            {QStringLiteral("autoMoveToPreRelease"), autoMoveToPreRelease}};
}

ReleaseSettings ReleaseSettings::fromJson(const QJsonObject& json)
{
    ReleaseSettings settings;
    const auto text = [&json](const QString& key, QString& target) {
        const QString value = json.value(key).toString();
        if (!value.isEmpty())
            target = value;
    };
    text(QStringLiteral("branchPattern"), settings.branchPattern);
    text(QStringLiteral("tagPattern"), settings.tagPattern);
    text(QStringLiteral("rcTagPattern"), settings.rcTagPattern);
    const QJsonArray off = json.value(QStringLiteral("tasksOff")).toArray();
    for (const QJsonValue& value : off) {
        if (const std::optional<TaskType> type = taskTypeFromText(value.toString()))
            settings.tasksOff.append(*type);
    }
    settings.autoMoveToRegression =
        json.value(QStringLiteral("autoMoveToRegression")).toBool(settings.autoMoveToRegression);
    settings.autoMoveToPreRelease =
        json.value(QStringLiteral("autoMoveToPreRelease")).toBool(settings.autoMoveToPreRelease);
    return settings;
}

} // namespace ReleaseDeck
