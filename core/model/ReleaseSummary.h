#pragma once

#include "Release.h"

#include <QHash>

namespace ReleaseDeck {

// A dashboard row: a release and how many of its tasks are in each status, per stage.
struct ReleaseSummary
{
    Release release;
    QHash<Stage, QHash<TaskStatus, int>> taskCounts;

    int count(Stage stage, TaskStatus status) const
    {
        return taskCounts.value(stage).value(status);
    }
    int total(Stage stage) const
    {
        int sum = 0;
        const QHash<TaskStatus, int> counts = taskCounts.value(stage);
        for (const int n : counts)
            sum += n;
        return sum;
    }
};

} // namespace ReleaseDeck
