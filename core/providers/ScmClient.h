#pragma once

#include "Result.h"
#include "VerificationReport.h"

#include <QList>
#include <QString>
#include <QUrl>

#include <functional>
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

    // A branch or tag to create unless it exists, as every provider does it.
    struct RefCreation
    {
        QString what; // "branch", "tag"
        QString name;
        QString commitSha; // the commit it must point at
        QString fromRef;   // what the caller named, for the Conflict's sentence
        // Commits are shortened to this many characters, as the provider shows them.
        qsizetype shortLength = 7;
        // The commit the ref points at now; none when it does not exist.
        std::function<Result<std::optional<QString>>()> look;
        std::function<Status()> create;
        // Whether the create's refusal may mean someone created it meanwhile.
        std::function<bool(const Error&)> mayExistNow;
    };
    // Look, create when absent, and after a refusal that may be a race look again: what
    // exists at the same commit is success, at another commit a Conflict naming both.
    static Status createUnlessSame(const RefCreation& ref);
};

} // namespace ReleaseDeck
