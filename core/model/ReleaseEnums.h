#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace ReleaseDeck {

enum class ReleaseType
{
    Planned,
    Hotfix
};

enum class ReleaseStatus
{
    Pending,
    InProgress,
    Paused,
    Completed,
    Cancelled,
    Archived
};

enum class PauseReason
{
    None,
    AwaitingStageTrigger,
    UserRequested,
    TaskFailure
};

// KICKOFF → REGRESSION → PRE_RELEASE → DONE.
enum class Stage
{
    Kickoff,
    Regression,
    PreRelease,
    Done
};

enum class TaskType
{
    ForkBranch,
    CreateProjectManagementTicket,
    CreateTestSuite,
    TriggerPreRegressionBuilds,
    ResetTestSuite,
    CreateRcTag,
    CreateReleaseNotes,
    TriggerRegressionBuilds,
    TriggerAutomationRuns,
    CreateReleaseTag,
    CreateFinalReleaseNotes,
    TriggerTestFlightBuild,
    CreateAabBuild,
    CheckProjectReleaseApproval
};

enum class TaskStatus
{
    Pending,
    InProgress,
    AwaitingExternal,
    Completed,
    Failed,
    Skipped
};

enum class CycleStatus
{
    NotStarted,
    InProgress,
    Done,
    Abandoned
};

enum class BuildStatus
{
    Pending,
    Running,
    Succeeded,
    Failed,
    Cancelled
};

// Database/JSON spelling: "PLANNED", "IN_PROGRESS", "PRE_RELEASE", "FORK_BRANCH";
// parsing is case-insensitive.
QString toText(ReleaseType value);
QString toText(ReleaseStatus value);
QString toText(PauseReason value);
QString toText(Stage value);
QString toText(TaskType value);
QString toText(TaskStatus value);
QString toText(CycleStatus value);
QString toText(BuildStatus value);

std::optional<ReleaseType> releaseTypeFromText(const QString& text);
std::optional<ReleaseStatus> releaseStatusFromText(const QString& text);
std::optional<PauseReason> pauseReasonFromText(const QString& text);
std::optional<Stage> stageFromText(const QString& text);
std::optional<TaskType> taskTypeFromText(const QString& text);
std::optional<TaskStatus> taskStatusFromText(const QString& text);
std::optional<CycleStatus> cycleStatusFromText(const QString& text);
std::optional<BuildStatus> buildStatusFromText(const QString& text);

// The stage a task type belongs to, and every task type in stage order.
Stage stageOf(TaskType type);
QList<TaskType> allTaskTypes();
// Whether a task runs once per regression cycle.
bool isCycleTask(TaskType type);

} // namespace ReleaseDeck
