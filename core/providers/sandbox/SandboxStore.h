#pragma once

#include "Result.h"
#include "SandboxRecords.h"
#include "providers/ScmClient.h"

#include <QList>

#include <optional>

namespace ReleaseDeck {

class Database;

// The rows of the sandbox's simulated services (migration 011), every query scoped by the
// workspace. Simulated time is the database's: runs finish and tickets become ready when
// the database clock passes their time.
class SandboxStore
{
public:
    enum class RefKind
    {
        Branch,
        Tag,
    };

    explicit SandboxStore(Database& database);

    Status createState(qint64 workspaceId, int timeScale);
    // None when the workspace is not a sandbox.
    Result<std::optional<SandboxState>> state(qint64 workspaceId);
    Status setRehearsal(qint64 workspaceId, SandboxRehearsal rehearsal, bool on);
    // Whether the rehearsal was asked for; it is consumed (once per request).
    Result<bool> takeRehearsal(qint64 workspaceId, SandboxRehearsal rehearsal);
    // seconds divided by the sandbox's time scale, at least one.
    Result<int> scaled(qint64 workspaceId, int seconds);

    Result<std::optional<QString>> refCommit(qint64 workspaceId, RefKind kind, const QString& name);
    Result<QList<ScmBranch>> branches(qint64 workspaceId);
    Result<QList<ScmTag>> tags(qint64 workspaceId);
    // A Conflict when the name exists already.
    Status addRef(qint64 workspaceId, RefKind kind, const QString& name, const QString& commitSha);

    Result<std::optional<ScmRelease>> release(qint64 workspaceId, const QString& tag);
    Status addRelease(qint64 workspaceId, const ScmRelease& release, const QString& notes);

    Result<SandboxMessage> addMessage(qint64 workspaceId, const QString& channelId,
                                      const QString& body, const QString& marker);
    Result<std::optional<SandboxMessage>> findMessage(qint64 workspaceId, const QString& channelId,
                                                      const QString& marker,
                                                      const QDateTime& since);
    Result<QList<SandboxMessage>> messages(qint64 workspaceId);

    Result<SandboxTicket> addTicket(qint64 workspaceId, const QString& projectKey,
                                    const QString& summary, const QStringList& labels,
                                    int readyInSeconds);
    Result<std::optional<SandboxTicket>> findTicket(qint64 workspaceId, const QString& projectKey,
                                                    const QString& label);
    Result<std::optional<SandboxTicket>> ticket(qint64 workspaceId, const QString& key);
    Status makeReady(qint64 workspaceId, const QString& key);
    Result<QList<SandboxTicket>> tickets(qint64 workspaceId);

    Result<SandboxRun> addRun(qint64 workspaceId, const SandboxRun& run, int seconds);
    Result<std::optional<SandboxRun>> run(qint64 workspaceId, qint64 runId);
    // The newest run marked with marker since then.
    Result<std::optional<SandboxRun>> findRun(qint64 workspaceId, const QString& marker,
                                              const QDateTime& since);
    Result<QList<SandboxRun>> runs(qint64 workspaceId);

    // The state a ticket reaches by itself, as Jira's default workflow ends.
    static QString readyState();
    // What a simulated client answers when it was built without a database (verify only).
    static Error withoutDatabase();

private:
    Result<QList<SandboxTicket>> selectTickets(const QString& where, const QVariantList& values);
    Result<QList<SandboxRun>> selectRuns(const QString& where, const QVariantList& values);
    Result<QList<SandboxMessage>> selectMessages(const QString& where, const QVariantList& values);

    Database& m_database;
};

} // namespace ReleaseDeck
