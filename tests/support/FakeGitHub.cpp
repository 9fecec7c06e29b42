#include "FakeGitHub.h"

#include <QDateTime>
#include <QLocale>
#include <QMutexLocker>

namespace ReleaseDeck::Test {

struct FakeGitHub::State
{
    QMutex mutex;
    bool canPush = true;
    QByteArray tokenExpiration;
    bool dispatchCreatesRun = true;
    QHash<QString, QString> commits;        // ref or sha → commit sha
    QHash<QString, QJsonObject> refs;       // "heads/main" → {ref, object{sha,type}}
    QHash<QString, QJsonObject> tagObjects; // tag object sha → {sha, tag, message, object}
    QHash<QString, QJsonObject> releases;   // tag → release
    QJsonArray workflows;
    QHash<QString, QJsonArray> runs; // workflow file → runs
    qint64 nextId = 1000;
};

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

QString isoSeconds(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

} // namespace

FakeGitHub::FakeGitHub(const QString& apiPrefix, const QSslConfiguration& tls)
    : m_server(tls)
    , m_apiPrefix(apiPrefix)
    , m_state(std::make_shared<State>())
{
    for (const QByteArray& method : {QByteArray("GET"), QByteArray("POST")})
        m_server.onRequest(method, repoPath(QStringLiteral("*")),
                           [this](const RecordedRequest& request) { return answer(request); });
    m_server.onRequest("GET", repoPath(),
                       [this](const RecordedRequest& request) { return answer(request); });
}

QString FakeGitHub::repoPath(const QString& suffix) const
{
    return m_apiPrefix + QStringLiteral("/repos/") + owner() + QLatin1Char('/') + repo() + suffix;
}

QJsonObject FakeGitHub::config() const
{
    return {{QStringLiteral("owner"), owner()},
            {QStringLiteral("repo"), repo()},
            {QStringLiteral("apiUrl"), apiUrl().toString()}};
}

void FakeGitHub::setPushPermission(bool canPush)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->canPush = canPush;
}

void FakeGitHub::setTokenExpiration(const QByteArray& header)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->tokenExpiration = header;
}

void FakeGitHub::addCommit(const QString& ref, const QString& sha)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->commits.insert(ref, sha);
    m_state->commits.insert(sha, sha);
}

void FakeGitHub::setBranch(const QString& name, const QString& sha)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->commits.insert(name, sha);
    m_state->commits.insert(sha, sha);
    m_state->refs.insert(QString(QStringLiteral("heads/") + name),
                         {{QStringLiteral("ref"), QString(QStringLiteral("refs/heads/") + name)},
                          {QStringLiteral("object"),
                           QJsonObject{{QStringLiteral("sha"), sha},
                                       {QStringLiteral("type"), QStringLiteral("commit")}}}});
}

void FakeGitHub::addWorkflow(qint64 id, const QString& name, const QString& path)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->workflows.append(QJsonObject{{QStringLiteral("id"), id},
                                          {QStringLiteral("name"), name},
                                          {QStringLiteral("path"), path},
                                          {QStringLiteral("state"), QStringLiteral("active")}});
}

void FakeGitHub::addRun(const QString& workflowFile, const QJsonObject& run)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->runs[workflowFile].append(run);
}

void FakeGitHub::setRunStatus(qint64 runId, const QString& status, const QString& conclusion)
{
    QMutexLocker lock(&m_state->mutex);
    for (auto it = m_state->runs.begin(); it != m_state->runs.end(); ++it) {
        QJsonArray runs = it.value();
        for (qsizetype i = 0; i < runs.size(); ++i) {
            QJsonObject run = runs[i].toObject();
            if (run.value(QStringLiteral("id")).toInteger() != runId)
                continue;
            run.insert(QStringLiteral("status"), status);
            run.insert(QStringLiteral("conclusion"),
                       conclusion.isEmpty() ? QJsonValue() : QJsonValue(conclusion));
            runs[i] = run;
        }
        it.value() = runs;
    }
}

void FakeGitHub::setDispatchCreatesRun(bool creates)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->dispatchCreatesRun = creates;
}

