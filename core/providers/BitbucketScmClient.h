#pragma once

#include "ProviderInfo.h"
#include "RestEndpoint.h"
#include "ScmClient.h"

#include <optional>

namespace ReleaseDeck {

// Where a Bitbucket Cloud repository lives, from a connection's config (workspace, repo,
// optional username for an app password, apiUrl).
struct BitbucketTarget
{
    QUrl apiUrl; // https://api.bitbucket.org/2.0
    QString workspace;
    QString repo;
    QString username; // set: Basic with an app password; empty: Bearer access token

    QString fullName() const { return workspace + QLatin1Char('/') + repo; }
    // workspace, repo, username (for an app password) and apiUrl.
    static QList<ProviderField> fields();
    static Result<BitbucketTarget> fromConfig(const QJsonObject& config);
};

// Bitbucket Cloud repositories over REST 2.0. Bitbucket has no releases: createRelease
// refuses with a Validation error and the release notes go to chat instead.
class BitbucketScmClient : public ScmClient
{
public:
    BitbucketScmClient(const BitbucketTarget& target, const QString& token, const HttpClient& http);

    // The registry entry "bitbucket".
    static ProviderInfo provider();

    Result<VerificationReport> verify() override;
    Result<ScmRepository> repository() override;
    Result<QList<ScmBranch>> listBranches() override;
    Result<bool> branchExists(const QString& name) override;
    Result<ScmBranch> createBranch(const QString& name, const QString& fromRef) override;
    Result<bool> tagExists(const QString& name) override;
    Result<ScmTag> createTag(const QString& name, const QString& ref,
                             const QString& message) override;
    Result<QString> generateReleaseNotes(const QString& fromTag, const QString& toTag) override;
    bool hasReleases() const override { return false; }
    Result<ScmRelease> createRelease(const QString& tag, const QString& name,
                                     const QString& notes) override;
    Result<ScmComparison> compare(const QString& base, const QString& head) override;

private:
    // /repositories/<workspace>/<repo> followed by the encoded segments.
    QString repoPath(const QStringList& segments = {}) const;
    // The token's permission on the repository: "read", "write", "admin" or empty.
    Result<QString> permission(const HttpResponse& repositoryAnswer);
    Result<QString> commitOf(const QString& ref);
    // The commit of refs/<kind>/<name> (branches or tags); none when absent.
    Result<std::optional<QString>> refCommit(const QString& kind, const QString& name);
    // Creates refs/<kind>/<name> at sha unless it exists; existing at sha is success.
    Status createRef(const QString& kind, const QString& name, const QString& sha,
                     const QString& fromRef, const QString& message);
    Result<QList<ScmCommit>> commitsBetween(const QString& exclude, const QString& include);

    BitbucketTarget m_target;
    RestEndpoint m_api;
};

} // namespace ReleaseDeck
