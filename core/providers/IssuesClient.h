#pragma once

#include "Result.h"
#include "VerificationReport.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace ReleaseDeck {

struct IssuesUser
{
    QString accountId;
    QString displayName;
    QString email;
};

struct Issue
{
    QString id;
    QString key; // "APP-42"
    QString summary;
    QString status;
    QStringList labels;
    QUrl webUrl;
};

struct IssueTransition
{
    QString id;
    QString name;
    QString toStatus;
};

// The issue tracker of a release. Calls block the calling thread (see HttpClient).
class IssuesClient
{
public:
    virtual ~IssuesClient() = default;

    // Auth works and every configured project key exists.
    virtual Result<VerificationReport> verify() = 0;

    virtual Result<IssuesUser> myself() = 0;
    virtual Result<bool> projectExists(const QString& projectKey) = 0;
    virtual Result<Issue> createIssue(const QString& projectKey, const QString& summary,
                                      const QString& description, const QStringList& labels) = 0;
    // The issue carrying releaseLabel in that project, so a retry never creates a second one.
    virtual Result<std::optional<Issue>> findReleaseIssue(const QString& projectKey,
                                                          const QString& releaseLabel) = 0;
    virtual Result<QString> issueStatus(const QString& issueKey) = 0;
    virtual Result<QList<IssueTransition>> transitions(const QString& issueKey) = 0;
    virtual Status transition(const QString& issueKey, const QString& transitionId) = 0;

    // The release issue of that project: the one findReleaseIssue finds, else a new one
    // labelled releaseLabel, so running this twice creates one issue.
    Result<Issue> ensureReleaseIssue(const QString& projectKey, const QString& summary,
                                     const QString& description, const QString& releaseLabel);
};

} // namespace ReleaseDeck
