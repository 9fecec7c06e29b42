#include "releases/ReleasePageText.h"

namespace ReleaseDeck {

QString ReleasePageText::taskName(TaskType type)
{
    switch (type) {
    case TaskType::ForkBranch:
        return tr("Fork the release branch");
    case TaskType::CreateProjectManagementTicket:
        return tr("Create the release tickets");
    case TaskType::CreateTestSuite:
        return tr("Create the test run");
    case TaskType::TriggerPreRegressionBuilds:
        return tr("Pre-regression builds");
    case TaskType::ResetTestSuite:
        return tr("Reset the test run");
    case TaskType::CreateRcTag:
        return tr("Tag the release candidate");
    case TaskType::CreateReleaseNotes:
        return tr("Release notes");
    case TaskType::TriggerRegressionBuilds:
        return tr("Regression builds");
    case TaskType::TriggerAutomationRuns:
        return tr("Automation runs");
    case TaskType::CreateReleaseTag:
        return tr("Tag the release");
    case TaskType::CreateFinalReleaseNotes:
        return tr("Publish the release");
    case TaskType::TriggerTestFlightBuild:
        return tr("TestFlight build");
    case TaskType::CreateAabBuild:
        return tr("Android bundle build");
    case TaskType::CheckProjectReleaseApproval:
        return tr("Release ticket approval");
    }
    return {};
}

QString ReleasePageText::taskStatus(TaskStatus status)
{
    switch (status) {
    case TaskStatus::Pending:
        return tr("Waiting");
    case TaskStatus::InProgress:
        return tr("Running");
    case TaskStatus::AwaitingExternal:
        return tr("Waiting on a service");
    case TaskStatus::Completed:
        return tr("Done");
    case TaskStatus::Failed:
        return tr("Failed");
    case TaskStatus::Skipped:
        return tr("Skipped");
    }
    return {};
}

QString ReleasePageText::cycleStatus(CycleStatus status)
{
    switch (status) {
    case CycleStatus::NotStarted:
        return tr("Not started");
    case CycleStatus::InProgress:
        return tr("Running");
    case CycleStatus::Done:
        return tr("Done");
    case CycleStatus::Abandoned:
        return tr("Abandoned");
    }
    return {};
}

QString ReleasePageText::buildStatus(BuildStatus status)
{
    switch (status) {
    case BuildStatus::Pending:
        return tr("Queued");
    case BuildStatus::Running:
        return tr("Building");
    case BuildStatus::Succeeded:
        return tr("Succeeded");
    case BuildStatus::Failed:
        return tr("Failed");
    case BuildStatus::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString ReleasePageText::platform(Platform platform)
{
    switch (platform) {
    case Platform::Android:
        return tr("Android");
    case Platform::Ios:
        return tr("iOS");
    case Platform::Web:
        return tr("Web");
    }
    return {};
}

} // namespace ReleaseDeck
