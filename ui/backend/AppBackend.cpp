#include "AppBackend.h"

#include "backend/FutureReply.h"
#include "backend/OnboardingSave.h"
#include "backend/OrchestratorThread.h"
#include "backend/ProviderLists.h"
#include "backend/ReleaseFeed.h"
#include "backend/ReleaseSession.h"
#include "db/Database.h"
#include "db/DatabaseUrl.h"
#include "db/MigrationRunner.h"
#include "logging/Logging.h"
#include "providers/ConnectionVerifier.h"
#include "providers/sandbox/SandboxStore.h"
#include "secrets/GatedSecretStore.h"
#include "secrets/SecretKeys.h"
#include "secrets/SecretStoreFactory.h"
#include "services/ConnectionService.h"
#include "services/Identity.h"
#include "services/MemberService.h"
#include "services/SandboxWorkspace.h"
#include "services/TrainService.h"
#include "store/AccountStore.h"
#include "store/EventStore.h"
#include "store/MembershipStore.h"
#include "store/WorkspaceStore.h"

#include <QFileInfo>
#include <QMutexLocker>
#include <QSettings>
#include <QtConcurrent>

#include <algorithm>
#include <type_traits>

namespace ReleaseDeck {

namespace {

const QString DatabaseUrlKey = QStringLiteral("database/url");

Error shuttingDown()
{
    return Error::unavailable(QStringLiteral("Release Deck is shutting down."));
}

// What a task answers when it is not run because the backend stopped.
template<typename T>
T stoppedAnswer()
{
    if constexpr (std::is_same_v<T, BackendStatus>) {
        BackendStatus status;
        status.databaseReachable = false;
        status.databaseError = shuttingDown().message;
        return status;
    } else if constexpr (std::is_same_v<T, VerificationOutcome>) {
        VerificationOutcome outcome;
        outcome.error = shuttingDown().message;
        outcome.errorKind = ErrorKind::Unavailable;
        return outcome;
    } else {
        return T(shuttingDown());
    }
}

// The workspaces the account is a member of, with its role in each.
Result<QList<WorkspaceSummary>> workspacesOf(Database& database, qint64 accountId)
{
    MembershipStore memberships(database);
    Result<QList<Workspace>> mine = WorkspaceStore(database).listForAccount(accountId);
    if (!mine)
        return mine.error();
    QList<WorkspaceSummary> summaries;
    for (const Workspace& workspace : std::as_const(*mine)) {
        Result<std::optional<Role>> role = memberships.roleOf(workspace.id, accountId);
        if (!role)
            return role.error();
        summaries.append({workspace.id, workspace.name, role->value_or(Role::Viewer)});
    }
    return summaries;
}

Error noKeychain()
{
    return Error::unavailable(QStringLiteral("No keychain is available: start or unlock your "
                                             "desktop keyring and try again."));
}

} // namespace

struct AppBackend::Session
{
    std::unique_ptr<Database> database;
    qint64 accountId = 0;
    QString login;
};

AppBackend::AppBackend(std::unique_ptr<SecretStore> secrets)
{
    m_http.stop = m_stop.get_token();
    m_verifier = std::make_unique<ConnectionVerifier>(ProviderRegistry::builtIn(), m_http);
    Error error;
    if (!secrets)
        secrets = createSecretStore(QString(), &error);
    if (secrets)
        m_secrets = std::make_unique<GatedSecretStore>(std::move(secrets));
    else
        qCWarning(lcUi).noquote() << "no secret store:" << error.message;
    m_health = std::make_unique<DatabaseHealth>([this] { return run([this] { return probe(); }); });
    m_feed = std::make_unique<ReleaseFeed>([this](qint64 workspaceId, qint64 afterSeq) {
        return releaseChangesSince(workspaceId, afterSeq);
    });
    m_orchestrator = std::make_unique<OrchestratorThread>(m_secrets.get(), m_http);
    // Verifications and lists wait on the network, so more threads than cores.
    m_pool.setMaxThreadCount(6);
    // Threads keep their database connection while the app runs.
    m_pool.setExpiryTimeout(-1);
}

AppBackend::~AppBackend()
{
    stop();
    // Its last act gives the leases back, so the database is still needed here.
    m_orchestrator.reset();
    m_pool.waitForDone();
}

void AppBackend::stop()
{
    m_stop.request_stop();
    if (m_secrets)
        m_secrets->close();
    m_health->stop();
    m_feed->stop();
    m_orchestrator->stop();
}

LocalOrchestrator& AppBackend::localOrchestrator()
{
    return *m_orchestrator;
}

template<typename Work>
auto AppBackend::run(Work work) -> QFuture<decltype(work())>
{
    using Answer = decltype(work());
    return QtConcurrent::run(&m_pool, [this, work = std::move(work)]() mutable -> Answer {
        if (m_stop.stop_requested())
            return stoppedAnswer<Answer>();
        return work();
    });
}

void AppBackend::openDirectly(const QString& url, const QString& workspaceName)
{
    m_directUrl = url;
    m_directWorkspace = workspaceName;
}

bool AppBackend::needsOnboarding() const
{
    if (!m_directUrl.isEmpty())
        return false;
    return QSettings().value(DatabaseUrlKey).toString().isEmpty();
}

Result<std::shared_ptr<AppBackend::Session>> AppBackend::session() const
{
    QMutexLocker lock(&m_mutex);
    if (!m_session)
        return Error::unavailable(
            m_openError.isEmpty() ? QStringLiteral("The database is not open yet.") : m_openError);
    return m_session;
}

std::unique_ptr<ConnectionService> AppBackend::serviceFor(const Session& session) const
{
    auto service = std::make_unique<ConnectionService>(*session.database, *m_secrets, *m_verifier,
                                                       session.login);
    service->setStopToken(m_stop.get_token());
    return service;
}

void AppBackend::adopt(std::shared_ptr<Session> session)
{
    // A query that loses the server has the status bar check it at once.
    session->database->setConnectionLostHandler(
        [health = m_health.get()] { health->reportConnectionLost(); });
    // The orchestrator moves to this database (and this account) on the GUI thread.
    QMetaObject::invokeMethod(
        m_orchestrator.get(),
        [orchestrator = m_orchestrator.get(), session] {
            orchestrator->runOn(session->database.get(), session->accountId, session);
        },
        Qt::QueuedConnection);
    QMutexLocker lock(&m_mutex);
    m_session = std::move(session);
    m_openError.clear();
}

BackendStatus AppBackend::statusOf(const Session& session) const
{
    BackendStatus status;
    const DatabaseUrl& url = session.database->url();
    status.sharedDatabase = url.isShared();
    status.databaseHost = url.isShared() ? url.host : QString();
    status.accountId = session.accountId;
    status.login = session.login;
    QMutexLocker lock(&m_mutex);
    status.keychainAvailable = m_keychainAvailable;
    return status;
}

BackendStatus AppBackend::openSession()
{
    QSettings settings;
    BackendStatus status;
    const bool direct = !m_directUrl.isEmpty();
    Result<DatabaseUrl> url =
        direct ? DatabaseUrl::parse(m_directUrl)
               : DatabaseUrl::parseOrDefault(settings.value(DatabaseUrlKey).toString());
    bool keychain = false;
    if (m_secrets) {
        // A read of an entry nobody wrote answers NotFound when a keychain is there.
        const SecretResult probe = awaitSecret(m_secrets->read(QStringLiteral("probe")));
        keychain = probe.ok() || probe.notFound();
    }
    {
        QMutexLocker lock(&m_mutex);
        m_keychainAvailable = keychain;
    }
    status.keychainAvailable = keychain;
    auto fail = [this, &status](const QString& error) {
        status.databaseReachable = false;
        status.databaseError = error;
        QMutexLocker lock(&m_mutex);
        m_openError = error;
        return status;
    };
    if (!url)
        return fail(url.error().message);
    status.sharedDatabase = url->isShared();
    status.databaseHost = url->isShared() ? url->host : QString();
    // Opened directly, a file that is not there is a mistake, not a new database.
    if (direct && !url->isShared() && !QFileInfo::exists(url->path))
        return fail(QStringLiteral("There is no Release Deck database at %1.").arg(url->path));
    QString password;
    if (url->isShared() && m_secrets) {
        const SecretResult stored =
            awaitSecret(m_secrets->read(SecretKeys::databasePassword(url->toString())));
        password = stored.ok() ? stored.secret : QString();
    }
    auto session = std::make_shared<Session>();
    session->database = std::make_unique<Database>(*url, password);
    if (Status opened = session->database->open(); !opened)
        return fail(opened.error().message);
    if (Result<int> migrated = MigrationRunner(*session->database).bringUpToDate(); !migrated)
        return fail(QStringLiteral("The database could not be brought up to date: %1")
                        .arg(migrated.error().message));
    Result<Account> me = Identity::signIn(*session->database);
    if (!me)
        return fail(me.error().message);
    session->accountId = me->id;
    session->login = me->login;
    status.accountId = me->id;
    status.login = me->login;
    if (direct && !m_directWorkspace.isEmpty()) {
        Result<std::optional<Workspace>> found =
            WorkspaceStore(*session->database).findByName(m_directWorkspace);
        if (!found)
            return fail(found.error().message);
        if (!found->has_value())
            return fail(QStringLiteral("There is no workspace named '%1' in %2.")
                            .arg(m_directWorkspace, url->where()));
    }
    adopt(session);
    return status;
}

BackendStatus AppBackend::probe()
{
    Result<std::shared_ptr<Session>> current = session();
    // Never opened (unreachable at start-up): open it now, migrations and all.
    if (!current)
        return openSession();
    BackendStatus status = statusOf(**current);
    if (Status answered = (*current)->database->ping(); !answered) {
        status.databaseReachable = false;
        status.databaseError = answered.error().message;
    }
    return status;
}

QFuture<BackendStatus> AppBackend::start()
{
    QFuture<BackendStatus> started = run([this] {
        const BackendStatus status = openSession();
        if (!status.databaseReachable)
            qCWarning(lcUi).noquote() << "database unavailable:" << status.databaseError;
        return status;
    });
    whenFinished(started, m_health.get(),
                 [health = m_health.get()](const BackendStatus& status) { health->start(status); });
    return started;
}

QFuture<VerificationOutcome> AppBackend::verifyDraft(const ConnectionDraft& draft)
{
    return run([this, draft] {
        return m_verifier->verify(ProviderLists::connectionOf(draft), draft.token);
    });
}

QFuture<Result<ChoicePage>> AppBackend::listBranches(const ConnectionDraft& draft)
{
    return run([this, draft] { return ProviderLists(m_http).branches(draft); });
}

QFuture<Result<ChoicePage>> AppBackend::listChannels(const ConnectionDraft& draft,
                                                     const QString& search, const QString& cursor)
{
    return run([this, draft, search, cursor] {
        return ProviderLists(m_http).channels(draft, search, cursor);
    });
}

QFuture<Result<ChoicePage>> AppBackend::listWorkflows(const ConnectionDraft& draft)
{
    return run([this, draft] { return ProviderLists(m_http).workflows(draft); });
}

QFuture<Result<QList<WorkspaceSummary>>> AppBackend::testDatabase(const DatabaseDraft& draft)
{
    return run([draft]() -> Result<QList<WorkspaceSummary>> {
        // Only reads: the wizard promises nothing is written before Finish.
        Database database(OnboardingSave::urlOf(draft), draft.password);
        if (Status opened = database.open(); !opened)
            return opened.error();
        Result<MigrationStatus> schema = MigrationRunner(database).status();
        if (!schema)
            return schema.error();
        if (schema->currentVersion == 0)
            return QList<WorkspaceSummary>();
        Result<QString> login = Identity::login(database);
        if (!login)
            return login.error();
        Result<std::optional<Account>> account = AccountStore(database).findByLogin(*login);
        if (!account)
            return account.error();
        if (!*account)
            return QList<WorkspaceSummary>();
        return workspacesOf(database, (*account)->id);
    });
}

QFuture<Status> AppBackend::finish(const WizardResult& result)
{
    QFuture<Status> finished = run([this, result]() -> Status {
        if (!m_secrets)
            return noKeychain();
        Result<OnboardingSave::Saved> saved = OnboardingSave(*m_secrets, *m_verifier).save(result);
        if (!saved)
            return saved.error();
        QSettings settings;
        settings.setValue(DatabaseUrlKey, saved->database->url().toString());
        settings.sync();
        if (settings.status() != QSettings::NoError)
            return Error::unavailable(
                QStringLiteral("Everything was saved, but the settings file %1 could not be "
                               "written.")
                    .arg(settings.fileName()));
        auto session = std::make_shared<Session>();
        session->database = std::move(saved->database);
        session->accountId = saved->accountId;
        session->login = saved->login;
        adopt(session);
        return {};
    });
    // The status bar follows the database the wizard chose, at once.
    whenFinished(finished, m_health.get(), [health = m_health.get()](const Status& status) {
        if (status)
            health->checkNow();
    });
    return finished;
}

QFuture<Result<QList<ConnectionRow>>> AppBackend::listConnections(qint64 workspaceId)
{
    return run([this, workspaceId]() -> Result<QList<ConnectionRow>> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        return serviceFor(**current)->list({workspaceId, (*current)->accountId});
    });
}

