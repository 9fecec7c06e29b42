#pragma once

#include "FakeHttpServer.h"

#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace ReleaseDeck::Test {

// A stateful Jenkins controller under /jenkins (Basic user + API token, a CSRF crumb on
// POSTs): crumbIssuer, me, the root job list, jobs in folders (job/a/job/b) with their
// builds tree, build / buildWithParameters → a queue item (201 + Location) → a build
// carrying the parameters the job declares (others are dropped, as Jenkins does), queue
// item and queue APIs, and builds that start and finish when the test says so or after
// some polls. Any thread may call it; it serves from its own thread.
class FakeJenkins
{
public:
    FakeJenkins();

    FakeHttpServer& server() { return m_server; }
    QUrl url() const { return m_server.url("/jenkins"); }
    // url, user and jobs (the purposes' jobs it starts with) pointing here: jenkins's config.
    QJsonObject config() const;

    static QString user() { return QStringLiteral("ada"); }
    // The parameters jobs declare unless told otherwise: the ref and Release Deck's inputs.
    static QStringList releaseParameters();
    // purpose → job full name of the jobs it starts with (mobile/regression…).
    static QJsonObject purposeJobs();

    // Requests without Basic user:token get 401; empty: any credentials are accepted.
    void setToken(const QString& token);
    // false: no crumb issuer (404) and POSTs need no crumb.
    void setCrumbRequired(bool required);
    void addJob(const QString& fullName, const QStringList& parameters = releaseParameters());

    // Every waiting queue item starts its build (building); returns how many did.
    int startQueuedBuilds();
    // Every running build (of that job, or of all) finishes with result (SUCCESS, FAILURE,
    // ABORTED); returns how many did.
    int finishBuilds(const QString& result, const QString& job = {});
    // Builds move on as they are polled: a queue item starts its build when its item is
    // read, a build finishes with result at its afterPolls-th read. Empty result: off.
    void autoComplete(const QString& result, int afterPolls = 2);
    // Jenkins forgets queue items a few minutes after their build starts: from now on
    // those items answer 404.
    void forgetStartedQueueItems();

    // Effects: builds triggered (queue items created) for that job, or for all.
    int buildsTriggered(const QString& job = {}) const;
    // The job's builds, oldest first, as its build API shows them (number, building,
    // result, actions[parameters]).
    QList<QJsonObject> builds(const QString& job) const;
    int queueLength() const;

    // Requests to /jenkins + path with this method.
    QList<RecordedRequest> requests(const QByteArray& method, const QString& path) const;

private:
    struct State;
    FakeResponse answer(const RecordedRequest& request);

    std::shared_ptr<State> m_state; // declared before the server, which stops first
    FakeHttpServer m_server;
};

} // namespace ReleaseDeck::Test
