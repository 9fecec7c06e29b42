#include "FakeGitHubActions.h"

#include "FakeGitHubPage.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QLocale>
#include <QMutexLocker>

namespace ReleaseDeck::Test {

namespace {

FakeResponse json(int status, const QJsonObject& body)
{
    return FakeResponse::json(status, QJsonDocument(body));
}

FakeResponse notFound()
{
    return json(404, {{QStringLiteral("message"), QStringLiteral("Not Found")},
                      {QStringLiteral("documentation_url"),
                       QStringLiteral("https://docs.github.com/rest")}});
}

QDateTime githubTime(const QJsonValue& value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODate).toUTC();
}

// GitHub's `created` filter: ">=T", ">T", "<=T", "<T" or "A..B".
bool createdMatches(const QString& filter, const QDateTime& created)
{
    if (filter.isEmpty())
        return true;
    const qsizetype range = filter.indexOf(QStringLiteral(".."));
    if (range > 0)
        return created >= githubTime(filter.left(range)) &&
               created <= githubTime(filter.mid(range + 2));
    if (filter.startsWith(QStringLiteral(">=")))
        return created >= githubTime(filter.mid(2));
    if (filter.startsWith(QStringLiteral("<=")))
        return created <= githubTime(filter.mid(2));
    if (filter.startsWith(QLatin1Char('>')))
        return created > githubTime(filter.mid(1));
    if (filter.startsWith(QLatin1Char('<')))
        return created < githubTime(filter.mid(1));
    return created.date() == QDate::fromString(filter, Qt::ISODate);
}

// GitHub's `status` filter takes a status or a conclusion.
bool statusMatches(const QString& filter, const QJsonObject& run)
{
    return filter.isEmpty() || run.value(QStringLiteral("status")).toString() == filter ||
           run.value(QStringLiteral("conclusion")).toString() == filter;
}

void complete(QJsonObject& run, const QString& conclusion)
{
    run.insert(QStringLiteral("status"), QStringLiteral("completed"));
    run.insert(QStringLiteral("conclusion"), conclusion);
    run.insert(QStringLiteral("updated_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
}

} // namespace

void FakeGitHubActions::addWorkflow(qint64 id, const QString& name, const QString& path)
{
    QMutexLocker lock(&m_mutex);
    m_workflows.append(QJsonObject{{QStringLiteral("id"), id},
                                   {QStringLiteral("name"), name},
                                   {QStringLiteral("path"), path},
                                   {QStringLiteral("state"), QStringLiteral("active")}});
}

void FakeGitHubActions::declareInputs(const QString& workflowFile, const QStringList& inputs)
{
    QMutexLocker lock(&m_mutex);
    m_declaredInputs.insert(workflowFile, inputs);
}

void FakeGitHubActions::addRun(const QString& workflowFile, const QJsonObject& run)
{
    QMutexLocker lock(&m_mutex);
    m_runs[workflowFile].append(run);
}

void FakeGitHubActions::setRunStatus(qint64 runId, const QString& status, const QString& conclusion)
{
    QMutexLocker lock(&m_mutex);
    for (QJsonArray& runs : m_runs) {
        for (qsizetype i = 0; i < runs.size(); ++i) {
            QJsonObject run = runs[i].toObject();
            if (run.value(QStringLiteral("id")).toInteger() != runId)
                continue;
            run.insert(QStringLiteral("status"), status);
            run.insert(QStringLiteral("conclusion"),
                       conclusion.isEmpty() ? QJsonValue() : QJsonValue(conclusion));
            runs[i] = run;
        }
    }
}

void FakeGitHubActions::setDispatchCreatesRun(bool creates)
{
    QMutexLocker lock(&m_mutex);
    m_dispatchCreatesRun = creates;
}

int FakeGitHubActions::completeRuns(const QString& conclusion, const QString& workflowFile)
{
    QMutexLocker lock(&m_mutex);
    int completed = 0;
    for (auto it = m_runs.begin(); it != m_runs.end(); ++it) {
        if (!workflowFile.isEmpty() && it.key() != workflowFile)
            continue;
        for (qsizetype i = 0; i < it->size(); ++i) {
            QJsonObject run = it->at(i).toObject();
            if (run.value(QStringLiteral("status")).toString() == QLatin1String("completed"))
                continue;
            complete(run, conclusion);
            (*it)[i] = run;
            ++completed;
        }
    }
    return completed;
}

void FakeGitHubActions::autoComplete(const QString& conclusion, int afterPolls)
{
    QMutexLocker lock(&m_mutex);
    m_autoConclusion = conclusion;
    m_autoPolls = std::max(1, afterPolls);
}

int FakeGitHubActions::dispatches(const QString& workflowFile) const
{
    QMutexLocker lock(&m_mutex);
    if (!workflowFile.isEmpty())
        return int(m_dispatches.value(workflowFile).size());
    int all = 0;
    for (const QList<QJsonObject>& inputs : m_dispatches)
        all += int(inputs.size());
    return all;
}

QList<QJsonObject> FakeGitHubActions::dispatchedInputs(const QString& workflowFile) const
{
    QMutexLocker lock(&m_mutex);
    return m_dispatches.value(workflowFile);
}

QJsonArray FakeGitHubActions::runs(const QString& workflowFile) const
{
    QMutexLocker lock(&m_mutex);
    return m_runs.value(workflowFile);
}

std::optional<QString> FakeGitHubActions::workflowFileOf(const QString& segment) const
{
    for (const QJsonValue& value : m_workflows) {
        const QJsonObject workflow = value.toObject();
        const QString path = workflow.value(QStringLiteral("path")).toString();
        if (path.endsWith(QLatin1Char('/') + segment) ||
            QString::number(workflow.value(QStringLiteral("id")).toInteger()) == segment)
            return path.section(QLatin1Char('/'), -1);
    }
    return std::nullopt;
}

FakeResponse FakeGitHubActions::answer(const RecordedRequest& request, const QString& path,
                                       const QUrl& server)
{
    QMutexLocker lock(&m_mutex);
    const QString segment = path.section(QLatin1Char('/'), 3, 3);
    if (request.method == "GET" && path == QLatin1String("/actions/workflows"))
        return json(200, {{QStringLiteral("total_count"), m_workflows.size()},
                          {QStringLiteral("workflows"), m_workflows}});
    if (request.method == "GET" && path.startsWith(QStringLiteral("/actions/runs/")))
        return pollRun(segment.toLongLong());
    if (!path.startsWith(QStringLiteral("/actions/workflows/")))
        return notFound();
    const std::optional<QString> file = workflowFileOf(segment);
    if (!file)
        return notFound();
    if (request.method == "POST" && path.endsWith(QStringLiteral("/dispatches")))
        return dispatch(*file, request.json().object());
    if (request.method == "GET" && path.endsWith(QStringLiteral("/runs")))
        return listRuns(*file, request, server);
    return notFound();
}

FakeResponse FakeGitHubActions::dispatch(const QString& file, const QJsonObject& body)
{
    const QString ref = body.value(QStringLiteral("ref")).toString();
    if (ref.isEmpty())
        return json(422, {{QStringLiteral("message"),
                           QStringLiteral("Invalid request.\n\n\"ref\" wasn't supplied.")}});
    const QJsonObject inputs = body.value(QStringLiteral("inputs")).toObject();
    if (m_declaredInputs.contains(file)) {
        QStringList unexpected;
        for (const QString& name : inputs.keys()) {
            if (!m_declaredInputs.value(file).contains(name))
                unexpected << QLatin1Char('"') + name + QLatin1Char('"');
        }
        if (!unexpected.isEmpty())
            return json(422, {{QStringLiteral("message"),
                               QStringLiteral("Unexpected inputs provided: [%1]")
                                   .arg(unexpected.join(QStringLiteral(", ")))}});
    }
    m_dispatches[file].append(inputs);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_dispatchCreatesRun) {
        QString name = file;
        for (const QJsonValue& workflow : std::as_const(m_workflows)) {
            if (workflow.toObject()
                    .value(QStringLiteral("path"))
                    .toString()
                    .endsWith(QLatin1Char('/') + file))
                name = workflow.toObject().value(QStringLiteral("name")).toString();
        }
        const QString marker = inputs.value(QStringLiteral("release_deck_task")).toString();
        const qint64 id = ++m_nextId;
        m_runs[file].append(QJsonObject{
            {QStringLiteral("id"), id},
            {QStringLiteral("name"), name},
            {QStringLiteral("display_title"), marker.isEmpty() ? name : marker},
            {QStringLiteral("run_number"), m_runs.value(file).size() + 1},
            {QStringLiteral("run_attempt"), 1},
            {QStringLiteral("event"), QStringLiteral("workflow_dispatch")},
            {QStringLiteral("head_branch"), ref},
            {QStringLiteral("path"), QString(QStringLiteral(".github/workflows/") + file)},
            {QStringLiteral("status"), QStringLiteral("queued")},
            {QStringLiteral("conclusion"), QJsonValue()},
            {QStringLiteral("created_at"), now.toString(Qt::ISODate)},
            {QStringLiteral("updated_at"), now.toString(Qt::ISODate)},
            {QStringLiteral("html_url"),
             QStringLiteral("https://github.example.test/octo/app/actions/runs/%1").arg(id)}});
    }
    FakeResponse response = FakeResponse::empty(204);
    response.withHeader(
        "Date",
        QLocale::c().toString(now, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1());
    return response;
}

FakeResponse FakeGitHubActions::listRuns(const QString& file, const RecordedRequest& request,
                                         const QUrl& server)
{
    const auto value = [&request](const char* name) {
        return request.query.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
    };
    QJsonArray matching;
    const QJsonArray runs = m_runs.value(file);
    for (qsizetype i = runs.size() - 1; i >= 0; --i) { // newest first
        const QJsonObject run = runs[i].toObject();
        if ((value("event").isEmpty() ||
             run.value(QStringLiteral("event")).toString() == value("event")) &&
            (value("branch").isEmpty() ||
             run.value(QStringLiteral("head_branch")).toString() == value("branch")) &&
            statusMatches(value("status"), run) &&
            createdMatches(value("created"), githubTime(run.value(QStringLiteral("created_at")))))
            matching.append(run);
    }
    const FakeGitHubPage page = FakeGitHubPage::of(matching, request, server);
    FakeResponse response = json(200, {{QStringLiteral("total_count"), matching.size()},
                                       {QStringLiteral("workflow_runs"), page.items}});
    if (!page.link.isEmpty())
        response.withHeader("Link", page.link);
    return response;
}

FakeResponse FakeGitHubActions::pollRun(qint64 id)
{
    for (QJsonArray& runs : m_runs) {
        for (qsizetype i = 0; i < runs.size(); ++i) {
            QJsonObject run = runs[i].toObject();
            if (run.value(QStringLiteral("id")).toInteger() != id)
                continue;
            const int polls = ++m_polls[id];
            const bool done =
                run.value(QStringLiteral("status")).toString() == QLatin1String("completed");
            if (!m_autoConclusion.isEmpty() && !done) {
                if (polls >= m_autoPolls)
                    complete(run, m_autoConclusion);
                else
                    run.insert(QStringLiteral("status"), QStringLiteral("in_progress"));
                runs[i] = run;
            }
            return json(200, run);
        }
    }
    return notFound();
}

} // namespace ReleaseDeck::Test
