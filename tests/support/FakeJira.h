#pragma once

#include "FakeHttpServer.h"

#include <QHash>
#include <QJsonObject>
#include <QMutex>
#include <QStringList>

#include <memory>

namespace ReleaseDeck::Test {

// A stateful Jira Cloud site (REST v3 under /rest/api/3, Basic email + API token):
// myself, project/{key}, the enhanced JQL search (/search/jql: `project = "KEY" AND
// labels = "…" ORDER BY created ASC` and `status = "…"` clauses, nextPageToken pages),
// issues created as KEY-n in status "To Do", issue/{key} and its transitions (to every
// other status). Errors come as Jira sends them (errorMessages / errors). Any thread may
// call it; it serves from its own thread.
class FakeJira
{
public:
    FakeJira();

    FakeHttpServer& server() { return m_server; }
    QUrl siteUrl() const { return m_server.url(); }
    // siteUrl, email, projectKeys (ANDROID → DROID, IOS → IOS, the projects it starts with)
    // and readyStates (readyState() for both) pointing here: jira-cloud's config.
    QJsonObject config() const;

    static QString email() { return QStringLiteral("ada@example.test"); }
    static QString readyState() { return QStringLiteral("Ready for Release"); }

    // Requests without Basic email:token get 401; empty: any credentials are accepted.
    void setToken(const QString& token);
    void addProject(const QString& key, const QString& name);
    // The statuses issues move between, in workflow order; the first is a new issue's.
    // Default: To Do, In Progress, Ready for Release, Done.
    void setStatuses(const QStringList& statuses);
    // Moves an issue as someone would in Jira.
    void setIssueStatus(const QString& issueKey, const QString& status);
    QString issueStatus(const QString& issueKey) const;

    // Faults for the next `times` requests to /rest/api/3 + apiPath (may end in '*'), see
    // FakeHttpServer.
    void failNext(const QByteArray& method, const QString& apiPath, const FakeResponse& response,
                  int times = 1);

    // Effects: issues created (in that project, or in all).
    int issuesCreated(const QString& projectKey = {}) const;
    // The project's issues, oldest first, as GET issue/{key} shows them.
    QList<QJsonObject> issues(const QString& projectKey) const;

    // Requests to /rest/api/3 + apiPath with this method.
    QList<RecordedRequest> requests(const QByteArray& method, const QString& apiPath) const;

private:
    struct State;
    FakeResponse answer(const RecordedRequest& request);

    std::shared_ptr<State> m_state; // declared before the server, which stops first
    FakeHttpServer m_server;
};

} // namespace ReleaseDeck::Test
