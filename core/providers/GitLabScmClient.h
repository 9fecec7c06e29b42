#pragma once

#include "ProviderInfo.h"
#include "RestEndpoint.h"
#include "ScmClient.h"

#include <optional>

namespace ReleaseDeck {

// Where a GitLab project lives, from a connection's config (project, apiUrl, tokenType,
// caBundle).
struct GitLabTarget
{
    QUrl apiUrl;             // https://gitlab.com/api/v4 or https://HOST/api/v4
    QString project;         // "group/sub/project"
    bool oauthToken = false; // Bearer instead of PRIVATE-TOKEN
    QString caBundle;

    // project, apiUrl and tokenType (private or oauth).
    static QList<ProviderField> fields();
    static Result<GitLabTarget> fromConfig(const QJsonObject& config);
};

// GitLab projects (gitlab.com and self-managed) over REST v4. The project is addressed by
// its URL-encoded path; push means Developer (access level 30) or higher.
class GitLabScmClient : public ScmClient
{
public:
    GitLabScmClient(const GitLabTarget& target, const QString& token, const HttpClient& http);

    // The registry entry "gitlab".
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
    bool hasReleases() const override { return true; }
    Result<ScmRelease> createRelease(const QString& tag, const QString& name,
                                     const QString& notes) override;
    Result<ScmComparison> compare(const QString& base, const QString& head) override;

private:
    // /projects/<encoded path> followed by the encoded segments.
    QString projectPath(const QStringList& segments = {}) const;
    Result<QString> commitOf(const QString& ref);
    // The commit of repository/<kind>/<name> (branches or tags); none when absent.
    Result<std::optional<QString>> refCommit(const QString& kind, const QString& name);
    // POSTs body to repository/<kind> unless the ref exists; existing at commitSha is success.
    Status createRef(const QString& kind, const QString& name, const QString& commitSha,
                     const QString& fromRef, const QJsonObject& body);
    Result<std::optional<ScmRelease>> releaseForTag(const QString& tag);
    Result<QList<ScmCommit>> commitsBetween(const QString& from, const QString& to,
                                            QUrl* webUrl = nullptr);

    GitLabTarget m_target;
    RestEndpoint m_api;
};

} // namespace ReleaseDeck
