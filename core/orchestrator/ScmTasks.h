#pragma once

#include "TaskJob.h"

namespace ReleaseDeck {

class ScmClient;

// The source-control tasks: fork the release branch, cut the RC and release tags, write
// the release notes (posted to chat) and the SCM release. Each counts what already exists
// as done: an existing branch or tag, an existing release for the tag.
class ScmTasks
{
public:
    static TaskOutcome run(const TaskJob& job, ScmClient& scm);

    // Notes are posted to chat, which caps a message's length.
    static QString clipped(const QString& notes);
};

} // namespace ReleaseDeck
