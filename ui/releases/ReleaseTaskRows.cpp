#include "releases/ReleaseTaskRows.h"

#include "orchestrator/WaitReasons.h"
#include "releases/ReleasePageText.h"
#include "releases/ReleaseText.h"

#include <QJsonObject>

#include <algorithm>

namespace ReleaseDeck {

namespace {

using Row = ReleaseTaskModel::Row;

QString toneOf(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Completed:
        return QStringLiteral("success");
    case TaskStatus::Failed:
        return QStringLiteral("error");
    case TaskStatus::InProgress:
    case TaskStatus::AwaitingExternal:
        return QStringLiteral("running");
    case TaskStatus::Pending:
    case TaskStatus::Skipped:
        break;
    }
    return QStringLiteral("muted");
}

QString toneOf(BuildStatus status)
{
    switch (status) {
    case BuildStatus::Succeeded:
        return QStringLiteral("success");
    case BuildStatus::Failed:
        return QStringLiteral("error");
    case BuildStatus::Running:
        return QStringLiteral("running");
    case BuildStatus::Pending:
    case BuildStatus::Cancelled:
        break;
    }
    return QStringLiteral("muted");
}

} // namespace

QString ReleaseTaskRows::time(const QDateTime& at, const QDateTime& now)
{
    return at.isValid() ? ReleaseText::when(at, now) : QString();
}

Row ReleaseTaskRows::section(Stage stage, const QString& title)
{
    Row row;
    row.key = QStringLiteral("stage:%1").arg(toText(stage));
    row.kind = ReleaseTaskModel::SectionRow;
    row.texts = {title};
    return row;
}

Row ReleaseTaskRows::task(const ReleaseDetail& detail, const Task& task)
{
    Row row;
    row.key = QStringLiteral("task:%1:%2").arg(toText(task.type)).arg(task.cycleNumber);
    row.kind = ReleaseTaskModel::TaskRow;
    row.tone = toneOf(task.status);
    const QString waiting = WaitReasons::forTask(detail.release, task, detail.now);
    const QString error = task.status == TaskStatus::Failed || task.status == TaskStatus::Skipped
                              ? task.lastError
                              : QString();
    QString details = error;
    if (details.isEmpty() && !waiting.isEmpty())
        details = tr("Waits: %1").arg(waiting);
    row.texts = {ReleasePageText::taskName(task.type),
                 ReleasePageText::taskStatus(task.status),
                 task.attempts > 0 ? QString::number(task.attempts) : QString(),
                 time(task.startedAt, detail.now),
                 time(task.finishedAt, detail.now),
                 details};
    QVariantList links;
    if (!task.externalUrl.isEmpty())
        links.append(QStringList{ReleasePageText::taskName(task.type), task.externalUrl});
    const QJsonObject tickets = task.externalData.value(QStringLiteral("tickets")).toObject();
    for (auto it = tickets.begin(); it != tickets.end(); ++it) {
        const QString url = it.value().toObject().value(QStringLiteral("url")).toString();
        if (!url.isEmpty() && url != task.externalUrl)
            links.append(QStringList{tr("Ticket (%1)").arg(it.key()), url});
    }
    row.data = {{ReleaseTaskModel::TaskTypeRole, int(task.type)},
                {ReleaseTaskModel::CycleRole, task.cycleNumber},
                {ReleaseTaskModel::TaskStatusRole, int(task.status)},
                {ReleaseTaskModel::LinksRole, links},
                {ReleaseTaskModel::ErrorRole, error},
                {ReleaseTaskModel::WaitingRole, waiting}};
    for (const Build& build : detail.builds) {
        if (build.taskId == task.id)
            row.children.append(ReleaseTaskRows::build(build));
    }
    return row;
}

