#include "ReleaseEnums.h"

#include "EnumText.h"

namespace ReleaseDeck {

namespace {

constexpr EnumTable<ReleaseType, 2> releaseTypes{{
    {ReleaseType::Planned, "PLANNED"},
    {ReleaseType::Hotfix, "HOTFIX"},
}};

constexpr EnumTable<ReleaseStatus, 6> releaseStatuses{{
    {ReleaseStatus::Pending, "PENDING"},
    {ReleaseStatus::InProgress, "IN_PROGRESS"},
    {ReleaseStatus::Paused, "PAUSED"},
    {ReleaseStatus::Completed, "COMPLETED"},
    {ReleaseStatus::Cancelled, "CANCELLED"},
    {ReleaseStatus::Archived, "ARCHIVED"},
}};

constexpr EnumTable<PauseReason, 4> pauseReasons{{
    {PauseReason::None, "NONE"},
    {PauseReason::AwaitingStageTrigger, "AWAITING_STAGE_TRIGGER"},
    {PauseReason::UserRequested, "USER_REQUESTED"},
    {PauseReason::TaskFailure, "TASK_FAILURE"},
}};

constexpr EnumTable<Stage, 4> stages{{
    {Stage::Kickoff, "KICKOFF"},
    {Stage::Regression, "REGRESSION"},
    {Stage::PreRelease, "PRE_RELEASE"},
    {Stage::Done, "DONE"},
}};

constexpr EnumTable<TaskType, 14> taskTypes{{
    {TaskType::ForkBranch, "FORK_BRANCH"},
    {TaskType::CreateProjectManagementTicket, "CREATE_PROJECT_MANAGEMENT_TICKET"},
    {TaskType::CreateTestSuite, "CREATE_TEST_SUITE"},
    {TaskType::TriggerPreRegressionBuilds, "TRIGGER_PRE_REGRESSION_BUILDS"},
    {TaskType::ResetTestSuite, "RESET_TEST_SUITE"},
    {TaskType::CreateRcTag, "CREATE_RC_TAG"},
    {TaskType::CreateReleaseNotes, "CREATE_RELEASE_NOTES"},
    {TaskType::TriggerRegressionBuilds, "TRIGGER_REGRESSION_BUILDS"},
    {TaskType::TriggerAutomationRuns, "TRIGGER_AUTOMATION_RUNS"},
    {TaskType::CreateReleaseTag, "CREATE_RELEASE_TAG"},
    {TaskType::CreateFinalReleaseNotes, "CREATE_FINAL_RELEASE_NOTES"},
    {TaskType::TriggerTestFlightBuild, "TRIGGER_TEST_FLIGHT_BUILD"},
    {TaskType::CreateAabBuild, "CREATE_AAB_BUILD"},
    {TaskType::CheckProjectReleaseApproval, "CHECK_PROJECT_RELEASE_APPROVAL"},
}};

constexpr EnumTable<TaskStatus, 6> taskStatuses{{
    {TaskStatus::Pending, "PENDING"},
    {TaskStatus::InProgress, "IN_PROGRESS"},
    {TaskStatus::AwaitingExternal, "AWAITING_EXTERNAL"},
    {TaskStatus::Completed, "COMPLETED"},
    {TaskStatus::Failed, "FAILED"},
    {TaskStatus::Skipped, "SKIPPED"},
}};

constexpr EnumTable<CycleStatus, 4> cycleStatuses{{
    {CycleStatus::NotStarted, "NOT_STARTED"},
    {CycleStatus::InProgress, "IN_PROGRESS"},
    {CycleStatus::Done, "DONE"},
    {CycleStatus::Abandoned, "ABANDONED"},
}};

constexpr EnumTable<BuildStatus, 5> buildStatuses{{
    {BuildStatus::Pending, "PENDING"},
    {BuildStatus::Running, "RUNNING"},
    {BuildStatus::Succeeded, "SUCCEEDED"},
    {BuildStatus::Failed, "FAILED"},
    {BuildStatus::Cancelled, "CANCELLED"},
}};

} // namespace

QString toText(ReleaseType value)
{
    return enumToText(releaseTypes, value);
}

QString toText(ReleaseStatus value)
{
    return enumToText(releaseStatuses, value);
}

QString toText(PauseReason value)
{
    return enumToText(pauseReasons, value);
}

QString toText(Stage value)
{
    return enumToText(stages, value);
}

QString toText(TaskType value)
{
    return enumToText(taskTypes, value);
}

QString toText(TaskStatus value)
{
    return enumToText(taskStatuses, value);
}

QString toText(CycleStatus value)
{
    return enumToText(cycleStatuses, value);
}

QString toText(BuildStatus value)
{
    return enumToText(buildStatuses, value);
}

std::optional<ReleaseType> releaseTypeFromText(const QString& text)
{
    return enumFromText(releaseTypes, text);
}

std::optional<ReleaseStatus> releaseStatusFromText(const QString& text)
{
    return enumFromText(releaseStatuses, text);
}

std::optional<PauseReason> pauseReasonFromText(const QString& text)
{
    return enumFromText(pauseReasons, text);
}

std::optional<Stage> stageFromText(const QString& text)
{
    return enumFromText(stages, text);
}

std::optional<TaskType> taskTypeFromText(const QString& text)
{
    return enumFromText(taskTypes, text);
}

std::optional<TaskStatus> taskStatusFromText(const QString& text)
{
    return enumFromText(taskStatuses, text);
}

std::optional<CycleStatus> cycleStatusFromText(const QString& text)
{
    return enumFromText(cycleStatuses, text);
}

std::optional<BuildStatus> buildStatusFromText(const QString& text)
{
    return enumFromText(buildStatuses, text);
}

Stage stageOf(TaskType type)
{
    switch (type) {
    case TaskType::ForkBranch:
    case TaskType::CreateProjectManagementTicket:
    case TaskType::CreateTestSuite:
    case TaskType::TriggerPreRegressionBuilds:
        return Stage::Kickoff;
    case TaskType::ResetTestSuite:
    case TaskType::CreateRcTag:
    case TaskType::CreateReleaseNotes:
    case TaskType::TriggerRegressionBuilds:
    case TaskType::TriggerAutomationRuns:
        return Stage::Regression;
    case TaskType::CreateReleaseTag:
    case TaskType::CreateFinalReleaseNotes:
    case TaskType::TriggerTestFlightBuild:
    case TaskType::CreateAabBuild:
    case TaskType::CheckProjectReleaseApproval:
        return Stage::PreRelease;
    }
    return Stage::Kickoff;
}

QList<TaskType> allTaskTypes()
{
    QList<TaskType> types;
    for (const auto& [type, text] : taskTypes)
        types.append(type);
    return types;
}

bool isCycleTask(TaskType type)
{
    return stageOf(type) == Stage::Regression;
}

} // namespace ReleaseDeck