QFuture<Result<ConnectionRow>> AppBackend::verify(qint64 workspaceId, qint64 connectionId)
{
    return run([this, workspaceId, connectionId]() -> Result<ConnectionRow> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        Result<ConnectionService::Verified> verified =
            serviceFor(**current)->verify({workspaceId, (*current)->accountId}, connectionId);
        if (!verified)
            return verified.error();
        return verified->row;
    });
}

QFuture<Result<ConnectionRow>> AppBackend::verifyAll(qint64 workspaceId)
{
    return QtConcurrent::run(&m_pool, [this,
                                       workspaceId](QPromise<Result<ConnectionRow>>& promise) {
        if (m_stop.stop_requested()) {
            promise.addResult(Result<ConnectionRow>(shuttingDown()));
            return;
        }
        Result<std::shared_ptr<Session>> current = session();
        if (!current) {
            promise.addResult(Result<ConnectionRow>(current.error()));
            return;
        }
        Result<QList<ConnectionService::Verified>> all =
            serviceFor(**current)->verifyAll({workspaceId, (*current)->accountId},
                                             [&promise](const ConnectionService::Verified& each) {
                                                 promise.addResult(Result<ConnectionRow>(each.row));
                                             });
        if (!all)
            promise.addResult(Result<ConnectionRow>(all.error()));
    });
}

