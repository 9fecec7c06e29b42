#pragma once

#include "IssuesClient.h"
#include "ProviderInfo.h"
#include "RestEndpoint.h"
#include "model/ConnectionEnums.h"

#include <QMap>

namespace ReleaseDeck {

// Where a Jira site lives and which projects hold the release tickets, from a connection's
// config (siteUrl, email for Cloud, projectKeys and readyStates per platform, issueType,
// caBundle).
struct JiraTarget
{
    bool cloud = true; // Cloud: email + API token, /rest/api/3; Server/DC: PAT, /rest/api/2
    QUrl siteUrl;
    QString email;
    QMap<Platform, QString> projectKeys;
    QMap<Platform, QString> readyStates;
    QString issueType = QStringLiteral("Task");
    QString caBundle;

    QUrl apiUrl() const;
    // siteUrl, email (Cloud), projectKeys and readyStates per platform.
    static QList<ProviderField> fields(bool cloud);
    static Result<JiraTarget> fromConfig(const QJsonObject& config, bool cloud);
};

// Jira Cloud (REST v3, ADF descriptions, token-paged JQL search) and Jira Server/Data
// Center (REST v2, plain descriptions, startAt/total paging).
class JiraIssuesClient : public IssuesClient
{
public:
    JiraIssuesClient(const JiraTarget& target, const QString& token, const HttpClient& http);

    // The registry entries "jira-cloud" and "jira-server".
    static ProviderInfo provider(bool cloud);

    // Auth works and every configured project key exists.
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

    // Every issue a JQL query finds, following the pages.
    Result<QList<Issue>> search(const QString& jql);

private:
    Issue issueFrom(const QJsonObject& json) const;

    JiraTarget m_target;
    RestEndpoint m_api;
};

} // namespace ReleaseDeck
