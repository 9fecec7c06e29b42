#include "TaskCatalog.h"

#include <QCoreApplication>

namespace ReleaseDeck {

TaskTraits TaskCatalog::traits(TaskType type)
{
    using C = ConnectionCategory;
    switch (type) {
    case TaskType::ForkBranch:
        return {C::Scm, false, {}, {}, false, {}};
    case TaskType::CreateProjectManagementTicket:
        return {C::Issues, true, {}, {}, false, {}};
    case TaskType::CreateTestSuite:
        return {C::Tests, true, {}, {}, false, {}};
    case TaskType::TriggerPreRegressionBuilds:
        return {C::Ci, true, {TaskType::ForkBranch}, CiPurpose::PreRegressionBuild, true, {}};
    case TaskType::ResetTestSuite:
        return {C::Tests, true, {}, {}, false, {}};
    case TaskType::CreateRcTag:
        return {C::Scm, false, {}, {}, false, {}};
    case TaskType::CreateReleaseNotes:
        return {C::Scm, true, {TaskType::CreateRcTag}, {}, false, {}};
    case TaskType::TriggerRegressionBuilds:
        return {C::Ci, false, {TaskType::CreateRcTag}, CiPurpose::RegressionBuild, true, {}};
    case TaskType::TriggerAutomationRuns:
        return {C::Ci, true, {TaskType::TriggerRegressionBuilds}, CiPurpose::Automation, true, {}};
    case TaskType::CreateReleaseTag:
        return {C::Scm, false, {}, {}, false, {}};
    case TaskType::CreateFinalReleaseNotes:
        return {C::Scm, true, {TaskType::CreateReleaseTag}, {}, false, {}};
    case TaskType::TriggerTestFlightBuild:
        return {C::Ci, true,         {TaskType::CreateReleaseTag}, CiPurpose::TestFlight,
                false, Platform::Ios};
    case TaskType::CreateAabBuild:
        return {C::Ci,
                true,
                {TaskType::CreateReleaseTag},
                CiPurpose::AndroidBundle,
                false,
                Platform::Android};
    case TaskType::CheckProjectReleaseApproval:
        return {C::Issues, true, {}, {}, false, {}};
    }
    return {};
}

QList<TaskType> TaskCatalog::tasksOf(Stage stage)
{
    QList<TaskType> types;
    for (const TaskType type : allTaskTypes()) {
        if (stageOf(type) == stage)
            types.append(type);
    }
    return types;
}

QList<TaskType> TaskCatalog::optionalTasks()
{
    QList<TaskType> types;
    for (const TaskType type : allTaskTypes()) {
        if (traits(type).optional)
            types.append(type);
    }
    return types;
}

QString TaskCatalog::title(TaskType type)
{
    switch (type) {
    case TaskType::ForkBranch:
        return QCoreApplication::translate("TaskCatalog", "Fork the release branch");
    case TaskType::CreateProjectManagementTicket:
        return QCoreApplication::translate("TaskCatalog", "Create the release tickets");
    case TaskType::CreateTestSuite:
        return QCoreApplication::translate("TaskCatalog", "Create the test run");
    case TaskType::TriggerPreRegressionBuilds:
        return QCoreApplication::translate("TaskCatalog", "Pre-regression builds");
    case TaskType::ResetTestSuite:
        return QCoreApplication::translate("TaskCatalog", "Reset the test run");
    case TaskType::CreateRcTag:
        return QCoreApplication::translate("TaskCatalog", "Tag the release candidate");
    case TaskType::CreateReleaseNotes:
        return QCoreApplication::translate("TaskCatalog", "Release notes");
    case TaskType::TriggerRegressionBuilds:
        return QCoreApplication::translate("TaskCatalog", "Regression builds");
    case TaskType::TriggerAutomationRuns:
        return QCoreApplication::translate("TaskCatalog", "Automation runs");
    case TaskType::CreateReleaseTag:
        return QCoreApplication::translate("TaskCatalog", "Tag the release");
    case TaskType::CreateFinalReleaseNotes:
        return QCoreApplication::translate("TaskCatalog", "Final release notes");
    case TaskType::TriggerTestFlightBuild:
        return QCoreApplication::translate("TaskCatalog", "TestFlight build");
    case TaskType::CreateAabBuild:
        return QCoreApplication::translate("TaskCatalog", "Android App Bundle");
    case TaskType::CheckProjectReleaseApproval:
        return QCoreApplication::translate("TaskCatalog", "Release tickets approved");
    }
    return toText(type);
}

} // namespace ReleaseDeck
