#include "FakeJenkins.h"

#include <QJsonArray>
#include <QMutexLocker>
#include <QUrlQuery>

namespace ReleaseDeck::Test {

namespace {

const QString Root = QStringLiteral("/jenkins");
const QByteArray Crumb = "5f3c0ffee0ddba11";

struct Build
{
    qint64 number = 0;
    bool building = true;
    QString result; // empty while building
    QList<QPair<QString, QString>> parameters;
    int polls = 0;
};

struct QueueItem
{
    qint64 id = 0;
    QString job;
    QList<QPair<QString, QString>> parameters;
    qint64 buildNumber = 0; // 0 while waiting
    bool forgotten = false;
};

struct Job
{
    QString fullName;
    QStringList parameters;
    QList<Build> builds;
    int triggered = 0;
};

FakeResponse json(int status, const QJsonObject& body)
{
    return FakeResponse::json(status, QJsonDocument(body));
}

FakeResponse page(int status, const QByteArray& title)
{
    FakeResponse response = FakeResponse::empty(status);
    response.body = "<html><head><title>Error " + QByteArray::number(status) + " " + title +
                    "</title></head><body><h2>HTTP ERROR " + QByteArray::number(status) +
                    "</h2><p>" + title + "</p></body></html>";
    response.withHeader("Content-Type", "text/html;charset=utf-8");
    return response;
}

QJsonArray parametersJson(const QList<QPair<QString, QString>>& parameters)
{
    QJsonArray list;
    for (const auto& [name, value] : parameters)
        list.append(QJsonObject{
            {QStringLiteral("_class"), QStringLiteral("hudson.model.StringParameterValue")},
            {QStringLiteral("name"), name},
            {QStringLiteral("value"), value}});
    return QJsonArray{
        QJsonObject{{QStringLiteral("_class"), QStringLiteral("hudson.model.ParametersAction")},
                    {QStringLiteral("parameters"), list}},
        QJsonObject{{QStringLiteral("_class"), QStringLiteral("hudson.model.CauseAction")}}};
}

// "/job/a/job/b/rest" → ("a/b", "rest"); none when the path names no job.
std::optional<QPair<QString, QString>> jobAndRest(const QString& path)
{
    QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    QStringList names;
    while (parts.size() >= 2 && parts.first() == QLatin1String("job")) {
        names << parts[1];
        parts = parts.mid(2);
    }
    if (names.isEmpty())
        return std::nullopt;
    return QPair<QString, QString>(names.join(QLatin1Char('/')), parts.join(QLatin1Char('/')));
}

} // namespace

struct FakeJenkins::State
{
    QMutex mutex;
    QString token;
    bool crumbRequired = true;
    QList<Job> jobs;
    QList<QueueItem> queue;
    qint64 nextItem = 100;
    QString autoResult;
    int autoPolls = 2;

    Job* find(const QString& fullName)
    {
        for (Job& job : jobs) {
            if (job.fullName == fullName)
                return &job;
        }
        return nullptr;
    }

    QString jobUrl(const QUrl& base, const QString& fullName) const
    {
        QString path = Root;
        for (const QString& part : fullName.split(QLatin1Char('/')))
            path += QStringLiteral("/job/") + part;
        QUrl url = base;
        url.setPath(path + QLatin1Char('/'));
        return url.toString();
    }

    void start(QueueItem& item)
    {
        Job* job = find(item.job);
        if (!job || item.buildNumber > 0)
            return;
        Build build;
        build.number = job->builds.size() + 1;
        build.parameters = item.parameters;
        job->builds.append(build);
        item.buildNumber = build.number;
    }

    QJsonObject buildJson(const Job& job, const Build& build, const QUrl& base) const
    {
        return {{QStringLiteral("_class"), QStringLiteral("hudson.model.FreeStyleBuild")},
                {QStringLiteral("number"), build.number},
                {QStringLiteral("url"), QString(jobUrl(base, job.fullName) +
                                                QString::number(build.number) + QLatin1Char('/'))},
                {QStringLiteral("building"), build.building},
                {QStringLiteral("result"),
                 build.result.isEmpty() ? QJsonValue() : QJsonValue(build.result)},
                {QStringLiteral("actions"), parametersJson(build.parameters)}};
    }

    QJsonObject itemJson(const QueueItem& item, const QUrl& base) const
    {
        QJsonObject json{
            {QStringLiteral("id"), item.id},
            {QStringLiteral("url"), QStringLiteral("queue/item/%1/").arg(item.id)},
            {QStringLiteral("cancelled"), false},
            {QStringLiteral("task"),
             QJsonObject{{QStringLiteral("name"), item.job.section(QLatin1Char('/'), -1)},
                         {QStringLiteral("url"), jobUrl(base, item.job)}}},
            {QStringLiteral("actions"), parametersJson(item.parameters)}};
        if (item.buildNumber > 0)
            json.insert(
                QStringLiteral("executable"),
                QJsonObject{{QStringLiteral("number"), item.buildNumber},
                            {QStringLiteral("url"),
                             QString(jobUrl(base, item.job) + QString::number(item.buildNumber) +
                                     QLatin1Char('/'))}});
        else
            json.insert(QStringLiteral("why"), QStringLiteral("Waiting for next available "
                                                              "executor"));
        return json;
    }