QFuture<Result<ConnectionRow>> AppBackend::saveConnection(qint64 workspaceId,
                                                          const ConnectionDraft& draft)
{
    return run([this, workspaceId, draft]() -> Result<ConnectionRow> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        ConnectionService::AddOptions options;
        options.replace = true;
        Result<Connection> saved =
            serviceFor(**current)->add({workspaceId, (*current)->accountId}, draft, options);
        if (!saved)
            return saved.error();
        return ConnectionRow{*saved, true};
    });
}

QFuture<Status> AppBackend::disconnect(qint64 workspaceId, qint64 connectionId)
{
    return run([this, workspaceId, connectionId]() -> Status {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        return serviceFor(**current)->remove({workspaceId, (*current)->accountId}, connectionId);
    });
}

QFuture<Result<QList<WorkspaceSummary>>> AppBackend::workspaces()
{
    return run([this]() -> Result<QList<WorkspaceSummary>> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        return workspacesOf(*(*current)->database, (*current)->accountId);
    });
}

QFuture<Result<QList<MemberRow>>> AppBackend::listMembers(qint64 workspaceId)
{
    return run([this, workspaceId]() -> Result<QList<MemberRow>> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        const Session& me = **current;
        Result<QList<Member>> members =
            MemberService(*me.database, me.login).list({workspaceId, me.accountId});
        if (!members)
            return members.error();
        QList<MemberRow> rows;
        for (const Member& member : std::as_const(*members))
            rows.append({member, member.accountId == me.accountId});
        return rows;
    });
}

