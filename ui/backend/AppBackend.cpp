#include "AppBackendParts.h"
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

using namespace AppBackendParts;

namespace AppBackendParts {

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

} // namespace AppBackendParts

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

} // namespace ReleaseDeck
