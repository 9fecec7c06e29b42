#pragma once

#include "model/ConnectionEnums.h"
#include "model/ReleaseEnums.h"

#include <QList>
#include <QString>

#include <optional>

namespace ReleaseDeck {

// What each task type of the product's task table is: the connection it needs, whether a
// release may turn it off, what must be done before it (same release and cycle), the CI
// purpose it dispatches, and the one platform it is for.
struct TaskTraits
{
    std::optional<ConnectionCategory> category;
    bool optional = false;
    QList<TaskType> prerequisites;
    std::optional<CiPurpose> ciPurpose;   // CI tasks: what the CI connection runs for them
    bool perPlatform = false;             // CI tasks: one run per release platform
    std::optional<Platform> onlyPlatform; // TestFlight: iOS; Android bundle: Android
};

class TaskCatalog
{
public:
    static TaskTraits traits(TaskType type);
    // The task types of a stage, in the order they are shown and planned.
    static QList<TaskType> tasksOf(Stage stage);
    // The optional task types, for settings and train editors.
    static QList<TaskType> optionalTasks();
    // For people: "Fork the release branch".
    static QString title(TaskType type);
};

} // namespace ReleaseDeck
