#pragma once

#include "GitHubTarget.h"
#include "ProviderInfo.h"
#include "ScmClient.h"

namespace ReleaseDeck {

// GitHub and GitHub Enterprise Server repositories over the REST API (api.github.com or
// https://HOST/api/v3), Bearer token. Branches and tags are git refs; tags with a message
// are annotated tag objects.
class GitHubScmClient : public ScmClient
{
public:
    GitHubScmClient(GitHubTarget target, const QString& token, const HttpClient& http);

    // The registry entry: "github", or "github-enterprise" when enterprise.
    static ProviderInfo provider(bool enterprise);

    Result<VerificationReport> verify() override;
    Result<ScmRepository> repository() override;
    Result<QList<ScmBranch>> listBranches() override;
    Result<bool> branchExists(const QString& name) override;
    Result<ScmBranch> createBranch(const QString& name, const QString& fromRef) override;
    Result<bool> tagExists(const QString& name) override;
    Result<ScmTag> createTag(const QString& name, const QString& ref,
                             const QString& message) override;
    Result<QString> generateReleaseNotes(const QString& fromTag, const QString& toTag) override;
    bool hasReleases() const override { return true; }
    Result<ScmRelease> createRelease(const QString& tag, const QString& name,
                                     const QString& notes) override;
    Result<ScmComparison> compare(const QString& base, const QString& head) override;

private:
    // The commit a branch, tag or SHA names.
    Result<QString> commitOf(const QString& ref);
    // The commit refs/<kind>/<name> points at (peeling annotated tags); none when absent.
    Result<std::optional<QString>> refCommit(const QString& kind, const QString& name);
    // refs/<kind>/<name> at commitSha unless it exists there; create makes it (a tag's
    // object first, for an annotated tag).
    Status createRef(const QString& kind, const QString& name, const QString& commitSha,
                     const QString& fromRef, const std::function<Status()>& create);
    Status postRef(const QString& kind, const QString& name, const QString& sha);
    Result<std::optional<ScmRelease>> releaseForTag(const QString& tag);

    GitHubTarget m_target;
    RestEndpoint m_api;
};

} // namespace ReleaseDeck
