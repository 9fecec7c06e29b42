#pragma once

#include "FakeGitHubActions.h"
#include "FakeGitRepository.h"
#include "FakeHttpServer.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>

namespace ReleaseDeck::Test {

// A stateful GitHub (or GitHub Enterprise Server under /api/v3) for one repository on a
// FakeHttpServer: repository and permissions, commits with history, branches and tags as
// git refs, annotated tag objects, compare, generated release notes, releases, and GitHub
// Actions (actions()). Creating a ref or release that exists answers 422 as GitHub does.
// It counts each effect (branchesCreated…) and records every request; faults go through
// failNext() and friends, or tests add their own routes on server() (an exact route wins
// over the fake's prefix routes). Any thread may call it; it serves from its own thread.
class FakeGitHub
{
public:
    // tls: serve HTTPS (see TestCertificate).
    explicit FakeGitHub(const QString& apiPrefix = QString(),
                        const QSslConfiguration& tls = QSslConfiguration());

    FakeHttpServer& server() { return m_server; }
    FakeGitHubActions& actions() { return *m_actions; }
    const FakeGitHubActions& actions() const { return *m_actions; }
    QUrl apiUrl() const { return m_server.url(m_apiPrefix); }
    // The path of a repository call: PREFIX/repos/octo/app + suffix.
    QString repoPath(const QString& suffix = QString()) const;
    // owner, repo, apiUrl pointing here.
    QJsonObject config() const;

    static QString owner() { return QStringLiteral("octo"); }
    static QString repo() { return QStringLiteral("app"); }

    // Requests without "Authorization: Bearer <token>" get 401 Bad credentials; empty:
    // any token is accepted.
    void setToken(const QString& token);
    void setPushPermission(bool canPush);
    // Sent as github-authentication-token-expiration on every answer.
    void setTokenExpiration(const QByteArray& header);
    // A branch, tag or SHA that /commits/{ref} resolves, without history.
    void addCommit(const QString& ref, const QString& sha);
    void setBranch(const QString& name, const QString& sha);
    // A commit on top of branch (created when absent), with history; returns its SHA.
    QString pushCommit(const QString& branch, const QString& message,
                       const QString& author = QStringLiteral("Ada Lovelace"));
    // The commit a branch, tag or SHA names now; empty when none.
    QString commitOf(const QString& ref) const;

    // Faults for the next `times` requests to the repository path PREFIX/repos/octo/app +
    // suffix (suffix may end in '*'), see FakeHttpServer.
    void failNext(const QByteArray& method, const QString& suffix, const FakeResponse& response,
                  int times = 1);

    // Effects, counted when they happen (an answer 422 "already exists" is none); with a
    // name, only those of that branch, tag or release tag.
    int branchesCreated(const QString& name = {}) const;
    // Tags created through git refs, or by a release whose tag did not exist yet.
    int tagsCreated(const QString& name = {}) const;
    int releasesCreated(const QString& tag = {}) const;
    int notesGenerated() const;
    // The release of tag as GitHub shows it (id, tag_name, name, body, html_url); empty when
    // none.
    QJsonObject release(const QString& tag) const;

    // Requests to repoPath(suffix) with this method.
    int count(const QByteArray& method, const QString& suffix) const;
    QList<RecordedRequest> requests(const QByteArray& method, const QString& suffix) const;

private:
    struct State;
    FakeResponse answer(const RecordedRequest& request);
    FakeResponse answerGitData(const RecordedRequest& request, const QString& path, State& state);
    FakeResponse answerReleases(const RecordedRequest& request, const QString& path, State& state);
    FakeResponse compare(const RecordedRequest& request, const QString& path, State& state);

    // Declared before the server, so the server's thread stops before they go.
    std::shared_ptr<State> m_state;
    std::shared_ptr<FakeGitHubActions> m_actions;
    QString m_apiPrefix;
    FakeHttpServer m_server;
};

} // namespace ReleaseDeck::Test
