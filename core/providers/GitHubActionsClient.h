#pragma once

#include "CiClient.h"
#include "GitHubTarget.h"
#include "ProviderInfo.h"

namespace ReleaseDeck {

// GitHub Actions: workflows of one repository, dispatched on a ref with inputs. The
// dispatch call answers 204 without an id, so the run is found afterwards among the
// workflow_dispatch runs of that workflow and ref created since the dispatch: by its
// marker when the inputs carry one, else the oldest.
//
// Every input is sent as a workflow_dispatch input, and GitHub refuses inputs a workflow
// does not declare (422), so a workflow Release Deck triggers declares release_deck_task,
// platform, version and commit as string inputs and names its runs after the marker:
//   on: { workflow_dispatch: { inputs: { release_deck_task: { type: string }, ... } } }
//   run-name: ${{ inputs.release_deck_task }}
// A run's display_title is then the marker, which is how findRun() knows it.
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
    Result<std::optional<CiRunHandle>> findRun(const CiRunHandle& intent,
                                               const QString& marker) override;

private:
    QString workflowFile(const QString& workflowOrPurpose) const;
    // The run a handle's dispatch created: by its marker, else the oldest; none yet is fine.
    Result<std::optional<QJsonObject>> runOf(const CiRunHandle& handle);
    // The run a dispatch created: the oldest matching run created since it; none yet is fine.
    Result<std::optional<QJsonObject>> oldestRunSince(const CiRunHandle& handle);
    // The newest workflow_dispatch run on the intent's ref titled marker, created since a
    // little before the intent.
    Result<std::optional<QJsonObject>> markedRun(const CiRunHandle& intent, const QString& marker);
    static CiRunStatus statusFrom(const QJsonObject& run);

    GitHubTarget m_target;
    RestEndpoint m_api;
    QJsonObject m_workflows;
};

} // namespace ReleaseDeck