int FakeGitHub::count(const QByteArray& method, const QString& suffix) const
{
    return int(requests(method, suffix).size());
}

QList<RecordedRequest> FakeGitHub::requests(const QByteArray& method, const QString& suffix) const
{
    return m_server.requests(method, repoPath(suffix));
}

FakeResponse FakeGitHub::answer(const RecordedRequest& request)
{
    QMutexLocker lock(&m_state->mutex);
    State& state = *m_state;
    const QString path = request.path.mid(repoPath().size());
    const QJsonObject body = request.json().object();
    const auto segmentAfter = [&path](const QString& prefix) {
        return path.mid(prefix.size());
    };

    FakeResponse response = notFound();
    if (request.method == "GET" && path.isEmpty()) {
        response = json(
            200,
            {{QStringLiteral("full_name"), QString(owner() + QLatin1Char('/') + repo())},
             {QStringLiteral("default_branch"), QStringLiteral("main")},
             {QStringLiteral("html_url"), QStringLiteral("https://github.example.test/octo/app")},
             {QStringLiteral("permissions"), QJsonObject{{QStringLiteral("admin"), false},
                                                         {QStringLiteral("push"), state.canPush},
                                                         {QStringLiteral("pull"), true}}}});
    } else if (request.method == "GET" && path.startsWith(QStringLiteral("/commits/"))) {
        const QString ref = segmentAfter(QStringLiteral("/commits/"));
        if (state.commits.contains(ref))
            response = json(200, {{QStringLiteral("sha"), state.commits.value(ref)}});
        else
            response = json(422, {{QStringLiteral("message"),
                                   QString(QStringLiteral("No commit found for SHA: ") + ref)}});
    } else if (request.method == "GET" && path.startsWith(QStringLiteral("/git/ref/"))) {
        const QString ref = segmentAfter(QStringLiteral("/git/ref/"));
        if (state.refs.contains(ref))
            response = json(200, state.refs.value(ref));
    } else if (request.method == "POST" && path == QLatin1String("/git/refs")) {
        const QString ref = body.value(QStringLiteral("ref")).toString().mid(5); // "refs/"
        const QString sha = body.value(QStringLiteral("sha")).toString();
        if (state.refs.contains(ref)) {
            response = json(
                422, {{QStringLiteral("message"), QStringLiteral("Reference already exists")}});
        } else {
            const QString type =
                state.tagObjects.contains(sha) ? QStringLiteral("tag") : QStringLiteral("commit");
            const QJsonObject created{
                {QStringLiteral("ref"), QString(QStringLiteral("refs/") + ref)},
                {QStringLiteral("object"),
                 QJsonObject{{QStringLiteral("sha"), sha}, {QStringLiteral("type"), type}}}};
            state.refs.insert(ref, created);
            response = json(201, created);
        }
    } else if (request.method == "POST" && path == QLatin1String("/git/tags")) {
        const QString sha = QStringLiteral("%1").arg(++state.nextId, 40, 10, QLatin1Char('7'));
        const QJsonObject tag{
            {QStringLiteral("sha"), sha},
            {QStringLiteral("tag"), body.value(QStringLiteral("tag"))},
            {QStringLiteral("message"), body.value(QStringLiteral("message"))},
            {QStringLiteral("object"),
             QJsonObject{{QStringLiteral("sha"), body.value(QStringLiteral("object"))},
                         {QStringLiteral("type"), QStringLiteral("commit")}}}};
        state.tagObjects.insert(sha, tag);
        response = json(201, tag);
    } else if (request.method == "GET" && path.startsWith(QStringLiteral("/git/tags/"))) {
        const QString sha = segmentAfter(QStringLiteral("/git/tags/"));
        if (state.tagObjects.contains(sha))
            response = json(200, state.tagObjects.value(sha));
    } else if (request.method == "GET" && path.startsWith(QStringLiteral("/releases/tags/"))) {
        const QString tag = segmentAfter(QStringLiteral("/releases/tags/"));
        if (state.releases.contains(tag))
            response = json(200, state.releases.value(tag));
    } else if (request.method == "POST" && path == QLatin1String("/releases")) {
        const QString tag = body.value(QStringLiteral("tag_name")).toString();
        if (state.releases.contains(tag)) {
            response = json(
                422,
                {{QStringLiteral("message"), QStringLiteral("Validation Failed")},
                 {QStringLiteral("errors"),
                  QJsonArray{QJsonObject{{QStringLiteral("resource"), QStringLiteral("Release")},
                                         {QStringLiteral("code"), QStringLiteral("already_exists")},
                                         {QStringLiteral("field"), QStringLiteral("tag_name")}}}}});
        } else {
            const qint64 id = ++state.nextId;
            const QJsonObject release{
                {QStringLiteral("id"), id},
                {QStringLiteral("tag_name"), tag},
                {QStringLiteral("name"), body.value(QStringLiteral("name"))},
                {QStringLiteral("body"), body.value(QStringLiteral("body"))},
                {QStringLiteral("html_url"),
                 QString(QStringLiteral("https://github.example.test/octo/app/releases/tag/") +
                         tag)}};
            state.releases.insert(tag, release);
            response = json(201, release);
        }
    } else if (request.method == "GET" && path == QLatin1String("/actions/workflows")) {
        response = json(200, {{QStringLiteral("total_count"), state.workflows.size()},
                              {QStringLiteral("workflows"), state.workflows}});
    } else if (request.method == "POST" && path.startsWith(QStringLiteral("/actions/workflows/")) &&
               path.endsWith(QStringLiteral("/dispatches"))) {
        const QString file = path.section(QLatin1Char('/'), 3, 3);
        const bool known = std::any_of(state.workflows.begin(), state.workflows.end(),
                                       [&file](const QJsonValue& workflow) {
                                           return workflow.toObject()
                                               .value(QStringLiteral("path"))
                                               .toString()
                                               .endsWith(QLatin1Char('/') + file);
                                       });
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (known) {
            if (state.dispatchCreatesRun) {
                const qint64 id = ++state.nextId;
                state.runs[file].append(QJsonObject{
                    {QStringLiteral("id"), id},
                    {QStringLiteral("run_number"), id - 1000},
                    {QStringLiteral("event"), QStringLiteral("workflow_dispatch")},
                    {QStringLiteral("head_branch"), body.value(QStringLiteral("ref"))},
                    {QStringLiteral("status"), QStringLiteral("queued")},
                    {QStringLiteral("conclusion"), QJsonValue()},
                    {QStringLiteral("created_at"), isoSeconds(now)},
                    {QStringLiteral("html_url"),
                     QStringLiteral("https://github.example.test/octo/app/actions/runs/%1")
                         .arg(id)}});
            }
            response = FakeResponse::empty(204);
            response.withHeader("Date", QLocale::c()
                                            .toString(now, QStringLiteral("ddd, dd MMM yyyy "
                                                                          "HH:mm:ss 'GMT'"))
                                            .toLatin1());
        }
    } else if (request.method == "GET" && path.startsWith(QStringLiteral("/actions/workflows/")) &&
               path.endsWith(QStringLiteral("/runs"))) {
        const QString file = path.section(QLatin1Char('/'), 3, 3);
        const QJsonArray runs = state.runs.value(file);
        response = json(200, {{QStringLiteral("total_count"), runs.size()},
                              {QStringLiteral("workflow_runs"), runs}});
    } else if (request.method == "GET" && path.startsWith(QStringLiteral("/actions/runs/"))) {
        const qint64 id = segmentAfter(QStringLiteral("/actions/runs/")).toLongLong();
        for (const QJsonArray& runs : std::as_const(state.runs)) {
            for (const QJsonValue& run : runs) {
                if (run.toObject().value(QStringLiteral("id")).toInteger() == id)
                    response = json(200, run.toObject());
            }
        }
    }
    if (!state.tokenExpiration.isEmpty())
        response.withHeader("github-authentication-token-expiration", state.tokenExpiration);
    return response;
}

} // namespace ReleaseDeck::Test