    FakeResponse trigger(Job& job, const RecordedRequest& request, const QUrl& base);
    FakeResponse jobApi(Job& job, const QString& rest, const RecordedRequest& request,
                        const QUrl& base);
};

FakeResponse FakeJenkins::State::trigger(Job& job, const RecordedRequest& request, const QUrl& base)
{
    // A form body's '+' is a space; QUrlQuery reads only %XX escapes.
    QUrlQuery given(
        QString::fromUtf8(request.body).replace(QLatin1Char('+'), QStringLiteral("%20")));
    for (const auto& [name, value] : request.query.queryItems(QUrl::FullyDecoded))
        given.addQueryItem(name, value);
    QueueItem item;
    item.id = ++nextItem;
    item.job = job.fullName;
    // Jenkins keeps the parameters a job declares (others are dropped) and fills defaults.
    for (const QString& name : std::as_const(job.parameters))
        item.parameters.append({name, given.queryItemValue(name, QUrl::FullyDecoded)});
    queue.append(item);
    ++job.triggered;
    QUrl location = base;
    location.setPath(Root + QStringLiteral("/queue/item/%1/").arg(item.id));
    return FakeResponse::empty(201).withHeader("Location", location.toEncoded());
}

FakeResponse FakeJenkins::State::jobApi(Job& job, const QString& rest,
                                        const RecordedRequest& request, const QUrl& base)
{
    const QString tree = request.query.queryItemValue(QStringLiteral("tree"), QUrl::FullyDecoded);
    if (rest == QLatin1String("api/json")) {
        QJsonArray builds;
        for (qsizetype i = job.builds.size() - 1; i >= 0 && builds.size() < 50; --i)
            builds.append(buildJson(job, job.builds[i], base));
        QJsonObject body{
            {QStringLiteral("_class"), QStringLiteral("hudson.model.FreeStyleProject")},
            {QStringLiteral("name"), job.fullName.section(QLatin1Char('/'), -1)},
            {QStringLiteral("fullName"), job.fullName},
            {QStringLiteral("url"), jobUrl(base, job.fullName)}};
        if (tree.isEmpty() || tree.contains(QStringLiteral("builds")))
            body.insert(QStringLiteral("builds"), builds);
        return json(200, body);
    }
    const qint64 number = rest.section(QLatin1Char('/'), 0, 0).toLongLong();
    if (number <= 0 || number > job.builds.size() ||
        rest.section(QLatin1Char('/'), 1) != QLatin1String("api/json"))
        return page(404, "Not Found");
    Build& build = job.builds[number - 1];
    if (!autoResult.isEmpty() && build.building && ++build.polls >= autoPolls) {
        build.building = false;
        build.result = autoResult;
    }
    return json(200, buildJson(job, build, base));
}

FakeJenkins::FakeJenkins()
    : m_state(std::make_shared<State>())
{
    const QJsonObject jobs = purposeJobs();
    for (const QJsonValue& job : jobs)
        addJob(job.toString());
    for (const QByteArray& method : {QByteArray("GET"), QByteArray("POST")})
        m_server.onRequest(method, Root + QStringLiteral("/*"),
                           [this](const RecordedRequest& request) { return answer(request); });
}

QStringList FakeJenkins::releaseParameters()
{
    return {QStringLiteral("BRANCH"), QStringLiteral("RELEASE_DECK_TASK"),
            QStringLiteral("PLATFORM"), QStringLiteral("VERSION"), QStringLiteral("COMMIT")};
}

QJsonObject FakeJenkins::purposeJobs()
{
    return {{QStringLiteral("PRE_REGRESSION_BUILD"), QStringLiteral("mobile/pre-regression")},
            {QStringLiteral("REGRESSION_BUILD"), QStringLiteral("mobile/regression")},
            {QStringLiteral("AUTOMATION"), QStringLiteral("mobile/automation")},
            {QStringLiteral("TESTFLIGHT"), QStringLiteral("mobile/testflight")},
            {QStringLiteral("ANDROID_BUNDLE"), QStringLiteral("mobile/android-bundle")}};
}

QJsonObject FakeJenkins::config() const
{
    return {{QStringLiteral("url"), url().toString()},
            {QStringLiteral("user"), user()},
            {QStringLiteral("jobs"), purposeJobs()}};
}

void FakeJenkins::setToken(const QString& token)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->token = token;
}

void FakeJenkins::setCrumbRequired(bool required)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->crumbRequired = required;
}

void FakeJenkins::addJob(const QString& fullName, const QStringList& parameters)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->jobs.append({fullName, parameters, {}, 0});
}

int FakeJenkins::startQueuedBuilds()
{
    QMutexLocker lock(&m_state->mutex);
    int started = 0;
    for (QueueItem& item : m_state->queue) {
        if (item.buildNumber > 0)
            continue;
        m_state->start(item);
        ++started;
    }
    return started;
}

