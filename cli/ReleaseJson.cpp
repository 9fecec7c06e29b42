#include "ReleaseJson.h"

#include "orchestrator/WaitReasons.h"

#include <QJsonArray>

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

QString timeText(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))
                          : QStringLiteral("—");
}

QString nextStep(const ReleaseDetail& detail)
{
    return WaitReasons::nextStep(detail.release, detail.tasks, detail.regressionSlots,
                                 detail.cycles, detail.now);
}

} // namespace

QJsonObject ReleaseJson::release(const ReleaseDetail& detail, bool withTasks)
{
    const Release& release = detail.release;
    QJsonArray platforms;
    for (const Platform platform : release.platforms)
        platforms.append(toText(platform));
    QJsonArray cycles;
    for (const RegressionCycle& cycle : detail.cycles)
        cycles.append(QJsonObject{{QStringLiteral("number"), cycle.number},
                                  {QStringLiteral("rcTag"), textOrNull(cycle.rcTag)},
                                  {QStringLiteral("status"), toText(cycle.status)}});
    QJsonObject json{{QStringLiteral("version"), release.version},
                     {QStringLiteral("type"), toText(release.type)},
                     {QStringLiteral("status"), toText(release.status)},
                     {QStringLiteral("pauseReason"), toText(release.pauseReason)},
                     {QStringLiteral("stage"), toText(release.stage)},
                     {QStringLiteral("baseBranch"), release.baseBranch},
                     {QStringLiteral("releaseBranch"), textOrNull(release.releaseBranch)},
                     {QStringLiteral("releaseTag"), textOrNull(release.releaseTag)},
                     {QStringLiteral("kickoffAt"), timeValue(release.kickoffAt)},
                     {QStringLiteral("targetAt"), timeValue(release.targetAt)},
                     {QStringLiteral("releasedAt"), timeValue(release.releasedAt)},
                     {QStringLiteral("platforms"), platforms},
                     {QStringLiteral("nextStep"), textOrNull(nextStep(detail))},
                     {QStringLiteral("cycles"), cycles}};
    if (!withTasks)
        return json;
    QJsonArray tasks;
    for (const Task& task : detail.tasks)
        tasks.append(QJsonObject{{QStringLiteral("type"), toText(task.type)},
                                 {QStringLiteral("stage"), toText(task.stage)},
                                 {QStringLiteral("cycle"), task.cycleNumber},
                                 {QStringLiteral("status"), toText(task.status)},
                                 {QStringLiteral("attempts"), task.attempts},
                                 {QStringLiteral("lastError"), textOrNull(task.lastError)},
                                 {QStringLiteral("externalId"), textOrNull(task.externalId)},
                                 {QStringLiteral("externalUrl"), textOrNull(task.externalUrl)},
                                 {QStringLiteral("waitingFor"),
                                  textOrNull(WaitReasons::forTask(release, task, detail.now))}});
    json.insert(QStringLiteral("tasks"), tasks);
    return json;
}

QString ReleaseJson::summaryLine(const ReleaseDetail& detail)
{
    const Release& release = detail.release;
    QString status = toText(release.status);
    if (release.pauseReason != PauseReason::None)
        status += QLatin1Char('/') + toText(release.pauseReason);
    return QStringLiteral("%1  %2  %3  %4")
        .arg(release.version +
                 (release.type == ReleaseType::Hotfix ? QStringLiteral(" (hotfix)") : QString()),
             toText(release.stage), status, nextStep(detail));
}

QStringList ReleaseJson::text(const ReleaseDetail& detail)
{
    const Release& release = detail.release;
    QStringList lines;
    lines << QStringLiteral("Release %1 (%2)").arg(release.version, toText(release.type))
          << QStringLiteral("  status:   %1%2")
                 .arg(toText(release.status),
                      release.pauseReason == PauseReason::None
                          ? QString()
                          : QStringLiteral(" (%1)").arg(toText(release.pauseReason)))
          << QStringLiteral("  stage:    %1").arg(toText(release.stage))
          << QStringLiteral("  branch:   %1 from %2").arg(release.releaseBranch, release.baseBranch)
          << QStringLiteral("  kickoff:  %1").arg(timeText(release.kickoffAt))
          << QStringLiteral("  target:   %1").arg(timeText(release.targetAt));
    if (release.releasedAt.isValid())
        lines << QStringLiteral("  released: %1 as %2")
                     .arg(timeText(release.releasedAt), release.releaseTag);
    lines << QStringLiteral("  next:     %1").arg(nextStep(detail));
    for (const RegressionCycle& cycle : detail.cycles)
        lines << QStringLiteral("  cycle %1: %2 %3")
                     .arg(cycle.number)
                     .arg(cycle.rcTag, toText(cycle.status));
    lines << QStringLiteral("Tasks:");
    for (const Task& task : detail.tasks) {
        QString line =
            QStringLiteral("  %1%2  %3")
                .arg(toText(task.type),
                     task.cycleNumber > 0 ? QStringLiteral(" (cycle %1)").arg(task.cycleNumber)
                                          : QString(),
                     toText(task.status));
        if (task.attempts > 1)
            line += QStringLiteral("  attempts %1").arg(task.attempts);
        if (!task.externalUrl.isEmpty())
            line += QStringLiteral("  ") + task.externalUrl;
        else if (!task.externalId.isEmpty())
            line += QStringLiteral("  ") + task.externalId;
        const QString waiting = WaitReasons::forTask(release, task, detail.now);
        if (!waiting.isEmpty())
            line += QStringLiteral("  — ") + waiting;
        else if (!task.lastError.isEmpty())
            line += QStringLiteral("  — ") + task.lastError;
        lines << line;
    }
    return lines;
}

} // namespace ReleaseDeck
