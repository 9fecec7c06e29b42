#include "ReleasePlanner.h"

#include "TaskCatalog.h"
#include "providers/ProviderRegistry.h"

#include <QCoreApplication>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ReleasePlanner", text);
}

Task skipped(Task task, const QString& reason)
{
    task.status = TaskStatus::Skipped;
    task.lastError = reason;
    task.nextAttemptAt = {};
    task.waitingFor.clear();
    return task;
}

} // namespace

bool ReleasePlanner::ciHasPurpose(const Connection& ci, CiPurpose purpose)
{
    return !ProviderRegistry::builtIn().ciWorkflow(ci, purpose).isEmpty();
}

QString ReleasePlanner::skipReason(TaskType type, const Release& release,
                                   const ActiveConnections& connections)
{
    const TaskTraits traits = TaskCatalog::traits(type);
    if (traits.optional && !release.settings.isOn(type))
        return tr("turned off for this release");
    if (traits.onlyPlatform && !release.platforms.contains(*traits.onlyPlatform))
        return tr("no %1 platform in this release").arg(displayName(*traits.onlyPlatform));
    if (traits.category && !connections.contains(*traits.category))
        return tr("no %1 connection").arg(toText(*traits.category));
    if (traits.ciPurpose &&
        !ciHasPurpose(connections.value(ConnectionCategory::Ci), *traits.ciPurpose))
        return tr("the CI connection has no %1 workflow").arg(toText(*traits.ciPurpose));
    return {};
}

Task ReleasePlanner::planned(TaskType type, const Release& release,
                             const ActiveConnections& connections, const QDateTime& dueAt)
{
    Task task;
    task.workspaceId = release.workspaceId;
    task.releaseId = release.id;
    task.stage = stageOf(type);
    task.type = type;
    if (const QString reason = skipReason(type, release, connections); !reason.isEmpty())
        return skipped(task, reason);
    const QList<TaskType> waitsFor = TaskCatalog::traits(type).prerequisites;
    if (waitsFor.isEmpty()) {
        task.nextAttemptAt = dueAt;
    } else {
        QStringList names;
        for (const TaskType prerequisite : waitsFor)
            names.append(toText(prerequisite));
        task.waitingFor = tr("waits for %1").arg(names.join(QStringLiteral(", ")));
    }
    return task;
}

QList<Task> ReleasePlanner::kickoff(const Release& release, const ActiveConnections& connections,
                                    const QDateTime& dueAt)
{
    QList<Task> tasks;
    for (const TaskType type : TaskCatalog::tasksOf(Stage::Kickoff))
        tasks.append(planned(type, release, connections, dueAt));
    return tasks;
}

QList<Task> ReleasePlanner::cycle(const Release& release, const ActiveConnections& connections,
                                  const RegressionSlot& slot, qint64 cycleId, int cycleNumber,
                                  const QDateTime& dueAt)
{
    QList<Task> tasks;
    for (const TaskType type : TaskCatalog::tasksOf(Stage::Regression)) {
        Task task = planned(type, release, connections, dueAt);
        task.cycleId = cycleId;
        task.cycleNumber = cycleNumber;
        if (task.status == TaskStatus::Pending) {
            if (type == TaskType::ResetTestSuite && cycleNumber == 1)
                task = skipped(task, tr("nothing to reset in cycle 1"));
            else if (type == TaskType::TriggerRegressionBuilds && !slot.runBuild)
                task = skipped(task, tr("this regression slot runs no build"));
            else if (type == TaskType::TriggerAutomationRuns && !slot.runAutomation)
                task = skipped(task, tr("this regression slot runs no automation"));
        }
        tasks.append(task);
    }
    return tasks;
}

QList<Task> ReleasePlanner::preRelease(const Release& release, const ActiveConnections& connections,
                                       const QDateTime& dueAt)
{
    QList<Task> tasks;
    for (const TaskType type : TaskCatalog::tasksOf(Stage::PreRelease))
        tasks.append(planned(type, release, connections, dueAt));
    return tasks;
}

} // namespace ReleaseDeck