int FakeJenkins::finishBuilds(const QString& result, const QString& job)
{
    QMutexLocker lock(&m_state->mutex);
    int finished = 0;
    for (Job& each : m_state->jobs) {
        if (!job.isEmpty() && each.fullName != job)
            continue;
        for (Build& build : each.builds) {
            if (!build.building)
                continue;
            build.building = false;
            build.result = result;
            ++finished;
        }
    }
    return finished;
}

void FakeJenkins::autoComplete(const QString& result, int afterPolls)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->autoResult = result;
    m_state->autoPolls = std::max(1, afterPolls);
}

void FakeJenkins::forgetStartedQueueItems()
{
    QMutexLocker lock(&m_state->mutex);
    for (QueueItem& item : m_state->queue)
        item.forgotten = item.forgotten || item.buildNumber > 0;
}

int FakeJenkins::buildsTriggered(const QString& job) const
{
    QMutexLocker lock(&m_state->mutex);
    int count = 0;
    for (const Job& each : std::as_const(m_state->jobs)) {
        if (job.isEmpty() || each.fullName == job)
            count += each.triggered;
    }
    return count;
}

QList<QJsonObject> FakeJenkins::builds(const QString& job) const
{
    QMutexLocker lock(&m_state->mutex);
    QList<QJsonObject> result;
    if (Job* each = m_state->find(job)) {
        for (const Build& build : std::as_const(each->builds))
            result << m_state->buildJson(*each, build, m_server.url());
    }
    return result;
}

int FakeJenkins::queueLength() const
{
    QMutexLocker lock(&m_state->mutex);
    return int(std::count_if(m_state->queue.cbegin(), m_state->queue.cend(),
                             [](const QueueItem& item) { return item.buildNumber == 0; }));
}

QList<RecordedRequest> FakeJenkins::requests(const QByteArray& method, const QString& path) const
{
    return m_server.requests(method, Root + path);
}

FakeResponse FakeJenkins::answer(const RecordedRequest& request)
{
    QMutexLocker lock(&m_state->mutex);
    State& state = *m_state;
    const QUrl base = m_server.url();
    const QString path = request.path.mid(Root.size());
    if (!state.token.isEmpty() &&
        request.header("authorization") !=
            "Basic " + (user() + QLatin1Char(':') + state.token).toUtf8().toBase64())
        return page(401, "Unauthorized").withHeader("WWW-Authenticate", "Basic realm=\"Jenkins\"");
    if (path == QLatin1String("/crumbIssuer/api/json")) {
        if (!state.crumbRequired)
            return page(404, "Not Found");
        return json(200, {{QStringLiteral("crumb"), QString::fromLatin1(Crumb)},
                          {QStringLiteral("crumbRequestField"), QStringLiteral("Jenkins-Crumb")}});
    }
    if (request.method == "POST" && state.crumbRequired && request.header("jenkins-crumb") != Crumb)
        return page(403, "No valid crumb was included in the request");
    if (path == QLatin1String("/me/api/json"))
        return json(200, {{QStringLiteral("id"), user()},
                          {QStringLiteral("fullName"), QStringLiteral("Ada Lovelace")}});
    if (path == QLatin1String("/api/json")) {
        QJsonArray jobs;
        QStringList seen;
        for (const Job& job : std::as_const(state.jobs)) {
            const QString top = job.fullName.section(QLatin1Char('/'), 0, 0);
            if (seen.contains(top))
                continue;
            seen << top;
            jobs.append(QJsonObject{{QStringLiteral("name"), top},
                                    {QStringLiteral("fullName"), top},
                                    {QStringLiteral("url"), state.jobUrl(base, top)}});
        }
        return json(200, {{QStringLiteral("jobs"), jobs}});
    }
    if (path == QLatin1String("/queue/api/json")) {
        QJsonArray items;
        for (const QueueItem& item : std::as_const(state.queue)) {
            if (item.buildNumber == 0)
                items.append(state.itemJson(item, base));
        }
        return json(200, {{QStringLiteral("items"), items}});
    }
    if (path.startsWith(QStringLiteral("/queue/item/"))) {
        const qint64 id = path.section(QLatin1Char('/'), 3, 3).toLongLong();
        for (QueueItem& item : state.queue) {
            if (item.id != id || item.forgotten)
                continue;
            if (!state.autoResult.isEmpty())
                state.start(item);
            return json(200, state.itemJson(item, base));
        }
        return page(404, "Not Found");
    }
    const auto target = jobAndRest(path);
    Job* job = target ? state.find(target->first) : nullptr;
    if (!job)
        return page(404, "Not Found");
    if (request.method == "POST" && (target->second == QLatin1String("build") ||
                                     target->second == QLatin1String("buildWithParameters")))
        return state.trigger(*job, request, base);
    if (request.method == "GET")
        return state.jobApi(*job, target->second, request, base);
    return page(405, "Method Not Allowed");
}

} // namespace ReleaseDeck::Test
