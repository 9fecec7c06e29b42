#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/Workspace.h"
#include "providers/sandbox/SandboxRecords.h"

#include <optional>

namespace ReleaseDeck {

class Database;

// The sandbox: a local workspace named "Sandbox" whose four connections are the simulated
// providers (sandbox-scm, sandbox-chat, sandbox-issues, sandbox-ci: VALID, no token), with a
// train and one release whose kickoff is now and whose two regression slots follow a minute
// apart, so a newcomer watches a whole release run in minutes. The CLI's `sandbox` commands
// and the app's "Explore with a sandbox" both use this. Synchronous (database only).
class SandboxWorkspace
{
public:
    static constexpr int MaxTimeScale = 600;

    // actorName is what the events say ("ana@laptop").
    SandboxWorkspace(Database& database, QString actorName);

    // "Sandbox".
    static QString name();
    static QString trainName();
    static QString releaseVersion();

    // The sandbox workspace, when there is one.
    Result<std::optional<Workspace>> find();
    // Creates it for the account, its OWNER. timeScale divides every simulated duration
    // (1..MaxTimeScale). A Conflict when it exists; Usage for a bad time scale or a shared
    // server's database (the sandbox is local).
    Result<Workspace> create(qint64 accountId, int timeScale);
    // Deletes it with every row it has, then creates it afresh. timeScale 0: the one it had.
    Result<Workspace> reset(qint64 accountId, int timeScale);
    // Deletes it with every row it has (its releases, events and simulated services' rows).
    // NotFound when there is none.
    Status remove(qint64 accountId);

    // Asks the simulated services for a failure to rehearse (see SandboxRehearsal); the
    // client concerned consumes it. NotFound when the workspace is not a sandbox.
    Status rehearse(const Actor& actor, SandboxRehearsal rehearsal);

private:
    Status fill(const Actor& actor, int timeScale);
    Result<Workspace> owned(qint64 accountId);

    Database& m_database;
    QString m_actorName;
};

} // namespace ReleaseDeck