QFuture<Result<MemberAdded>> AppBackend::addMember(qint64 workspaceId, const MemberDraft& draft)
{
    return run([this, workspaceId, draft]() -> Result<MemberAdded> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        const Session& me = **current;
        return MemberService(*me.database, me.login).add({workspaceId, me.accountId}, draft);
    });
}

QFuture<Result<Member>> AppBackend::setMemberRole(qint64 workspaceId, qint64 accountId, Role role)
{
    return run([this, workspaceId, accountId, role]() -> Result<Member> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        const Session& me = **current;
        return MemberService(*me.database, me.login)
            .setRole({workspaceId, me.accountId}, accountId, role);
    });
}

QFuture<Status> AppBackend::removeMember(qint64 workspaceId, qint64 accountId)
{
    return run([this, workspaceId, accountId]() -> Status {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        const Session& me = **current;
        return MemberService(*me.database, me.login).remove({workspaceId, me.accountId}, accountId);
    });
}

QFuture<Result<QList<ActivityEvent>>> AppBackend::events(qint64 workspaceId, qint64 afterSeq)
{
    return run([this, workspaceId, afterSeq]() -> Result<QList<ActivityEvent>> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        EventStore store(*(*current)->database);
        Result<QList<Event>> found =
            afterSeq > 0 ? store.listSince(workspaceId, afterSeq)
                         : store.listNewest(workspaceId, EventFilter{0, {}, 0, 200});
        if (!found)
            return found.error();
        QList<ActivityEvent> events;
        for (const Event& event : std::as_const(*found))
            events.append({event.seq, event.createdAt, event.actor, event.kind, event.message});
        // Newest first, whichever way the store listed them.
        std::sort(events.begin(), events.end(),
                  [](const ActivityEvent& a, const ActivityEvent& b) { return a.seq > b.seq; });
        return events;
    });
}

