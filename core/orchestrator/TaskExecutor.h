#pragma once

#include "Result.h"
#include "TaskJob.h"
#include "net/HttpClient.h"

namespace ReleaseDeck {

class Database;
class ProviderRegistry;

// Does a claimed task's effect through the provider clients. Every effect is idempotent:
// what already exists (a branch, a tag, a release, a ticket, a dispatched run found by its
// marker) counts as done, so a task resumed after a crash causes no second effect.
// Blocks the calling thread on the network: run it on a worker thread.
class TaskExecutor
{
public:
    static constexpr int MaxAttempts = 5;
    static constexpr int MaxWaitSeconds = 300;

    // database: the calling thread's, for providers that keep their state there.
    TaskExecutor(const ProviderRegistry& registry, HttpSettings settings,
                 Database* database = nullptr);

    TaskOutcome run(const TaskJob& job, const TaskCheckpoint& checkpoint) const;

    // A failure as an outcome: transient ones (timeouts, 5xx, rate limits) retry with
    // exponential backoff up to MaxAttempts; the rest fail at once in the provider's words.
    static TaskOutcome fromError(const Error& error, const TaskJob& job);
    // base, 2·base, 4·base… seconds, at most MaxWaitSeconds.
    static int backoff(int baseSeconds, int step);

private:
    const ProviderRegistry& m_registry;
    HttpClient m_http;
    Database* m_database;
};

} // namespace ReleaseDeck
