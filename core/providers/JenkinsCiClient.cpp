#include "JenkinsCiClient.h"

#include "ProviderConfig.h"

namespace ReleaseDeck {

namespace {

const QString Service = QStringLiteral("Jenkins");

bool sameServer(const QUrl& a, const QUrl& b)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && a.port() == b.port();
}

// The build parameter that carries a run's marker.
QString markerParameter()
{
    return CiClient::markerInput().toUpper();
}

// Whether a build or queue item (with its actions[parameters]) carries marker.
bool carriesMarker(const QJsonObject& run, const QString& marker)
{
    for (const QJsonValue& action : run.value(QStringLiteral("actions")).toArray()) {
        for (const QJsonValue& parameter :
             action.toObject().value(QStringLiteral("parameters")).toArray()) {
            const QJsonObject pair = parameter.toObject();
            if (pair.value(QStringLiteral("name")).toString() == markerParameter())
                return pair.value(QStringLiteral("value")).toVariant().toString() == marker;
        }
    }
    return false;
}

} // namespace

QList<ProviderField> JenkinsTarget::fields()
{
    return {ProviderField(QStringLiteral("url"), FieldKind::Url,
                          QT_TRANSLATE_NOOP("ProviderField", "Jenkins address"),
                          QT_TRANSLATE_NOOP("ProviderField", "the Jenkins address"))
                .example(QT_TRANSLATE_NOOP("ProviderField", "https://ci.example.com"))
                .value(QStringLiteral("URL")),
            ProviderField(QStringLiteral("user"), FieldKind::UserName,
                          QT_TRANSLATE_NOOP("ProviderField", "User"),
                          QT_TRANSLATE_NOOP("ProviderField", "the Jenkins user"))
                .example(QT_TRANSLATE_NOOP("ProviderField", "release-bot"))
                .value(QStringLiteral("NAME")),
            ProviderField(QStringLiteral("jobs"), FieldKind::JobPath,
                          QT_TRANSLATE_NOOP("ProviderField", "Job per purpose"),
                          QT_TRANSLATE_NOOP("ProviderField", "the job"))
                .perPurpose(QStringLiteral("job"))
                .neededBeforeSaving()
                .value(QStringLiteral("NAME"))};
}

Result<JenkinsTarget> JenkinsTarget::fromConfig(const QJsonObject& config)
{
    if (Status checked = ProviderField::checkConfig(fields(), config, false); !checked)
        return checked.error();
    JenkinsTarget target;
    target.url = ProviderConfig::url(config, QStringLiteral("url"));
    target.user = ProviderConfig::text(config, QStringLiteral("user"));
    const QString refParameter = ProviderConfig::text(config, QStringLiteral("refParameter"));
    if (!refParameter.isEmpty())
        target.refParameter = refParameter;
    target.caBundle = config.value(QStringLiteral("caBundle")).toString();
    const QJsonObject jobs = config.value(QStringLiteral("jobs")).toObject();
    for (auto it = jobs.begin(); it != jobs.end(); ++it)
        target.jobs.insert(it.key(), it.value().toString().trimmed());
    return target;
}

JenkinsCiClient::JenkinsCiClient(const JenkinsTarget& target, const QString& token,
                                 const HttpClient& http)
    : m_target(target)
    , m_api(target.url, HttpAuth::basic(target.user, token), Service, http, target.caBundle)
{}

ProviderInfo JenkinsCiClient::provider()
{
    ProviderInfo info;
    info.id = QStringLiteral("jenkins");
    info.category = ConnectionCategory::Ci;
    info.displayName = QString::fromUtf8(QT_TRANSLATE_NOOP("ProviderRegistry", "Jenkins"));
    info.fields = JenkinsTarget::fields();
    info.createCi = [](const Connection& connection, const QString& token, const HttpClient& http,
                       Database*) -> std::unique_ptr<CiClient> {
        return std::make_unique<JenkinsCiClient>(
            JenkinsTarget::fromConfig(connection.config).value(), token, http);
    };
    return info;
}