Row ReleaseTaskRows::build(const Build& build)
{
    Row row;
    row.key = QStringLiteral("build:%1").arg(build.id);
    row.kind = ReleaseTaskModel::BuildRow;
    row.tone = toneOf(build.status);
    const QString platform = ReleasePageText::platform(build.platform);
    QString details;
    if (!build.buildNumber.isEmpty())
        details = tr("Build %1").arg(build.buildNumber);
    else if (!build.ciRunId.isEmpty())
        details = tr("Run %1").arg(build.ciRunId);
    row.texts = {tr("Build for %1").arg(platform),
                 ReleasePageText::buildStatus(build.status),
                 QString(),
                 QString(),
                 QString(),
                 details};
    QVariantList links;
    if (!build.ciRunUrl.isEmpty())
        links.append(QStringList{tr("CI run (%1)").arg(platform), build.ciRunUrl});
    row.data = {{ReleaseTaskModel::LinksRole, links}};
    return row;
}

Row ReleaseTaskRows::cycle(const ReleaseDetail& detail, const RegressionCycle& cycle)
{
    Row row;
    row.key = QStringLiteral("cycle:%1").arg(cycle.number);
    row.kind = ReleaseTaskModel::CycleRow;
    row.tone = cycle.status == CycleStatus::Done         ? QStringLiteral("success")
               : cycle.status == CycleStatus::InProgress ? QStringLiteral("running")
                                                         : QStringLiteral("muted");
    row.texts = {cycle.rcTag.isEmpty() ? tr("RC %1").arg(cycle.number)
                                       : tr("RC %1 — %2").arg(cycle.number).arg(cycle.rcTag),
                 ReleasePageText::cycleStatus(cycle.status)};
    for (const RegressionSlot& slot : detail.regressionSlots) {
        if (slot.cycleId == cycle.id)
            row.texts.append({QString(), time(slot.slotAt, detail.now)});
    }
    for (const Task& task : detail.tasks) {
        if (task.cycleId == cycle.id || (task.cycleId == 0 && task.cycleNumber == cycle.number))
            row.children.append(ReleaseTaskRows::task(detail, task));
    }
    return row;
}

QList<Row> ReleaseTaskRows::of(const ReleaseDetail& detail)
{
    Row kickoff = section(Stage::Kickoff, tr("Kickoff"));
    Row regression = section(Stage::Regression, tr("Regression cycles"));
    Row preRelease = section(Stage::PreRelease, tr("Pre-release"));
    for (const Task& task : detail.tasks) {
        if (task.stage == Stage::Kickoff)
            kickoff.children.append(ReleaseTaskRows::task(detail, task));
        else if (task.stage == Stage::PreRelease)
            preRelease.children.append(ReleaseTaskRows::task(detail, task));
    }
    QList<RegressionCycle> cycles = detail.cycles;
    std::sort(cycles.begin(), cycles.end(), [](const RegressionCycle& a, const RegressionCycle& b) {
        return a.number < b.number;
    });
    for (const RegressionCycle& cycle : cycles)
        regression.children.append(ReleaseTaskRows::cycle(detail, cycle));
    for (const RegressionSlot& slot : detail.regressionSlots) {
        if (slot.cycleId != 0)
            continue;
        Row planned;
        planned.key = QStringLiteral("slot:%1").arg(slot.id);
        planned.kind = ReleaseTaskModel::SlotRow;
        planned.tone = QStringLiteral("muted");
        QString what = tr("Builds and automation");
        if (!slot.runBuild && !slot.runAutomation)
            what = tr("No builds, no automation");
        else if (!slot.runBuild)
            what = tr("Automation only");
        else if (!slot.runAutomation)
            what = tr("Builds only");
        planned.texts = {tr("Planned cycle"),           tr("Planned"), QString(),
                         time(slot.slotAt, detail.now), QString(),     what};
        regression.children.append(planned);
    }
    const auto state = [&detail](Row& row, Stage stage) {
        const bool done = detail.release.stage > stage;
        const bool current = detail.release.stage == stage;
        row.texts.append(done ? tr("Done") : current ? tr("Current") : tr("Not yet"));
    };
    state(kickoff, Stage::Kickoff);
    state(regression, Stage::Regression);
    state(preRelease, Stage::PreRelease);
    return {kickoff, regression, preRelease};
}

} // namespace ReleaseDeck