template<typename Answer, typename Work>
QFuture<Answer> AppBackend::withReleases(qint64 workspaceId, Work work)
{
    return run([this, workspaceId, work = std::move(work)]() -> Answer {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        if (!m_secrets)
            return noKeychain();
        ReleaseSession releases(*(*current)->database, {workspaceId, (*current)->accountId},
                                (*current)->login, *m_secrets, m_http);
        return work(releases);
    });
}

template<typename T>
QFuture<T> AppBackend::changedHere(QFuture<T> change)
{
    whenFinished(change, m_feed.get(), [this](const T& answer) {
        if (!answer)
            return;
        m_orchestrator->tickSoon();
        m_feed->pollNow();
    });
    return change;
}

QFuture<Result<BoardSnapshot>> AppBackend::releaseBoard(qint64 workspaceId, int newest)
{
    return withReleases<Result<BoardSnapshot>>(
        workspaceId, [newest](ReleaseSession& releases) { return releases.board(newest); });
}

QFuture<Result<BoardChanges>> AppBackend::releaseChangesSince(qint64 workspaceId, qint64 afterSeq)
{
    return withReleases<Result<BoardChanges>>(workspaceId, [afterSeq](ReleaseSession& releases) {
        return releases.changesSince(afterSeq);
    });
}

