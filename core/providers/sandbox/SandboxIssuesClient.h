#pragma once

#include "providers/IssuesClient.h"
#include "providers/ProviderInfo.h"

namespace ReleaseDeck {

class Database;

// The sandbox's simulated issue tracker ("sandbox-issues"): tickets are rows of the sandbox
// workspace, found again by their label, and each moves by itself to its ready state
// (Done) a while after it was created, as a team would. No token, no network.
class SandboxIssuesClient : public IssuesClient
{
public:
    // How long a ticket takes to become ready, before the sandbox's time scale.
    static constexpr int ReadyAfterSeconds = 60;

    SandboxIssuesClient(const Connection& connection, Database* database);

    static ProviderInfo provider();

    Result<VerificationReport> verify() override;
    Result<IssuesUser> myself() override;
    Result<bool> projectExists(const QString& projectKey) override;
    Result<Issue> createIssue(const QString& projectKey, const QString& summary,
                              const QString& description, const QStringList& labels) override;
    Result<std::optional<Issue>> findReleaseIssue(const QString& projectKey,
                                                  const QString& releaseLabel) override;
    Result<QString> issueStatus(const QString& issueKey) override;
    Result<QList<IssueTransition>> transitions(const QString& issueKey) override;
    Status transition(const QString& issueKey, const QString& transitionId) override;

private:
    Connection m_connection;
    Database* m_database;
};

} // namespace ReleaseDeck
