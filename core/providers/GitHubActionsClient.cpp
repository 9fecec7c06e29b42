#include "GitHubActionsClient.h"

namespace ReleaseDeck {

namespace {

const QString WorkflowsKey = QStringLiteral("workflows");

// Runs created this long before an intent still count: GitHub's clock and ours differ.
constexpr qint64 ClockMarginSeconds = 120;

QDateTime githubTime(const QJsonValue& value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODate).toUTC();
}

} // namespace

GitHubActionsClient::GitHubActionsClient(GitHubTarget target, QJsonObject workflows,
                                         const QString& token, const HttpClient& http)
    : m_target(std::move(target))
    , m_api(m_target.endpoint(token, http))
    , m_workflows(std::move(workflows))
{}

ProviderInfo GitHubActionsClient::provider()
{
    ProviderInfo info;
    info.id = QStringLiteral("github-actions");
    info.category = ConnectionCategory::Ci;
    info.displayName = QString::fromUtf8(QT_TRANSLATE_NOOP("ProviderRegistry", "GitHub Actions"));
    info.fields = GitHubTarget::fields(false);
    info.fields << ProviderField(WorkflowsKey, FieldKind::Text,
                                 QT_TRANSLATE_NOOP("ProviderField", "Workflow per purpose"),
                                 QT_TRANSLATE_NOOP("ProviderField", "the workflow"))
                       .perPurpose(QStringLiteral("workflow"))
                       .neededBeforeSaving()
                       .picked(FieldChoices::Workflows)
                       .value(QStringLiteral("FILE"));
    info.createCi = [](const Connection& connection, const QString& token, const HttpClient& http,
                       Database*) -> std::unique_ptr<CiClient> {
        auto target = GitHubTarget::fromConfig(connection.config, false);
        return std::make_unique<GitHubActionsClient>(
            target.value(), connection.config.value(WorkflowsKey).toObject(), token, http);
    };
    return info;
}

QString GitHubActionsClient::workflowFile(const QString& workflowOrPurpose) const
{
    const QString configured = m_workflows.value(workflowOrPurpose).toString();
    return configured.isEmpty() ? workflowOrPurpose : configured;
}

Result<QList<CiWorkflow>> GitHubActionsClient::listWorkflows()
{
    auto items =
        m_api.collect(m_api.get(m_target.repoPath({QStringLiteral("actions"), WorkflowsKey}),
                                QUrlQuery{{QStringLiteral("per_page"), QStringLiteral("100")}}),
                      Pagination::linkedItems(WorkflowsKey));
    if (!items)
        return items.error();
    QList<CiWorkflow> workflows;
    for (const QJsonValue& item : std::as_const(*items)) {
        const QJsonObject workflow = item.toObject();
        workflows.append({QString::number(workflow.value(QStringLiteral("id")).toInteger()),
                          workflow.value(QStringLiteral("name")).toString(),
                          workflow.value(QStringLiteral("path")).toString()});
    }
    return workflows;
}

Result<VerificationReport> GitHubActionsClient::verify()
{
    auto workflows = listWorkflows();
    if (!workflows) {
        if (workflows.error().kind == ErrorKind::NotFound)
            return Error::notFound(
                QStringLiteral("The repository %1 does not exist on %2 or the token cannot see "
                               "it.")
                    .arg(m_target.fullName(), m_target.service));
        return workflows.error();
    }
    QJsonObject found;
    for (auto it = m_workflows.begin(); it != m_workflows.end(); ++it) {
        const QString file = it.value().toString();
        const auto match = std::find_if(workflows->cbegin(), workflows->cend(),
                                        [&file](const CiWorkflow& workflow) {
                                            return workflow.id == file || workflow.path == file ||
                                                   workflow.path.endsWith(QLatin1Char('/') + file);
                                        });
        if (match == workflows->cend())
            return Error::notFound(
                QStringLiteral("The workflow %1 (for %2) does not exist in %3 on GitHub.")
                    .arg(file, it.key(), m_target.fullName()));
        found.insert(it.key(), match->path);
    }
    VerificationReport report;
    report.summary = QStringLiteral("GitHub Actions in %1: %2 configured workflow(s) found.")
                         .arg(m_target.fullName())
                         .arg(found.size());
    report.details = {{QStringLiteral("repository"), m_target.fullName()},
                      {WorkflowsKey, found},
                      {QStringLiteral("apiUrl"), m_target.apiUrl.toString()}};
    if (const auto expiresAt = m_api.tokenExpiresAt())
        report.details.insert(QStringLiteral("tokenExpiresAt"), expiresAt->toString(Qt::ISODate));
    return report;
}

