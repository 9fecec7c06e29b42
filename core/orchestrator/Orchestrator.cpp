#include "Orchestrator.h"

#include "AnnouncementRun.h"
#include "DryRun.h"
#include "ReleaseProgression.h"
#include "TaskRun.h"
#include "TrainKickoff.h"
#include "db/Database.h"
#include "logging/Logging.h"
#include "providers/ProviderRegistry.h"
#include "secrets/SecretStore.h"
#include "store/AnnouncementStore.h"
#include "store/ConnectionStore.h"
#include "store/LeaseStore.h"
#include "store/ReleaseConfigStore.h"
#include "store/ReleaseStore.h"
#include "store/SlotStore.h"
#include "store/TaskStore.h"
#include "store/WorkspaceStore.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QSysInfo>
#include <QtConcurrent>

namespace ReleaseDeck {

namespace {

// Errors that say the database itself is gone, as opposed to a refusal.
bool isDatabaseLoss(const Error& error)
{
    return error.kind == ErrorKind::Unavailable || error.kind == ErrorKind::Transient;
}

constexpr int MaxRetrySeconds = 60;

} // namespace

OrchestratorOptions OrchestratorOptions::forThisProcess()
{
    OrchestratorOptions options;
    const QString host = QSysInfo::machineHostName();
    options.actorName = QStringLiteral("orchestrator@") + host;
    options.holder =
        options.actorName + QLatin1Char('/') + QString::number(QCoreApplication::applicationPid());
    return options;
}

Status OrchestratorOptions::checkTickSeconds(int tickSeconds, int leaseSeconds)
{
    if (tickSeconds >= 1 && tickSeconds < leaseSeconds)
        return {};
    return Error::usage(QCoreApplication::translate(
                            "Orchestrator", "The tick interval must be from 1 to %1 seconds: "
                                            "shorter than the %2-second lease, or the lease "
                                            "lapses between ticks.")
                            .arg(leaseSeconds - 1)
                            .arg(leaseSeconds));
}

Orchestrator::Orchestrator(Database& database, SecretStore& secrets, qint64 accountId,
                           OrchestratorOptions options, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_secrets(secrets)
    , m_accountId(accountId)
    , m_options(std::move(options))
    , m_registry(ProviderRegistry::builtIn())
{
    m_pool.setMaxThreadCount(std::max(1, m_options.concurrency));
    // Worker threads keep their database connections between tasks.
    m_pool.setExpiryTimeout(-1);
    m_timer.setInterval(std::max(1, m_options.tickSeconds) * 1000);
    connect(&m_timer, &QTimer::timeout, this, &Orchestrator::tick);
    m_soon.setSingleShot(true);
    m_soon.setInterval(0);
    connect(&m_soon, &QTimer::timeout, this, &Orchestrator::tick);
}

Orchestrator::~Orchestrator()
{
    m_pool.waitForDone();
}

void Orchestrator::start()
{
    m_timer.start();
    tickSoon();
}

void Orchestrator::tickSoon()
{
    if (!m_stopping)
        m_soon.start();
}

void Orchestrator::setTickSeconds(int tickSeconds)
{
    m_options.tickSeconds = tickSeconds;
    // While the database is away the backoff keeps its own interval until it is back.
    if (m_failures == 0)
        m_timer.setInterval(std::max(1, tickSeconds) * 1000);
}

void Orchestrator::runUntilQuiet()
{
    m_untilQuiet = true;
    tickSoon();
}

void Orchestrator::stop()
{
    m_stopping = true;
    m_timer.stop();
    m_soon.stop();
    if (runningCount() == 0)
        finishStop();
}

void Orchestrator::finishStop()
{
    LeaseStore leases(m_database);
    for (const qint64 workspaceId : std::as_const(m_acting)) {
        if (Status given = leases.giveUp({workspaceId, m_accountId}, m_options.holder); !given)
            qCWarning(lcOrchestrator).noquote()
                << "could not give the lease back:" << given.error().message;
    }
    m_acting.clear();
    emit stopped();
}

void Orchestrator::report(const QString& line)
{
    qCDebug(lcOrchestrator).noquote() << line;
    emit changed(line);
}

Result<QList<Orchestrator::Workspace>> Orchestrator::workspaces()
{
    WorkspaceStore store(m_database);
    QList<Workspace> chosen;
    if (!m_options.workspace.isEmpty()) {
        Result<std::optional<ReleaseDeck::Workspace>> found = store.findByName(m_options.workspace);
        if (!found)
            return found.error();
        if (!found->has_value())
            return Error::usage(tr("There is no workspace named '%1'.").arg(m_options.workspace));
        chosen.append({(*found)->id, (*found)->name});
        return chosen;
    }
    Result<QList<ReleaseDeck::Workspace>> mine = store.listForAccount(m_accountId);
    if (!mine)
        return mine.error();
    for (const ReleaseDeck::Workspace& workspace : std::as_const(*mine))
        chosen.append({workspace.id, workspace.name});
    return chosen;
}

Result<OrchestratorContext> Orchestrator::contextFor(const Workspace& workspace, QString* missing)
{
    OrchestratorContext context;
    context.database = &m_database;
    context.registry = &m_registry;
    context.http = m_options.http;
    context.actor = {workspace.id, m_accountId};
    context.holder = m_options.holder;
    context.actorName = m_options.actorName;
    context.claimSeconds = m_options.leaseSeconds;
    context.pollBaseSeconds = m_options.tickSeconds;
    ConnectionStore connections(m_database);
    Result<QList<Connection>> active = connections.listActive(workspace.id);
    if (!active)
        return active.error();
    QStringList lacking;
    for (const Connection& connection : std::as_const(*active)) {
        context.connections.insert(connection.category, connection);
        if (!m_registry.needsToken(connection.provider))
            continue;
        if (!m_tokens.contains(connection.secretRef)) {
            const SecretResult secret = awaitSecret(m_secrets.read(connection.secretRef));
            if (!secret.ok()) {
                lacking.append(secret.notFound()
                                   ? tr("the token of the %1 connection is not on this machine")
                                         .arg(connection.displayName)
                                   : secret.error.message);
                continue;
            }
            m_tokens.insert(connection.secretRef, secret.secret);
        }
        context.tokens.insert(connection.id, m_tokens.value(connection.secretRef));
    }
    if (!lacking.isEmpty())
        *missing = tr("This instance does not orchestrate %1: %2.")
                       .arg(workspace.name, lacking.join(QStringLiteral("; ")));
    return context;
}

void Orchestrator::tick()
{
    if (m_stopping)
        return;
    m_status.lastTickAt = QDateTime::currentDateTimeUtc();
    Result<QList<Workspace>> list = workspaces();
    if (!list) {
        if (isDatabaseLoss(list.error()))
            return databaseLost(list.error());
        m_status.workspaces.clear();
        m_status.databaseReachable = true;
        m_status.databaseError = list.error().message;
        emit statusChanged(m_status);
        if (m_untilQuiet && runningCount() == 0) {
            m_untilQuiet = false;
            emit quiescent();
        }
        return;
    }
    int acted = 0;
    QList<WorkspaceOrchestration> states;
    for (const Workspace& workspace : std::as_const(*list)) {
        WorkspaceOrchestration state;
        state.workspaceId = workspace.id;
        state.workspaceName = workspace.name;
        Result<int> done = tickWorkspace(workspace, state);
        if (!done) {
            if (isDatabaseLoss(done.error()))
                return databaseLost(done.error());
            state.state = WorkspaceOrchestration::State::Failed;
            state.detail = done.error().message;
        } else {
            acted += *done;
        }
        states.append(state);
    }
    if (m_failures > 0) {
        report(tr("The database is back; orchestration continues."));
        m_failures = 0;
        m_timer.setInterval(std::max(1, m_options.tickSeconds) * 1000);
    }
    m_status.workspaces = states;
    m_status.databaseReachable = true;
    m_status.databaseError.clear();
    m_status.retryInSeconds = 0;
    emit statusChanged(m_status);
    if (m_untilQuiet && acted == 0 && runningCount() == 0) {
        m_untilQuiet = false;
        emit quiescent();
    }
}

Result<int> Orchestrator::tickWorkspace(const Workspace& workspace, WorkspaceOrchestration& state)
{
    QString missing;
    Result<OrchestratorContext> context = contextFor(workspace, &missing);
    if (!context)
        return context.error();
    const Actor& actor = context->actor;
    if (!missing.isEmpty()) {
        state.state = WorkspaceOrchestration::State::MissingTokens;
        state.detail = missing;
        m_acting.remove(workspace.id);
        return 0;
    }
    LeaseStore leases(m_database);
    Result<LeaseGrant> grant = leases.take(actor, m_options.holder, m_options.leaseSeconds);
    if (!grant) {
        if (grant.error().kind != ErrorKind::Forbidden)
            return grant.error();
        state.state = WorkspaceOrchestration::State::NotAllowed;
        state.detail = grant.error().message;
        return 0;
    }
    if (!grant->held) {
        Result<std::optional<OrchestratorLease>> lease = leases.current(workspace.id);
        if (!lease)
            return lease.error();
        state.state = WorkspaceOrchestration::State::Standby;
        state.holder = lease->has_value() ? (*lease)->holder : QString();
        state.detail = tr("%1 orchestrates %2.").arg(state.holder, workspace.name);
        if (m_acting.remove(workspace.id))
            report(tr("Lost the lease of %1 to %2.").arg(workspace.name, state.holder));
        return 0;
    }
    state.state = WorkspaceOrchestration::State::Acting;
    state.holder = m_options.holder;
    state.detail = tr("Orchestrating %1 here.").arg(workspace.name);
    TaskStore tasks(m_database);
    AnnouncementStore announcements(m_database);
    if (grant->newlyAcquired) {
        // Only the lease holder runs work: claims of any other instance are stale now.
        if (Status dropped = tasks.dropClaimsOfOthers(actor, m_options.holder); !dropped)
            return dropped.error();
        if (Status dropped = announcements.dropClaimsOfOthers(actor, m_options.holder); !dropped)
            return dropped.error();
        report(tr("Took the lease of %1 (holder %2).").arg(workspace.name, m_options.holder));
    }
    m_acting.insert(workspace.id);
    if (Status renewed = tasks.renewClaims(actor, m_options.holder, m_runningTasks.values(),
                                           m_options.leaseSeconds);
        !renewed)
        return renewed.error();
    if (Status renewed = announcements.renewClaims(
            actor, m_options.holder, m_runningAnnouncements.values(), m_options.leaseSeconds);
        !renewed)
        return renewed.error();

    int acted = 0;
    // Trains first: a release created late (its kickoff already due) kicks off this tick.
    Result<QList<ReleaseConfig>> dueTrains = ReleaseConfigStore(m_database).due(workspace.id);
    if (!dueTrains)
        return dueTrains.error();
    for (const ReleaseConfig& train : std::as_const(*dueTrains)) {
        TrainKickoff kickoff(m_database, actor, m_options.actorName);
        if (Status created = kickoff.createDue(train); !created)
            return created.error();
        for (const QString& line : kickoff.changes())
            report(line);
        acted += kickoff.changes().isEmpty() ? 0 : 1;
    }
    ReleaseStore releases(m_database);
    Result<QList<Release>> kickoffs = releases.kickoffsDue(workspace.id);
    if (!kickoffs)
        return kickoffs.error();
    for (const Release& release : std::as_const(*kickoffs)) {
        ReleaseProgression progression(m_database, actor, m_options.actorName);
        if (Status started = progression.kickOff(release.id); !started)
            return started.error();
        for (const QString& line : progression.changes())
            report(line);
        acted += progression.changes().isEmpty() ? 0 : 1;
    }
    SlotStore slotStore(m_database);
    Result<QList<RegressionSlot>> dueSlots = slotStore.due(workspace.id);
    if (!dueSlots)
        return dueSlots.error();
    for (const RegressionSlot& slot : std::as_const(*dueSlots)) {
        ReleaseProgression progression(m_database, actor, m_options.actorName);
        if (Status started = progression.startCycle(slot); !started)
            return started.error();
        for (const QString& line : progression.changes())
            report(line);
        acted += progression.changes().isEmpty() ? 0 : 1;
    }

    const qsizetype free = m_options.concurrency - runningCount();
    if (free <= 0)
        return acted;
    Result<QList<Task>> dueTasks = tasks.due(workspace.id, int(runningCount() + free));
    if (!dueTasks)
        return dueTasks.error();
    qsizetype started = 0;
    for (const Task& task : std::as_const(*dueTasks)) {
        if (started >= free || m_runningTasks.contains(task.id))
            continue;
        dispatchTask(*context, task.id);
        ++started;
    }
    Result<QList<Announcement>> dueAnnouncements =
        announcements.due(workspace.id, int(runningCount() + free));
    if (!dueAnnouncements)
        return dueAnnouncements.error();
    for (const Announcement& announcement : std::as_const(*dueAnnouncements)) {
        if (started >= free || m_runningAnnouncements.contains(announcement.id))
            continue;
        dispatchAnnouncement(*context, announcement.id);
        ++started;
    }
    return acted + int(started);
}

void Orchestrator::dispatchTask(const OrchestratorContext& context, qint64 taskId)
{
    m_runningTasks.insert(taskId);
    auto* watcher = new QFutureWatcher<QStringList>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, taskId] {
        watcher->deleteLater();
        jobFinished(m_runningTasks, taskId, watcher->result());
    });
    watcher->setFuture(
        QtConcurrent::run(&m_pool, [context, taskId] { return TaskRun::run(context, taskId); }));
}

