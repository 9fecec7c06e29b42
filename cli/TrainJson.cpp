#include "TrainJson.h"

#include "services/TrainText.h"
#include "services/WhenText.h"

#include <QJsonArray>
#include <QTimeZone>

namespace ReleaseDeck {

namespace {

QJsonValue timeValue(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QJsonValue textOrNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

// "Mon 2026-01-05 09:00 Europe/Berlin (08:00 UTC)", or why there is none.
QString nextKickoff(const ReleaseConfig& train)
{
    if (train.paused)
        return QStringLiteral("none (paused)");
    if (!train.nextKickoffAt.isValid())
        return QStringLiteral("none");
    return train.nextKickoffAt.toTimeZone(QTimeZone(train.timeZone.toUtf8()))
               .toString(QStringLiteral("ddd yyyy-MM-dd HH:mm")) +
           QLatin1Char(' ') + train.timeZone +
           train.nextKickoffAt.toUTC().toString(QStringLiteral(" (HH:mm 'UTC')"));
}

QString every(int weeks)
{
    return weeks == 1 ? QStringLiteral("every week") : QStringLiteral("every %1 weeks").arg(weeks);
}

QString lower(VersionBump bump)
{
    return toText(bump).toLower();
}

} // namespace

QJsonObject TrainJson::train(const TrainSummary& summary)
{
    const ReleaseConfig& train = summary.train;
    QJsonArray platforms;
    for (const Platform platform : train.platforms)
        platforms.append(toText(platform));
    QJsonArray plans;
    for (const RegressionSlotPlan& slot : train.regressionSlots)
        plans.append(QJsonObject{
            {QStringLiteral("offset"),
             QString(QLatin1Char('+') + WhenText::durationText(qint64(slot.offsetMinutes) * 60))},
            {QStringLiteral("offsetMinutes"), slot.offsetMinutes},
            {QStringLiteral("build"), slot.runBuild},
            {QStringLiteral("automation"), slot.runAutomation}});
    QJsonArray optional;
    for (const TaskType type : train.optionalTasksOn)
        optional.append(toText(type));
    return {{QStringLiteral("id"), train.id},
            {QStringLiteral("name"), train.name},
            {QStringLiteral("platforms"), platforms},
            {QStringLiteral("targets"), QJsonArray::fromStringList(train.targets)},
            {QStringLiteral("baseBranch"), train.baseBranch},
            {QStringLiteral("branchPattern"), train.branchPattern},
            {QStringLiteral("tagPattern"), train.tagPattern},
            {QStringLiteral("rcTagPattern"), train.rcTagPattern},
            {QStringLiteral("kickoff"),
             TrainText::kickoffText(train.kickoffWeekday, train.kickoffTime)},
            {QStringLiteral("timeZone"), train.timeZone},
            {QStringLiteral("everyWeeks"), train.repeatWeeks},
            {QStringLiteral("reminderBefore"), WhenText::durationText(train.reminderSeconds)},
            {QStringLiteral("targetAfter"),
             train.targetSeconds > 0 ? QJsonValue(WhenText::durationText(train.targetSeconds))
                                     : QJsonValue()},
            {QStringLiteral("regressionSlots"), plans},
            {QStringLiteral("optionalTasks"), optional},
            {QStringLiteral("autoRegression"), train.autoMoveToRegression},
            {QStringLiteral("autoPreRelease"), train.autoMoveToPreRelease},
            {QStringLiteral("bump"), lower(train.versionBump)},
            {QStringLiteral("paused"), train.paused},
            {QStringLiteral("nextKickoffAt"), timeValue(train.nextKickoffAt)},
            {QStringLiteral("nextReminderAt"), timeValue(train.nextReminderAt)},
            {QStringLiteral("lastKickoffAt"), timeValue(train.lastKickoffAt)},
            {QStringLiteral("nextVersion"), summary.nextVersion},
            {QStringLiteral("latestRelease"), textOrNull(summary.latestRelease)},
            {QStringLiteral("activeRelease"), textOrNull(summary.activeRelease)}};
}

QString TrainJson::summaryLine(const TrainSummary& summary)
{
    const ReleaseConfig& train = summary.train;
    return QStringLiteral("%1  %2 %3 %4  next: %5 %6")
        .arg(train.name, TrainText::kickoffText(train.kickoffWeekday, train.kickoffTime),
             train.timeZone, every(train.repeatWeeks), summary.nextVersion, nextKickoff(train));
}

QStringList TrainJson::text(const TrainSummary& summary)
{
    const ReleaseConfig& train = summary.train;
    QStringList platforms;
    for (const Platform platform : train.platforms)
        platforms.append(toText(platform));
    QStringList plans;
    for (const RegressionSlotPlan& slot : train.regressionSlots)
        plans.append(TrainText::slotText(slot));
    QStringList optional;
    for (const TaskType type : train.optionalTasksOn)
        optional.append(toText(type));
    QStringList lines;
    lines << QStringLiteral("Train %1%2")
                 .arg(train.name, train.paused ? QStringLiteral(" (paused)") : QString())
          << QStringLiteral("  platforms:  %1 (targets %2)")
                 .arg(platforms.join(QStringLiteral(", ")),
                      train.targets.join(QStringLiteral(", ")))
          << QStringLiteral("  branches:   %1 from %2; tags %3, RC tags %4")
                 .arg(train.branchPattern, train.baseBranch, train.tagPattern, train.rcTagPattern)
          << QStringLiteral("  kickoff:    %1 %2, %3; reminder %4 before")
                 .arg(TrainText::kickoffText(train.kickoffWeekday, train.kickoffTime),
                      train.timeZone, every(train.repeatWeeks),
                      WhenText::durationText(train.reminderSeconds))
          << QStringLiteral("  next:       %1 at %2").arg(summary.nextVersion, nextKickoff(train))
          << QStringLiteral("  slots:      %1")
                 .arg(plans.isEmpty() ? QStringLiteral("none") : plans.join(QStringLiteral(" ")))
          << QStringLiteral("  target:     %1")
                 .arg(train.targetSeconds > 0
                          ? QString(QLatin1Char('+') + WhenText::durationText(train.targetSeconds))
                          : QStringLiteral("none"))
          << QStringLiteral("  optional:   %1")
                 .arg(optional.isEmpty() ? QStringLiteral("none")
                                         : optional.join(QStringLiteral(", ")))
          << QStringLiteral("  moves:      to regression %1, to pre-release %2; bump %3")
                 .arg(train.autoMoveToRegression ? QStringLiteral("automatic")
                                                 : QStringLiteral("on approval"),
                      train.autoMoveToPreRelease ? QStringLiteral("automatic")
                                                 : QStringLiteral("on approval"),
                      lower(train.versionBump));
    if (!summary.latestRelease.isEmpty() || !summary.activeRelease.isEmpty())
        lines << QStringLiteral("  releases:   latest %1, in progress %2")
                     .arg(summary.latestRelease.isEmpty() ? QStringLiteral("none")
                                                          : summary.latestRelease,
                          summary.activeRelease.isEmpty() ? QStringLiteral("none")
                                                          : summary.activeRelease);
    return lines;
}

} // namespace ReleaseDeck