Result<CiRunHandle> GitHubActionsClient::trigger(const QString& workflow, const QString& ref,
                                                 const QJsonObject& inputs)
{
    CiRunHandle handle;
    handle.workflow = workflowFile(workflow);
    handle.ref = ref;
    QJsonObject body{{QStringLiteral("ref"), ref}};
    if (!inputs.isEmpty())
        body.insert(QStringLiteral("inputs"), inputs);
    const QDateTime localNow = QDateTime::currentDateTimeUtc();
    auto dispatched =
        m_api.send(m_api.json("POST",
                              m_target.repoPath({QStringLiteral("actions"), WorkflowsKey,
                                                 handle.workflow, QStringLiteral("dispatches")}),
                              body));
    if (!dispatched)
        return dispatched.error();
    // GitHub's own clock decides which runs are newer than the dispatch; ours may differ.
    const QDateTime serverNow =
        QDateTime::fromString(QString::fromLatin1(dispatched->header("Date")), Qt::RFC2822Date);
    const QDateTime dispatchedAt = serverNow.isValid() ? serverNow.toUTC() : localNow;
    handle.triggeredAt = QDateTime::fromSecsSinceEpoch(dispatchedAt.toSecsSinceEpoch(), Qt::UTC);
    handle.marker = inputs.value(markerInput()).toString();

    auto run = runOf(handle);
    if (run && run->has_value()) {
        handle.runId = QString::number((*run)->value(QStringLiteral("id")).toInteger());
        handle.buildNumber = (*run)->value(QStringLiteral("run_number")).toInteger();
    }
    return handle;
}

Result<std::optional<QJsonObject>> GitHubActionsClient::oldestRunSince(const CiRunHandle& handle)
{
    const QUrlQuery query{{QStringLiteral("event"), QStringLiteral("workflow_dispatch")},
                          {QStringLiteral("branch"), handle.ref},
                          {QStringLiteral("created"),
                           QStringLiteral(">=") + handle.triggeredAt.toString(Qt::ISODate)},
                          {QStringLiteral("per_page"), QStringLiteral("30")}};
    auto runs =
        m_api.sendForObject(m_api.get(m_target.repoPath({QStringLiteral("actions"), WorkflowsKey,
                                                         handle.workflow, QStringLiteral("runs")}),
                                      query));
    if (!runs)
        return runs.error();
    std::optional<QJsonObject> oldest;
    for (const QJsonValue& item : runs->value(QStringLiteral("workflow_runs")).toArray()) {
        const QJsonObject run = item.toObject();
        const QDateTime created = githubTime(run.value(QStringLiteral("created_at")));
        if (created < handle.triggeredAt ||
            run.value(QStringLiteral("event")).toString() != QLatin1String("workflow_dispatch") ||
            run.value(QStringLiteral("head_branch")).toString() != handle.ref)
            continue;
        if (!oldest || created < githubTime(oldest->value(QStringLiteral("created_at"))) ||
            (created == githubTime(oldest->value(QStringLiteral("created_at"))) &&
             run.value(QStringLiteral("id")).toInteger() <
                 oldest->value(QStringLiteral("id")).toInteger()))
            oldest = run;
    }
    return oldest;
}