QString JenkinsCiClient::jobPath(const QString& job)
{
    QStringList segments;
    for (const QString& part : job.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        segments << QStringLiteral("job") << part;
    return RestEndpoint::path(segments);
}

QString JenkinsCiClient::jobName(const QString& workflowOrPurpose) const
{
    const QString configured = m_target.jobs.value(workflowOrPurpose).toString();
    return configured.isEmpty() ? workflowOrPurpose : configured;
}

Result<bool> JenkinsCiClient::jobExists(const QString& job)
{
    auto answer =
        m_api.send(m_api.get(jobPath(job) + QStringLiteral("/api/json"),
                             QUrlQuery{{QStringLiteral("tree"), QStringLiteral("name,url")}}));
    if (answer)
        return true;
    if (RestEndpoint::isNotFound(answer.error()))
        return false;
    return answer.error();
}

Result<VerificationReport> JenkinsCiClient::verify()
{
    auto me = m_api.sendForObject(m_api.get(QStringLiteral("/me/api/json")));
    if (!me)
        return me.error();
    const QString id = me->value(QStringLiteral("id")).toString();
    if (id.isEmpty() || id == QLatin1String("anonymous"))
        return Error{ErrorKind::Unauthorized,
                     QStringLiteral("Jenkins treated the request as anonymous; check the user "
                                    "name and API token."),
                     {}};
    QStringList missing;
    QStringList found;
    for (auto it = m_target.jobs.begin(); it != m_target.jobs.end(); ++it) {
        auto exists = jobExists(it.value().toString());
        if (!exists)
            return exists.error();
        (*exists ? found : missing) << it.value().toString();
    }
    if (!missing.isEmpty())
        return Error::notFound(
            QStringLiteral("Jenkins has no job %1 that %2 can see; check the job's full name "
                           "(folder/job).")
                .arg(missing.join(QStringLiteral(", ")), id));
    VerificationReport report;
    report.summary = QStringLiteral("Signed in to Jenkins at %1 as %2; jobs %3 exist.")
                         .arg(m_target.url.host(), id, found.join(QStringLiteral(", ")));
    report.details = {{QStringLiteral("url"), m_target.url.toString()},
                      {QStringLiteral("user"), id},
                      {QStringLiteral("jobs"), QJsonArray::fromStringList(found)}};
    return report;
}

Result<QList<CiWorkflow>> JenkinsCiClient::listWorkflows()
{
    auto root = m_api.sendForObject(
        m_api.get(QStringLiteral("/api/json"),
                  QUrlQuery{{QStringLiteral("tree"), QStringLiteral("jobs[name,fullName,url]")}}));
    if (!root)
        return root.error();
    QList<CiWorkflow> workflows;
    for (const QJsonValue& item : root->value(QStringLiteral("jobs")).toArray()) {
        const QJsonObject job = item.toObject();
        QString fullName = job.value(QStringLiteral("fullName")).toString();
        if (fullName.isEmpty())
            fullName = job.value(QStringLiteral("name")).toString();
        workflows.append({fullName, job.value(QStringLiteral("name")).toString(), fullName});
    }
    return workflows;
}

Result<std::optional<std::pair<QByteArray, QByteArray>>> JenkinsCiClient::crumb()
{
    using Crumb = std::optional<std::pair<QByteArray, QByteArray>>;
    if (m_crumb)
        return *m_crumb;
    auto answer = m_api.sendForObject(m_api.get(QStringLiteral("/crumbIssuer/api/json")));
    if (!answer) {
        // No crumb issuer: CSRF protection is off or the controller exempts API tokens.
        if (RestEndpoint::isNotFound(answer.error())) {
            m_crumb = Crumb();
            return Crumb();
        }
        return answer.error();
    }
    m_crumb =
        Crumb(std::pair(answer->value(QStringLiteral("crumbRequestField")).toString().toUtf8(),
                        answer->value(QStringLiteral("crumb")).toString().toUtf8()));
    return *m_crumb;
}

Result<HttpResponse> JenkinsCiClient::sendWithCrumb(HttpRequest request)
{
    auto csrf = crumb();
    if (!csrf)
        return csrf.error();
    if (*csrf)
        request.setHeader((*csrf)->first, (*csrf)->second);
    auto answer = m_api.send(request);
    if (answer || answer.error().kind != ErrorKind::Forbidden || !*csrf)
        return answer;
    // A crumb outlives neither a restart nor its session: Jenkins refused the request
    // before queuing anything, so asking once more with a fresh crumb is safe.
    m_crumb.reset();
    csrf = crumb();
    if (!csrf)
        return csrf.error();
    if (*csrf)
        request.setHeader((*csrf)->first, (*csrf)->second);
    return m_api.send(request);
}

Result<CiRunHandle> JenkinsCiClient::trigger(const QString& workflow, const QString& ref,
                                             const QJsonObject& inputs)
{
    const QString job = jobName(workflow);
    QUrlQuery parameters;
    for (auto it = inputs.begin(); it != inputs.end(); ++it)
        parameters.addQueryItem(it.key().toUpper(), it.value().toVariant().toString());
    if (!ref.isEmpty() && !parameters.hasQueryItem(m_target.refParameter))
        parameters.addQueryItem(m_target.refParameter, ref);

    HttpRequest request =
        m_api.form("POST",
                   jobPath(job) + (parameters.isEmpty() ? QStringLiteral("/build")
                                                        : QStringLiteral("/buildWithParameters")),
                   parameters);
    // A trigger sent twice starts two builds.
    request.retry = false;
    auto answer = sendWithCrumb(request);
    if (!answer) {
        if (RestEndpoint::isNotFound(answer.error()))
            return Error::notFound(QStringLiteral("Jenkins has no job %1.").arg(job));
        return answer.error();
    }
    const QUrl location =
        answer->url.resolved(QUrl(QString::fromLatin1(answer->header("Location"))));
    if (answer->header("Location").isEmpty() ||
        !location.path().contains(QStringLiteral("/queue/item/")))
        return Error{ErrorKind::Validation,
                     QStringLiteral("Jenkins accepted the build of %1 but did not say which queue "
                                    "item it is; Jenkins 1.519 or later is needed.")
                         .arg(job),
                     {}};
    CiRunHandle handle;
    handle.workflow = job;
    handle.ref = ref;
    handle.triggeredAt = QDateTime::currentDateTimeUtc();
    handle.queueUrl = location.toString();
    handle.marker = inputs.value(markerInput()).toString();
    return handle;
}

Result<CiRunStatus> JenkinsCiClient::buildStatus(const QString& job, qint64 number)
{
    auto build = m_api.sendForObject(m_api.get(
        jobPath(job) + QLatin1Char('/') + QString::number(number) + QStringLiteral("/api/json"),
        QUrlQuery{{QStringLiteral("tree"), QStringLiteral("number,url,building,result")}}));
    if (!build)
        return build.error();
    CiRunStatus status;
    status.buildNumber = number;
    status.runId = QString::number(number);
    status.webUrl = QUrl(build->value(QStringLiteral("url")).toString());
    status.conclusion = build->value(QStringLiteral("result")).toString();
    if (build->value(QStringLiteral("building")).toBool())
        status.state = CiRunState::Running;
    else if (status.conclusion == QLatin1String("SUCCESS"))
        status.state = CiRunState::Succeeded;
    else if (status.conclusion == QLatin1String("ABORTED") ||
             status.conclusion == QLatin1String("NOT_BUILT"))
        status.state = CiRunState::Cancelled;
    else if (status.conclusion.isEmpty())
        status.state = CiRunState::Pending;
    else
        status.state = CiRunState::Failed;
    return status;
}

Result<CiRunStatus> JenkinsCiClient::runStatus(const CiRunHandle& handle)
{
    if (handle.buildNumber > 0)
        return buildStatus(handle.workflow, handle.buildNumber);

    QUrl queue(handle.queueUrl);
    if (!queue.isValid() || !sameServer(queue, m_target.url))
        return Error{ErrorKind::Validation,
                     QStringLiteral("The Jenkins queue item %1 is not on %2; Release Deck did not "
                                    "send the token there.")
                         .arg(handle.queueUrl, m_target.url.host()),
                     {}};
    QString path = queue.path();
    if (!path.endsWith(QLatin1Char('/')))
        path += QLatin1Char('/');
    queue.setPath(path + QStringLiteral("api/json"));
    auto item = m_api.sendForObject(m_api.prepared(HttpRequest::get(queue)));
    if (!item) {
        if (RestEndpoint::isNotFound(item.error()) && !handle.marker.isEmpty()) {
            // Jenkins forgot the item once its build started; the marker finds the build.
            auto found = findRun(handle, handle.marker);
            if (!found)
                return found.error();
            if (found->has_value() && (*found)->buildNumber > 0)
                return buildStatus((*found)->workflow, (*found)->buildNumber);
        }
        if (RestEndpoint::isNotFound(item.error()))
            return Error::notFound(QStringLiteral("Jenkins no longer knows the queue item of %1 "
                                                  "(Jenkins forgets them a few minutes after the "
                                                  "build starts); look for the build in Jenkins.")
                                       .arg(handle.workflow));
        return item.error();
    }
    if (item->value(QStringLiteral("cancelled")).toBool()) {
        CiRunStatus status;
        status.state = CiRunState::Cancelled;
        status.conclusion = QStringLiteral("cancelled");
        return status;
    }
    const QJsonObject executable = item->value(QStringLiteral("executable")).toObject();
    const qint64 number = executable.value(QStringLiteral("number")).toInteger();
    if (number <= 0) {
        CiRunStatus status;
        status.state = CiRunState::Pending;
        status.conclusion = item->value(QStringLiteral("why")).toString();
        return status;
    }
    return buildStatus(handle.workflow, number);
}

Result<std::optional<qint64>> JenkinsCiClient::queuedItemWith(const QString& job,
                                                              const QString& marker)
{
    auto queue = m_api.sendForObject(m_api.get(
        QStringLiteral("/queue/api/json"),
        QUrlQuery{{QStringLiteral("tree"),
                   QStringLiteral("items[id,task[name,url],actions[parameters[name,value]]]")}}));
    if (!queue)
        return queue.error();
    QString jobSuffix;
    for (const QString& part : job.split(QLatin1Char('/'), Qt::SkipEmptyParts))
        jobSuffix += QStringLiteral("/job/") + part;
    jobSuffix += QLatin1Char('/');
    for (const QJsonValue& value : queue->value(QStringLiteral("items")).toArray()) {
        const QJsonObject item = value.toObject();
        const QUrl task(
            item.value(QStringLiteral("task")).toObject().value(QStringLiteral("url")).toString());
        if (task.path().endsWith(jobSuffix) && carriesMarker(item, marker))
            return std::optional<qint64>(item.value(QStringLiteral("id")).toInteger());
    }
    return std::optional<qint64>();
}

Result<std::optional<qint64>> JenkinsCiClient::buildWith(const QString& job, const QString& marker)
{
    auto builds = m_api.sendForObject(m_api.get(
        jobPath(job) + QStringLiteral("/api/json"),
        QUrlQuery{{QStringLiteral("tree"),
                   QStringLiteral("builds[number,url,building,result,actions[parameters[name,"
                                  "value]]]{0,50}")}}));
    if (!builds)
        return builds.error();
    std::optional<qint64> newest;
    for (const QJsonValue& value : builds->value(QStringLiteral("builds")).toArray()) {
        const QJsonObject build = value.toObject();
        const qint64 number = build.value(QStringLiteral("number")).toInteger();
        if (carriesMarker(build, marker) && (!newest || number > *newest))
            newest = number;
    }
    return newest;
}

Result<std::optional<CiRunHandle>> JenkinsCiClient::findRun(const CiRunHandle& intent,
                                                            const QString& marker)
{
    CiRunHandle handle = intent;
    handle.workflow = jobName(intent.workflow);
    handle.marker = marker;
    auto queued = queuedItemWith(handle.workflow, marker);
    if (!queued)
        return queued.error();
    if (queued->has_value()) {
        handle.queueUrl = m_api.url(QStringLiteral("/queue/item/%1/").arg(**queued)).toString();
        return std::optional<CiRunHandle>(handle);
    }
    auto built = buildWith(handle.workflow, marker);
    if (!built) {
        if (RestEndpoint::isNotFound(built.error()))
            return Error::notFound(QStringLiteral("Jenkins has no job %1.").arg(handle.workflow));
        return built.error();
    }
    if (!built->has_value())
        return std::optional<CiRunHandle>();
    handle.queueUrl.clear();
    handle.buildNumber = **built;
    handle.runId = QString::number(**built);
    return std::optional<CiRunHandle>(handle);
}

} // namespace ReleaseDeck
