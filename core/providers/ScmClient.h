#pragma once

#include "Result.h"
#include "VerificationReport.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <optional>

namespace ReleaseDeck {

struct ScmRepository
{
    QString fullName; // "owner/repo", "group/subgroup/project"
    QString defaultBranch;
    bool canPush = false;
    QUrl webUrl;
};

struct ScmBranch
{
    QString name;
    QString commitSha;
};

struct ScmTag
{
    QString name;
    QString commitSha; // the commit the tag points at
};

struct ScmRelease
{
    QString id;
    QString tag;
    QString name;
    QUrl webUrl;
};

struct ScmCommit
{
    QString sha;
    QString title; // first line of the message
    QString author;
};

struct ScmComparison
{
    QString base;
    QString head;
    int aheadBy = 0;
    int behindBy = 0;
    QList<ScmCommit> commits;
    QUrl webUrl;
};

// Source control for the release tasks. Creating what already exists at the same commit
// succeeds; the same name at another commit is an Error of kind Conflict naming both.
// Calls block the calling thread (see HttpClient).
class ScmClient
{
public:
    virtual ~ScmClient() = default;

    // The repository is reachable and the token may push to it.
    virtual Result<VerificationReport> verify() = 0;

    virtual Result<ScmRepository> repository() = 0;
    virtual Result<QList<ScmBranch>> listBranches() = 0;
    virtual Result<bool> branchExists(const QString& name) = 0;
    // fromRef: a branch, tag or commit SHA.
    virtual Result<ScmBranch> createBranch(const QString& name, const QString& fromRef) = 0;
    virtual Result<bool> tagExists(const QString& name) = 0;
    virtual Result<ScmTag> createTag(const QString& name, const QString& ref,
                                     const QString& message) = 0;
    // Notes for the changes between two tags (fromTag may be empty for a first release).
    virtual Result<QString> generateReleaseNotes(const QString& fromTag, const QString& toTag) = 0;
    // Whether the provider has releases (a tag with notes on its own page); without them
    // createRelease fails and the notes go to chat.
    virtual bool hasReleases() const = 0;
    // The release for tag; one that already exists for it is returned as it is.
    virtual Result<ScmRelease> createRelease(const QString& tag, const QString& name,
                                             const QString& notes) = 0;
    virtual Result<ScmComparison> compare(const QString& base, const QString& head) = 0;

protected:
    // Whether a ref exists, from the lookup of its commit (none: it does not).
    static Result<bool> exists(const Result<std::optional<QString>>& commit);
    // Creating what already exists: success at the same commit, else a Conflict naming
    // both commits, shortened to shortLength characters as the provider shows them.
    static Status sameCommitOrConflict(const QString& what, const QString& name,
                                       const QString& existingSha, const QString& wantedSha,
                                       const QString& fromRef, qsizetype shortLength);
};

} // namespace ReleaseDeck
