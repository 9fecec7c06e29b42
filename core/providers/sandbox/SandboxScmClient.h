#pragma once

#include "SandboxStore.h"
#include "providers/ProviderInfo.h"
#include "providers/ScmClient.h"

namespace ReleaseDeck {

class Database;

// The sandbox's simulated source control ("sandbox-scm"): a repository whose branches,
// tags and releases are rows of the sandbox workspace, never a server. It behaves like the
// real ones: creating what exists at the same commit succeeds, the same name elsewhere is a
// Conflict, a release for a tag is returned as it is. No token, no network.
class SandboxScmClient : public ScmClient
{
public:
    SandboxScmClient(const Connection& connection, Database* database);

    static ProviderInfo provider();
    // The commit the sandbox repository's default branch starts at.
    static QString firstCommit(qint64 workspaceId);

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
    // The commit a branch, tag or commit SHA names; none when it names nothing.
    Result<std::optional<QString>> resolve(const QString& ref);
    // Creates a branch or tag at the commit fromRef names, unless that name already stands
    // at the same commit; returns the commit.
    Result<QString> createRef(SandboxStore::RefKind kind, const QString& name,
                              const QString& fromRef);

    Connection m_connection;
    Database* m_database;
};

} // namespace ReleaseDeck