QFuture<Result<ReleaseDetail>> AppBackend::releaseDetail(qint64 workspaceId, qint64 releaseId)
{
    return withReleases<Result<ReleaseDetail>>(
        workspaceId, [releaseId](ReleaseSession& releases) { return releases.detail(releaseId); });
}

QFuture<Result<QList<ActivityEvent>>> AppBackend::releaseTimeline(qint64 workspaceId,
                                                                  qint64 releaseId)
{
    return withReleases<Result<QList<ActivityEvent>>>(
        workspaceId,
        [releaseId](ReleaseSession& releases) { return releases.timeline(releaseId); });
}

QFuture<Result<ScmComparison>> AppBackend::compareRelease(qint64 workspaceId, qint64 releaseId)
{
    return withReleases<Result<ScmComparison>>(
        workspaceId, [releaseId](ReleaseSession& releases) { return releases.compare(releaseId); });
}

QFuture<Result<ChoicePage>> AppBackend::releaseBranches(qint64 workspaceId)
{
    return withReleases<Result<ChoicePage>>(
        workspaceId, [](ReleaseSession& releases) { return releases.branches(); });
}

QFuture<Result<QList<ReleaseConfig>>> AppBackend::releaseTrains(qint64 workspaceId)
{
    return withReleases<Result<QList<ReleaseConfig>>>(
        workspaceId, [](ReleaseSession& releases) { return releases.trains(); });
}

QFuture<Result<Release>> AppBackend::createRelease(qint64 workspaceId, const ReleaseDraft& draft)
{
    return changedHere(withReleases<Result<Release>>(
        workspaceId, [draft](ReleaseSession& releases) { return releases.create(draft); }));
}

QFuture<Result<HotfixPlan>> AppBackend::planHotfix(qint64 workspaceId, const QString& fixedVersion)
{
    return withReleases<Result<HotfixPlan>>(workspaceId, [fixedVersion](ReleaseSession& releases) {
        return releases.planHotfix(fixedVersion);
    });
}

QFuture<Result<Release>> AppBackend::act(qint64 workspaceId, const ReleaseAction& action)
{
    return changedHere(withReleases<Result<Release>>(
        workspaceId, [action](ReleaseSession& releases) { return releases.act(action); }));
}

template<typename Answer, typename Work>
QFuture<Answer> AppBackend::withTrains(qint64 workspaceId, Work work)
{
    return run([this, workspaceId, work = std::move(work)]() -> Answer {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        TrainService service(*(*current)->database, (*current)->login);
        return work(service, Actor{workspaceId, (*current)->accountId});
    });
}

QFuture<Result<QList<TrainSummary>>> AppBackend::listTrains(qint64 workspaceId)
{
    return withTrains<Result<QList<TrainSummary>>>(
        workspaceId, [](TrainService& trains, const Actor& actor) { return trains.list(actor); });
}

QFuture<Result<ReleaseConfig>> AppBackend::createTrain(qint64 workspaceId,
                                                       const ReleaseConfig& draft)
{
    return changedHere(withTrains<Result<ReleaseConfig>>(
        workspaceId,
        [draft](TrainService& trains, const Actor& actor) { return trains.create(actor, draft); }));
}

QFuture<Result<ReleaseConfig>> AppBackend::updateTrain(qint64 workspaceId,
                                                       const ReleaseConfig& edited)
{
    return changedHere(withTrains<Result<ReleaseConfig>>(
        workspaceId, [edited](TrainService& trains, const Actor& actor) {
            return trains.update(actor, edited);
        }));
}

QFuture<Result<ReleaseConfig>> AppBackend::pauseTrain(qint64 workspaceId, qint64 trainId)
{
    return changedHere(withTrains<Result<ReleaseConfig>>(
        workspaceId, [trainId](TrainService& trains, const Actor& actor) {
            return trains.pause(actor, trainId);
        }));
}