Result<std::optional<QJsonObject>> GitHubActionsClient::runOf(const CiRunHandle& handle)
{
    return handle.marker.isEmpty() ? oldestRunSince(handle) : markedRun(handle, handle.marker);
}

Result<std::optional<QJsonObject>> GitHubActionsClient::markedRun(const CiRunHandle& intent,
                                                                  const QString& marker)
{
    QUrlQuery query{{QStringLiteral("event"), QStringLiteral("workflow_dispatch")},
                    {QStringLiteral("per_page"), QStringLiteral("100")}};
    if (!intent.ref.isEmpty())
        query.addQueryItem(QStringLiteral("branch"), intent.ref);
    if (intent.triggeredAt.isValid())
        query.addQueryItem(
            QStringLiteral("created"),
            QStringLiteral(">=") +
                intent.triggeredAt.toUTC().addSecs(-ClockMarginSeconds).toString(Qt::ISODate));
    auto runs = m_api.collect(
        m_api.get(m_target.repoPath({QStringLiteral("actions"), WorkflowsKey,
                                     workflowFile(intent.workflow), QStringLiteral("runs")}),
                  query),
        Pagination::linkedItems(QStringLiteral("workflow_runs")));
    if (!runs)
        return runs.error();
    std::optional<QJsonObject> newest;
    for (const QJsonValue& item : std::as_const(*runs)) {
        const QJsonObject run = item.toObject();
        if (run.value(QStringLiteral("display_title")).toString() != marker)
            continue;
        if (!newest || run.value(QStringLiteral("id")).toInteger() >
                           newest->value(QStringLiteral("id")).toInteger())
            newest = run;
    }
    return newest;
}

Result<std::optional<CiRunHandle>> GitHubActionsClient::findRun(const CiRunHandle& intent,
                                                                const QString& marker)
{
    auto run = markedRun(intent, marker);
    if (!run)
        return run.error();
    if (!run->has_value())
        return std::optional<CiRunHandle>();
    CiRunHandle handle = intent;
    handle.workflow = workflowFile(intent.workflow);
    handle.marker = marker;
    handle.runId = QString::number((*run)->value(QStringLiteral("id")).toInteger());
    handle.buildNumber = (*run)->value(QStringLiteral("run_number")).toInteger();
    return std::optional<CiRunHandle>(handle);
}

CiRunStatus GitHubActionsClient::statusFrom(const QJsonObject& run)
{
    CiRunStatus status;
    status.runId = QString::number(run.value(QStringLiteral("id")).toInteger());
    status.buildNumber = run.value(QStringLiteral("run_number")).toInteger();
    status.webUrl = QUrl(run.value(QStringLiteral("html_url")).toString());
    status.conclusion = run.value(QStringLiteral("conclusion")).toString();
    const QString state = run.value(QStringLiteral("status")).toString();
    if (state == QLatin1String("completed")) {
        if (status.conclusion == QLatin1String("success") ||
            status.conclusion == QLatin1String("skipped") ||
            status.conclusion == QLatin1String("neutral"))
            status.state = CiRunState::Succeeded;
        else if (status.conclusion == QLatin1String("cancelled"))
            status.state = CiRunState::Cancelled;
        else
            status.state = CiRunState::Failed;
    } else if (state == QLatin1String("in_progress")) {
        status.state = CiRunState::Running;
    } else {
        status.state = CiRunState::Pending; // queued, requested, waiting, pending
    }
    return status;
}

Result<CiRunStatus> GitHubActionsClient::runStatus(const CiRunHandle& handle)
{
    if (handle.runId.isEmpty()) {
        auto run = runOf(handle);
        if (!run)
            return run.error();
        if (!run->has_value())
            return CiRunStatus{};
        return statusFrom(**run);
    }
    auto run = m_api.sendForObject(m_api.get(
        m_target.repoPath({QStringLiteral("actions"), QStringLiteral("runs"), handle.runId})));
    if (!run)
        return run.error();
    return statusFrom(*run);
}

} // namespace ReleaseDeck
