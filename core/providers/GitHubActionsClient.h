#pragma once

#include "CiClient.h"
#include "GitHubTarget.h"
#include "ProviderInfo.h"

namespace ReleaseDeck {

// GitHub Actions: workflows of one repository, dispatched on a ref with inputs. The
// dispatch call answers 204 without an id, so the run is found afterwards among the
// workflow_dispatch runs of that workflow and ref created since the dispatch.
class GitHubActionsClient : public CiClient
{
public:
    // workflows: purpose → workflow file, from the connection's config.
    GitHubActionsClient(GitHubTarget target, QJsonObject workflows, const QString& token,
                        const HttpClient& http);

    static ProviderInfo provider();

    Result<VerificationReport> verify() override;
    Result<QList<CiWorkflow>> listWorkflows() override;
    Result<CiRunHandle> trigger(const QString& workflow, const QString& ref,
                                const QJsonObject& inputs) override;
    Result<CiRunStatus> runStatus(const CiRunHandle& handle) override;

private:
    QString workflowFile(const QString& workflowOrPurpose) const;
    // The run a dispatch created: the oldest matching run created since it; none yet is fine.
    Result<std::optional<QJsonObject>> findRun(const CiRunHandle& handle);
    static CiRunStatus statusFrom(const QJsonObject& run);

    GitHubTarget m_target;
    RestEndpoint m_api;
    QJsonObject m_workflows;
};

} // namespace ReleaseDeck
