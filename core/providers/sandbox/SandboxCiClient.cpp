#include "SandboxCiClient.h"

#include "SandboxStore.h"

namespace ReleaseDeck {

namespace {

const QString WorkflowsKey = QStringLiteral("workflows");

// Runs created this long before an intent still count, as with the real services.
constexpr qint64 ClockMarginSeconds = 120;

QString logOf(const QString& workflow, const QString& ref, const QJsonObject& inputs, bool fails)
{
    QStringList lines{QStringLiteral("Simulated run of %1 on %2").arg(workflow, ref)};
    for (auto it = inputs.begin(); it != inputs.end(); ++it)
        lines.append(QStringLiteral("  input %1 = %2").arg(it.key(), it.value().toString()));
    lines << QStringLiteral("Checking out %1").arg(ref) << QStringLiteral("Resolving dependencies")
          << QStringLiteral("Compiling")
          << (fails ? QStringLiteral("Running unit tests: 1 failed (rehearsed failure)")
                    : QStringLiteral("Running unit tests: all passed"))
          << (fails ? QStringLiteral("Result: failure") : QStringLiteral("Result: success"));
    return lines.join(QLatin1Char('\n'));
}

CiRunHandle handleOf(const SandboxRun& run)
{
    CiRunHandle handle;
    handle.workflow = run.workflow;
    handle.ref = run.ref;
    handle.triggeredAt = run.createdAt;
    handle.runId = QString::number(run.id);
    handle.buildNumber = run.id;
    handle.marker = run.marker;
    return handle;
}

} // namespace

SandboxCiClient::SandboxCiClient(const Connection& connection, Database* database)
    : m_connection(connection)
    , m_database(database)
{}

QJsonObject SandboxCiClient::workflows()
{
    QJsonObject workflows;
    for (const CiPurpose purpose : allCiPurposes())
        workflows.insert(toText(purpose),
                         QString(QStringLiteral("sandbox-") + toText(purpose).toLower()));
    return workflows;
}

ProviderInfo SandboxCiClient::provider()
{
    ProviderInfo info;
    info.id = QStringLiteral("sandbox-ci");
    info.category = ConnectionCategory::Ci;
    info.displayName = QString::fromUtf8(QT_TRANSLATE_NOOP("ProviderRegistry", "Simulated CI"));
    info.needsToken = false;
    info.simulated = true;
    info.fields << ProviderField(WorkflowsKey, FieldKind::Text,
                                 QT_TRANSLATE_NOOP("ProviderField", "Workflow per purpose"),
                                 QT_TRANSLATE_NOOP("ProviderField", "the workflow"))
                       .perPurpose(QStringLiteral("workflow"))
                       .optional()
                       .value(QStringLiteral("NAME"));
    info.createCi = [](const Connection& connection, const QString&, const HttpClient&,
                       Database* database) -> std::unique_ptr<CiClient> {
        return std::make_unique<SandboxCiClient>(connection, database);
    };
    return info;
}

Result<VerificationReport> SandboxCiClient::verify()
{
    return VerificationReport{QStringLiteral("Simulated CI: runs are kept in the sandbox."), {}};
}

Result<QList<CiWorkflow>> SandboxCiClient::listWorkflows()
{
    QList<CiWorkflow> list;
    const QJsonObject configured = workflows();
    for (auto it = configured.begin(); it != configured.end(); ++it)
        list.append({it.value().toString(), it.value().toString(), it.value().toString()});
    return list;
}

Result<CiRunHandle> SandboxCiClient::trigger(const QString& workflow, const QString& ref,
                                             const QJsonObject& inputs)
{
    if (!m_database)
        return SandboxStore::withoutDatabase();
    SandboxStore store(*m_database);
    const qint64 workspace = m_connection.workspaceId;
    Result<bool> fails = store.takeRehearsal(workspace, SandboxRehearsal::FailNextCiRun);
    if (!fails)
        return fails.error();
    Result<int> seconds = store.scaled(workspace, RunSeconds);
    if (!seconds)
        return seconds.error();
    const QString configured =
        m_connection.config.value(WorkflowsKey).toObject().value(workflow).toString();
    SandboxRun run;
    run.workflow = configured.isEmpty() ? workflow : configured;
    run.ref = ref;
    run.marker = inputs.value(markerInput()).toString();
    run.fails = *fails;
    run.log = logOf(run.workflow, ref, inputs, run.fails);
    Result<SandboxRun> started = store.addRun(workspace, run, *seconds);
    if (!started)
        return started.error();
    return handleOf(*started);
}

Result<CiRunStatus> SandboxCiClient::runStatus(const CiRunHandle& handle)
{
    if (!m_database)
        return SandboxStore::withoutDatabase();
    CiRunHandle known = handle;
    if (known.runId.isEmpty()) {
        Result<std::optional<CiRunHandle>> found = findRun(handle, handle.marker);
        if (!found)
            return found.error();
        if (!found->has_value())
            return CiRunStatus{};
        known = **found;
    }
    Result<std::optional<SandboxRun>> run =
        SandboxStore(*m_database).run(m_connection.workspaceId, known.runId.toLongLong());
    if (!run)
        return run.error();
    if (!run->has_value())
        return Error::notFound(QStringLiteral("The simulated CI has no run %1.").arg(known.runId));
    CiRunStatus status;
    status.runId = known.runId;
    status.buildNumber = (*run)->id;
    if (!(*run)->finished) {
        status.state = CiRunState::Running;
    } else if ((*run)->fails) {
        status.state = CiRunState::Failed;
        status.conclusion = QStringLiteral("failure");
    } else {
        status.state = CiRunState::Succeeded;
        status.conclusion = QStringLiteral("success");
    }
    return status;
}

Result<std::optional<CiRunHandle>> SandboxCiClient::findRun(const CiRunHandle& intent,
                                                            const QString& marker)
{
    if (!m_database)
        return SandboxStore::withoutDatabase();
    if (marker.isEmpty())
        return std::optional<CiRunHandle>();
    Result<std::optional<SandboxRun>> found =
        SandboxStore(*m_database)
            .findRun(m_connection.workspaceId, marker,
                     intent.triggeredAt.addSecs(-ClockMarginSeconds));
    if (!found)
        return found.error();
    if (!found->has_value())
        return std::optional<CiRunHandle>();
    return std::optional<CiRunHandle>(handleOf(**found));
}

} // namespace ReleaseDeck