QFuture<Result<ReleaseConfig>> AppBackend::resumeTrain(qint64 workspaceId, qint64 trainId)
{
    return changedHere(withTrains<Result<ReleaseConfig>>(
        workspaceId, [trainId](TrainService& trains, const Actor& actor) {
            return trains.resume(actor, trainId);
        }));
}

QFuture<Status> AppBackend::removeTrain(qint64 workspaceId, qint64 trainId)
{
    return changedHere(
        withTrains<Status>(workspaceId, [trainId](TrainService& trains, const Actor& actor) {
            return trains.remove(actor, trainId);
        }));
}

QFuture<Result<WorkspaceSummary>> AppBackend::exploreSandbox()
{
    QFuture<Result<WorkspaceSummary>> opened = run([this]() -> Result<WorkspaceSummary> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current) {
            // First launch: the sandbox makes this computer's database, as the wizard would.
            QSettings settings;
            if (settings.value(DatabaseUrlKey).toString().isEmpty()) {
                settings.setValue(DatabaseUrlKey,
                                  DatabaseUrl::parseOrDefault(QString()).value().toString());
                settings.sync();
            }
            const BackendStatus status = openSession();
            if (!status.databaseReachable)
                return Error::unavailable(status.databaseError);
            current = session();
            if (!current)
                return current.error();
        }
        const Session& open = **current;
        SandboxWorkspace sandbox(*open.database, open.login);
        Result<std::optional<Workspace>> existing = sandbox.find();
        if (!existing)
            return existing.error();
        if (existing->has_value())
            return WorkspaceSummary{(*existing)->id, (*existing)->name, Role::Owner};
        Result<Workspace> created = sandbox.create(open.accountId, m_sandboxTimeScale);
        if (!created)
            return created.error();
        return WorkspaceSummary{created->id, created->name, Role::Owner};
    });
    whenFinished(opened, m_health.get(),
                 [health = m_health.get()](const Result<WorkspaceSummary>& answer) {
                     if (answer)
                         health->checkNow();
                 });
    return changedHere(opened);
}

QFuture<Result<WorkspaceSummary>> AppBackend::resetSandbox()
{
    return changedHere(run([this]() -> Result<WorkspaceSummary> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        Result<Workspace> created = SandboxWorkspace(*(*current)->database, (*current)->login)
                                        .reset((*current)->accountId, 0);
        if (!created)
            return created.error();
        return WorkspaceSummary{created->id, created->name, Role::Owner};
    }));
}

QFuture<Status> AppBackend::deleteSandbox()
{
    return run([this]() -> Status {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        return SandboxWorkspace(*(*current)->database, (*current)->login)
            .remove((*current)->accountId);
    });
}

QFuture<Result<SandboxActivity>> AppBackend::sandboxActivity(qint64 workspaceId)
{
    return run([this, workspaceId]() -> Result<SandboxActivity> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        SandboxStore store(*(*current)->database);
        Result<std::optional<SandboxState>> state = store.state(workspaceId);
        if (!state)
            return state.error();
        if (!state->has_value())
            return Error::notFound(QStringLiteral("This workspace is not a sandbox."));
        Result<QList<SandboxMessage>> messages = store.messages(workspaceId);
        if (!messages)
            return messages.error();
        Result<QList<SandboxTicket>> tickets = store.tickets(workspaceId);
        if (!tickets)
            return tickets.error();
        Result<QList<SandboxRun>> runs = store.runs(workspaceId);
        if (!runs)
            return runs.error();
        return SandboxActivity{**state, *messages, *tickets, *runs};
    });
}

QFuture<Status> AppBackend::rehearse(qint64 workspaceId, SandboxRehearsal rehearsal)
{
    return run([this, workspaceId, rehearsal]() -> Status {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        return SandboxWorkspace(*(*current)->database, (*current)->login)
            .rehearse({workspaceId, (*current)->accountId}, rehearsal);
    });
}

} // namespace ReleaseDeck
