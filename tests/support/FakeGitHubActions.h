#pragma once

#include "FakeResponse.h"
#include "RecordedRequest.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QUrl>

#include <optional>

namespace ReleaseDeck::Test {

// GitHub Actions of FakeGitHub's repository: workflows, workflow_dispatch and the runs it
// creates (display_title = the release_deck_task input, as a workflow with
// `run-name: ${{ inputs.release_deck_task }}` names them), run lists with GitHub's
// filters (event, branch, created>=, status) and pages, and runs that complete when the
// test says so or after some polls. Any thread may call it.
class FakeGitHubActions
{
public:
    void addWorkflow(qint64 id, const QString& name, const QString& path);
    // From now on dispatches of that workflow refuse inputs it does not declare (422), as
    // GitHub does.
    void declareInputs(const QString& workflowFile, const QStringList& inputs);
    // A run as GitHub lists it (id, run_number, event, head_branch, created_at, status…).
    void addRun(const QString& workflowFile, const QJsonObject& run);
    void setRunStatus(qint64 runId, const QString& status, const QString& conclusion);
    // false: dispatches answer 204 but no run appears (GitHub was slow to create it).
    void setDispatchCreatesRun(bool creates);
    // Every run not completed yet (of that workflow file, or of all) completes with
    // conclusion ("success", "failure", "cancelled"); returns how many did.
    int completeRuns(const QString& conclusion, const QString& workflowFile = {});
    // Runs move on as GET /actions/runs/{id} polls them: in_progress at the first poll,
    // completed with conclusion at the afterPolls-th. An empty conclusion turns this off.
    void autoComplete(const QString& conclusion, int afterPolls = 2);

    // Effects: dispatches accepted (of that workflow file, or of all).
    int dispatches(const QString& workflowFile = {}) const;
    // The inputs of each accepted dispatch of that workflow, oldest first.
    QList<QJsonObject> dispatchedInputs(const QString& workflowFile) const;
    QJsonArray runs(const QString& workflowFile) const;

    // Answers a request below the repository (path starts with /actions/); server is the
    // fake's base URL for links.
    FakeResponse answer(const RecordedRequest& request, const QString& path, const QUrl& server);

private:
    // The workflow file a path segment names (its file name or its numeric id).
    std::optional<QString> workflowFileOf(const QString& segment) const;
    FakeResponse dispatch(const QString& file, const QJsonObject& body);
    FakeResponse listRuns(const QString& file, const RecordedRequest& request, const QUrl& server);
    FakeResponse pollRun(qint64 id);

    mutable QMutex m_mutex;
    QJsonArray m_workflows;
    QHash<QString, QStringList> m_declaredInputs;    // workflow file → inputs
    QHash<QString, QJsonArray> m_runs;               // workflow file → runs, oldest first
    QHash<QString, QList<QJsonObject>> m_dispatches; // workflow file → inputs
    QHash<qint64, int> m_polls;                      // run id → polls so far
    bool m_dispatchCreatesRun = true;
    QString m_autoConclusion;
    int m_autoPolls = 2;
    qint64 m_nextId = 1000;
};

} // namespace ReleaseDeck::Test