void Orchestrator::dispatchAnnouncement(const OrchestratorContext& context, qint64 announcementId)
{
    m_runningAnnouncements.insert(announcementId);
    auto* watcher = new QFutureWatcher<QStringList>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, announcementId] {
        watcher->deleteLater();
        jobFinished(m_runningAnnouncements, announcementId, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [context, announcementId] {
        return AnnouncementRun::run(context, announcementId);
    }));
}

void Orchestrator::jobFinished(QSet<qint64>& running, qint64 id, const QStringList& lines)
{
    running.remove(id);
    for (const QString& line : lines)
        report(line);
    if (m_stopping) {
        if (runningCount() == 0)
            finishStop();
        return;
    }
    // What the finished work unblocked starts at once, not a tick later.
    tickSoon();
}

void Orchestrator::databaseLost(const Error& error)
{
    ++m_failures;
    int retry = 1;
    for (int i = 0; i < m_failures && retry < MaxRetrySeconds; ++i)
        retry *= 2;
    retry = std::min(retry, MaxRetrySeconds);
    m_timer.setInterval(retry * 1000);
    m_timer.start();
    m_status.databaseReachable = false;
    m_status.databaseError = error.message;
    m_status.retryInSeconds = retry;
    report(tr("The database is unreachable (%1); retrying in %2 s.").arg(error.message).arg(retry));
    emit statusChanged(m_status);
    if (m_untilQuiet && runningCount() == 0) {
        m_untilQuiet = false;
        emit quiescent();
    }
}

Result<QStringList> Orchestrator::dryRun()
{
    Result<QList<Workspace>> list = workspaces();
    if (!list)
        return list.error();
    QStringList lines;
    for (const Workspace& workspace : std::as_const(*list)) {
        QString missing;
        Result<OrchestratorContext> context = contextFor(workspace, &missing);
        if (!context)
            return context.error();
        Result<QStringList> planned =
            DryRun::describe(m_database, workspace.id, workspace.name, m_options.holder, missing);
        if (!planned)
            return planned.error();
        lines += *planned;
    }
    return lines;
}

} // namespace ReleaseDeck
