#pragma once

#include "FakeHttpServer.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>

#include <memory>

namespace ReleaseDeck::Test {

// A small stateful GitHub (or GitHub Enterprise Server under /api/v3) for one repository
// on a FakeHttpServer: repository and permissions, commits, branches and tags as git refs,
// annotated tag objects, releases, Actions workflows, dispatches that create runs.
// Creating a ref or release that exists answers 422 as GitHub does. Tests may add their
// own routes on server() for faults; an exact route wins over the fake's prefix routes.
class FakeGitHub
{
public:
    // tls: serve HTTPS (see TestCertificate).
    explicit FakeGitHub(const QString& apiPrefix = QString(),
                        const QSslConfiguration& tls = QSslConfiguration());

    FakeHttpServer& server() { return m_server; }
    QUrl apiUrl() const { return m_server.url(m_apiPrefix); }
    // The path of a repository call: PREFIX/repos/octo/app + suffix.
    QString repoPath(const QString& suffix = QString()) const;
    // owner, repo, apiUrl pointing here.
    QJsonObject config() const;

    static QString owner() { return QStringLiteral("octo"); }
    static QString repo() { return QStringLiteral("app"); }

    void setPushPermission(bool canPush);
    // Sent as github-authentication-token-expiration on every answer.
    void setTokenExpiration(const QByteArray& header);
    // A branch, tag or SHA that /commits/{ref} resolves.
    void addCommit(const QString& ref, const QString& sha);
    void setBranch(const QString& name, const QString& sha);
    void addWorkflow(qint64 id, const QString& name, const QString& path);
    // A run as GitHub lists it (id, run_number, event, head_branch, created_at, status…).
    void addRun(const QString& workflowFile, const QJsonObject& run);
    void setRunStatus(qint64 runId, const QString& status, const QString& conclusion);
    // Dispatches record a run this many seconds after GitHub's clock (0: at once).
    void setDispatchCreatesRun(bool creates);

    // Requests to repoPath(suffix) with this method.
    int count(const QByteArray& method, const QString& suffix) const;
    QList<RecordedRequest> requests(const QByteArray& method, const QString& suffix) const;

private:
    struct State;
    FakeResponse answer(const RecordedRequest& request);

    FakeHttpServer m_server;
    QString m_apiPrefix;
    std::shared_ptr<State> m_state;
};

} // namespace ReleaseDeck::Test
