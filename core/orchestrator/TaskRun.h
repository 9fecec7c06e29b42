#pragma once

#include "OrchestratorContext.h"
#include "Result.h"
#include "TaskJob.h"

#include <QStringList>

namespace ReleaseDeck {

// One run of one due task on a worker thread: claim it (the affected-row count decides),
// read what it needs, do its effect, then write the result in one transaction together
// with its builds, announcements and events, and settle the release — only while the
// claim still holds; a late result of an instance that lost its claim is discarded.
class TaskRun
{
public:
    // Lines for the log, one per state change (or why nothing changed).
    static QStringList run(const OrchestratorContext& context, qint64 taskId);

private:
    static Result<TaskJob> prepare(const OrchestratorContext& context, qint64 taskId);
    static Result<QStringList> record(const OrchestratorContext& context, const TaskJob& job,
                                      const TaskOutcome& outcome);
};

} // namespace ReleaseDeck
