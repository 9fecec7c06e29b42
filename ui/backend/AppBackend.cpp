#include "AppBackend.h"

#include "db/Database.h"
#include "db/DatabaseUrl.h"
#include "db/MigrationRunner.h"
#include "db/Transaction.h"
#include "logging/Logging.h"
#include "providers/ProviderRegistry.h"
#include "secrets/SecretKeys.h"
#include "secrets/SecretStore.h"
#include "secrets/SecretStoreFactory.h"
#include "services/ConnectionService.h"
#include "store/AccountStore.h"
#include "store/ConnectionStore.h"
#include "store/EventStore.h"
#include "store/MembershipStore.h"
#include "store/WorkspaceStore.h"

#include <QFileInfo>
#include <QMutexLocker>
#include <QSettings>
#include <QtConcurrent>

#include <algorithm>

namespace ReleaseDeck {

namespace {

const QString DatabaseUrlKey = QStringLiteral("database/url");
const QString AccountLoginKey = QStringLiteral("account/login");
constexpr int ChannelPageSize = 100;

Connection draftConnection(const ConnectionDraft& draft)
{
    Connection connection;
    connection.category = draft.category;
    connection.provider = draft.provider;
    connection.displayName = draft.displayName;
    connection.config = draft.config;
    return connection;
}

DatabaseUrl urlOf(const DatabaseDraft& draft)
{
    if (!draft.shared)
        return DatabaseUrl::defaultLocal();
    DatabaseUrl url;
    url.dialect = Dialect::MySql;
    url.host = draft.host.trimmed();
    url.port = draft.port;
    url.database = draft.database.trimmed();
    url.user = draft.user.trimmed();
    url.sslRequired = draft.tls;
    return url;
}

QString loginOf(const WizardResult& result)
{
    const QString email = result.email.trimmed().toLower();
    return email.isEmpty() ? result.displayName.trimmed() : email;
}

} // namespace

struct AppBackend::Session
{
    std::unique_ptr<Database> database;
    qint64 accountId = 0;
    QString login;
};

AppBackend::AppBackend()
{
    // Verifications and lists wait on the network, so more threads than cores.
    m_pool.setMaxThreadCount(6);
    // Threads keep their database connection while the app runs.
    m_pool.setExpiryTimeout(-1);
    Error error;
    m_secrets = createSecretStore(QString(), &error);
    QSettings settings;
    m_status.sharedDatabase =
        settings.value(DatabaseUrlKey).toString().startsWith(QLatin1String("mysql:"));
}

AppBackend::~AppBackend()
{
    m_pool.waitForDone();
}

bool AppBackend::needsOnboarding() const
{
    QSettings settings;
    return settings.value(DatabaseUrlKey).toString().isEmpty() ||
           settings.value(AccountLoginKey).toString().isEmpty();
}

BackendStatus AppBackend::status() const
{
    QMutexLocker lock(&m_mutex);
    return m_status;
}

void AppBackend::setStatus(const BackendStatus& status)
{
    QMutexLocker lock(&m_mutex);
    m_status = status;
}

Result<std::shared_ptr<AppBackend::Session>> AppBackend::session() const
{
    QMutexLocker lock(&m_mutex);
    if (!m_session)
        return Error::unavailable(m_status.databaseError.isEmpty()
                                      ? QStringLiteral("The database is not open yet.")
                                      : m_status.databaseError);
    return m_session;
}

BackendStatus AppBackend::openSession()
{
    QSettings settings;
    BackendStatus status;
    Result<DatabaseUrl> url =
        DatabaseUrl::parseOrDefault(settings.value(DatabaseUrlKey).toString());
    const QString login = settings.value(AccountLoginKey).toString();
    status.keychainAvailable = m_secrets != nullptr;
    if (m_secrets) {
        // A read of an entry nobody wrote answers NotFound when a keychain is there.
        const SecretResult probe = awaitSecret(m_secrets->read(QStringLiteral("probe")));
        status.keychainAvailable = probe.ok() || probe.notFound();
    }
    if (!url) {
        status.databaseReachable = false;
        status.databaseError = url.error().message;
        return status;
    }
    status.sharedDatabase = url->isShared();
    status.databaseHost = url->isShared() ? url->host : QString();
    QString password;
    if (url->isShared() && m_secrets) {
        const SecretResult stored =
            awaitSecret(m_secrets->read(SecretKeys::databasePassword(url->toString())));
        password = stored.ok() ? stored.secret : QString();
    }
    auto session = std::make_shared<Session>();
    session->database = std::make_unique<Database>(*url, password);
    session->login = login;
    if (Status opened = session->database->open(); !opened) {
        status.databaseReachable = false;
        status.databaseError = opened.error().message;
        return status;
    }
    MigrationRunner runner(*session->database);
    if (Result<int> migrated = runner.migrate(); !migrated) {
        status.databaseReachable = false;
        status.databaseError = QStringLiteral("The database could not be brought up to date: %1")
                                   .arg(migrated.error().message);
        return status;
    }
    if (!login.isEmpty()) {
        AccountStore accounts(*session->database);
        Result<std::optional<Account>> account = accounts.findByLogin(login);
        if (!account) {
            status.databaseReachable = false;
            status.databaseError = account.error().message;
            return status;
        }
        session->accountId = account->has_value() ? (*account)->id : 0;
    }
    QMutexLocker lock(&m_mutex);
    m_session = session;
    return status;
}

QFuture<BackendStatus> AppBackend::start()
{
    return QtConcurrent::run(&m_pool, [this] {
        const BackendStatus status = openSession();
        setStatus(status);
        if (!status.databaseReachable)
            qCWarning(lcUi).noquote() << "database unavailable:" << status.databaseError;
        return status;
    });
}

QFuture<BackendStatus> AppBackend::reconnect()
{
    return start();
}

QFuture<VerificationOutcome> AppBackend::verifyDraft(const ConnectionDraft& draft)
{
    return QtConcurrent::run(
        &m_pool, [this, draft] { return m_verifier.verify(draftConnection(draft), draft.token); });
}

QFuture<Result<ChoicePage>> AppBackend::listBranches(const ConnectionDraft& draft)
{
    return QtConcurrent::run(&m_pool, [draft]() -> Result<ChoicePage> {
        const HttpClient http;
        auto client =
            ProviderRegistry::builtIn().createScm(draftConnection(draft), draft.token, http);
        if (!client)
            return client.error();
        Result<QList<ScmBranch>> branches = (*client)->listBranches();
        if (!branches)
            return branches.error();
        ChoicePage page;
        for (const ScmBranch& branch : std::as_const(*branches))
            page.items.append({branch.name, branch.name});
        return page;
    });
}

QFuture<Result<ChoicePage>> AppBackend::listChannels(const ConnectionDraft& draft,
                                                     const QString& search, const QString& cursor)
{
    return QtConcurrent::run(&m_pool, [draft, search, cursor]() -> Result<ChoicePage> {
        const HttpClient http;
        auto client =
            ProviderRegistry::builtIn().createChat(draftConnection(draft), draft.token, http);
        if (!client)
            return client.error();
        Result<QList<ChatChannel>> channels = (*client)->listChannels();
        if (!channels)
            return channels.error();
        QList<ChatChannel> matching;
        for (const ChatChannel& channel : std::as_const(*channels)) {
            if (!channel.isArchived && channel.name.contains(search.trimmed(), Qt::CaseInsensitive))
                matching.append(channel);
        }
        std::sort(matching.begin(), matching.end(), [](const ChatChannel& a, const ChatChannel& b) {
            return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
        });
        // The provider's pages are gathered by the client; people page through matches.
        const qsizetype start = std::max<qsizetype>(0, cursor.toLongLong());
        ChoicePage page;
        for (qsizetype i = start; i < matching.size() && i < start + ChannelPageSize; ++i) {
            const ChatChannel& channel = matching.at(i);
            // The bare name: the wizard shows it as "#name" and names the connection so.
            page.items.append({channel.id, channel.name});
        }
        if (start + ChannelPageSize < matching.size())
            page.nextCursor = QString::number(start + ChannelPageSize);
        return page;
    });
}

QFuture<Result<ChoicePage>> AppBackend::listWorkflows(const ConnectionDraft& draft)
{
    return QtConcurrent::run(&m_pool, [draft]() -> Result<ChoicePage> {
        const HttpClient http;
        auto client =
            ProviderRegistry::builtIn().createCi(draftConnection(draft), draft.token, http);
        if (!client)
            return client.error();
        Result<QList<CiWorkflow>> workflows = (*client)->listWorkflows();
        if (!workflows)
            return workflows.error();
        ChoicePage page;
        for (const CiWorkflow& workflow : std::as_const(*workflows)) {
            // A GitHub workflow is configured by its file name, a Jenkins job by its name.
            const QFileInfo file(workflow.path);
            const bool isFile =
                file.suffix() == QLatin1String("yml") || file.suffix() == QLatin1String("yaml");
            const QString id = isFile ? file.fileName() : workflow.path;
            page.items.append({id, QStringLiteral("%1 (%2)").arg(workflow.name, id)});
        }
        return page;
    });
}

QFuture<Result<QList<WorkspaceSummary>>> AppBackend::testDatabase(const DatabaseDraft& draft)
{
    return QtConcurrent::run(&m_pool, [draft]() -> Result<QList<WorkspaceSummary>> {
        Database database(urlOf(draft), draft.password);
        if (Status opened = database.open(); !opened)
            return opened.error();
        MigrationRunner runner(database);
        Result<MigrationStatus> schema = runner.status();
        if (!schema)
            return schema.error();
        QList<WorkspaceSummary> summaries;
        if (schema->currentVersion == 0)
            return summaries;
        WorkspaceStore workspaces(database);
        Result<QList<Workspace>> all = workspaces.list();
        if (!all)
            return all.error();
        for (const Workspace& workspace : std::as_const(*all))
            summaries.append({workspace.id, workspace.name, Role::Viewer});
        return summaries;
    });
}

Status AppBackend::saveEverything(const WizardResult& result)
{
    if (!m_secrets)
        return Error::unavailable(QStringLiteral("No keychain is available: start or unlock your "
                                                 "desktop keyring and try again."));
    const DatabaseUrl url = urlOf(result.database);
    const QString passwordKey = SecretKeys::databasePassword(url.toString());
    QStringList writtenKeys;
    // Whatever fails after this point takes the keychain entries written so far with it.
    auto undo = [this, &writtenKeys](const Error& error) -> Status {
        for (const QString& key : std::as_const(writtenKeys))
            awaitSecret(m_secrets->remove(key));
        return error;
    };

    if (url.isShared() && !result.database.password.isEmpty()) {
        const SecretResult stored =
            awaitSecret(m_secrets->write(passwordKey, result.database.password));
        if (!stored.ok())
            return stored.error;
        writtenKeys.append(passwordKey);
    }
    auto database = std::make_unique<Database>(url, result.database.password);
    if (Status opened = database->open(); !opened)
        return undo(opened.error());
    MigrationRunner runner(*database);
    if (Result<int> migrated = runner.migrate(); !migrated)
        return undo(migrated.error());

    const QString login = loginOf(result);
    qint64 workspaceId = result.joinWorkspaceId;
    qint64 accountId = 0;
    {
        Transaction transaction(*database);
        if (!transaction.begun())
            return undo(transaction.begun().error());
        AccountStore accounts(*database);
        Result<Account> account =
            accounts.ensure(login, result.displayName.trimmed(), result.email.trimmed());
        if (!account)
            return undo(account.error());
        accountId = account->id;
        if (workspaceId == 0) {
            WorkspaceStore workspaces(*database);
            Result<Workspace> created =
                workspaces.create(result.workspaceName.trimmed(), accountId);
            if (!created)
                return undo(created.error());
            workspaceId = created->id;
        } else {
            MembershipStore memberships(*database);
            Result<std::optional<Role>> role = memberships.roleOf(workspaceId, accountId);
            if (!role)
                return undo(role.error());
            if (!role->has_value())
                return undo(Error::forbidden(
                    QStringLiteral("%1 is not a member of that workspace yet; ask one of its "
                                   "owners to add you, then try again.")
                        .arg(login)));
        }
        const Actor actor{workspaceId, accountId};
        ConnectionStore connections(*database);
        QList<Event> added;
        for (const ConnectionDraft& draft : result.connections) {
            Connection connection = draftConnection(draft);
            connection.workspaceId = workspaceId;
            // Only connections the wizard verified reach here.
            connection.status = VerificationStatus::Valid;
            connection.lastVerifiedAt = QDateTime::currentDateTimeUtc();
            connection.secretRef = SecretKeys::newConnectionKey(workspaceId);
            const SecretResult stored =
                awaitSecret(m_secrets->write(connection.secretRef, draft.token));
            if (!stored.ok())
                return undo(Error{stored.error.kind,
                                  QStringLiteral("Nothing was saved: %1").arg(stored.error.message),
                                  {}});
            writtenKeys.append(connection.secretRef);
            Result<Connection> saved = connections.replace(actor, connection);
            if (!saved)
                return undo(saved.error());
            Event event;
            event.actor = login;
            event.kind = QStringLiteral("connection.added");
            event.message = QStringLiteral("Connected %1 (VALID).").arg(saved->displayName);
            event.data = {{QStringLiteral("connectionId"), saved->id},
                          {QStringLiteral("category"), toText(saved->category)},
                          {QStringLiteral("provider"), saved->provider}};
            added.append(event);
        }
        // Last: appending locks the workspace's event sequence until the commit.
        EventStore events(*database);
        for (const Event& event : std::as_const(added)) {
            if (Result<qint64> logged = events.append(actor, event); !logged)
                return undo(logged.error());
        }
        if (Status committed = transaction.commit(); !committed)
            return undo(committed.error());
    }

    QSettings settings;
    settings.setValue(DatabaseUrlKey, url.toString());
    settings.setValue(AccountLoginKey, login);
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return Error::unavailable(
            QStringLiteral("Everything was saved, but the settings file %1 could not be written.")
                .arg(settings.fileName()));

    auto session = std::make_shared<Session>();
    session->database = std::move(database);
    session->accountId = accountId;
    session->login = login;
    BackendStatus status = this->status();
    status.sharedDatabase = url.isShared();
    status.databaseHost = url.isShared() ? url.host : QString();
    status.databaseReachable = true;
    status.databaseError.clear();
    QMutexLocker lock(&m_mutex);
    m_session = session;
    m_status = status;
    return {};
}

QFuture<Status> AppBackend::finish(const WizardResult& result)
{
    return QtConcurrent::run(&m_pool, [this, result] { return saveEverything(result); });
}

QFuture<Result<QList<ConnectionRow>>> AppBackend::listConnections(qint64 workspaceId)
{
    {
        QMutexLocker lock(&m_mutex);
        m_shownWorkspace = workspaceId;
    }
    return QtConcurrent::run(&m_pool, [this, workspaceId]() -> Result<QList<ConnectionRow>> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        ConnectionService service(*(*current)->database, *m_secrets, m_verifier, (*current)->login);
        return service.list({workspaceId, (*current)->accountId});
    });
}

QFuture<Result<ConnectionRow>> AppBackend::verify(qint64 connectionId)
{
    qint64 workspaceId = 0;
    {
        QMutexLocker lock(&m_mutex);
        workspaceId = m_shownWorkspace;
    }
    return QtConcurrent::run(&m_pool, [this, workspaceId, connectionId]() -> Result<ConnectionRow> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        const Actor actor{workspaceId, (*current)->accountId};
        ConnectionService service(*(*current)->database, *m_secrets, m_verifier, (*current)->login);
        Result<VerificationOutcome> outcome = service.verify(actor, connectionId);
        if (!outcome)
            return outcome.error();
        Result<QList<ConnectionRow>> rows = service.list(actor);
        if (!rows)
            return rows.error();
        for (const ConnectionRow& row : std::as_const(*rows)) {
            if (row.connection.id != connectionId)
                continue;
            // A verification that could not run here (no token) changes nothing stored, but
            // people still need to see why.
            ConnectionRow shown = row;
            if (!outcome->conclusive)
                shown.connection.verificationError = outcome->error;
            return shown;
        }
        return Error::notFound(QStringLiteral("The connection was removed meanwhile."));
    });
}

QFuture<Result<ConnectionRow>> AppBackend::saveConnection(qint64 workspaceId,
                                                          const ConnectionDraft& draft)
{
    return QtConcurrent::run(&m_pool, [this, workspaceId, draft]() -> Result<ConnectionRow> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        ConnectionService service(*(*current)->database, *m_secrets, m_verifier, (*current)->login);
        ConnectionService::AddOptions options;
        options.replace = true;
        Result<Connection> saved =
            service.add({workspaceId, (*current)->accountId}, draft, options);
        if (!saved)
            return saved.error();
        return ConnectionRow{*saved, true};
    });
}

QFuture<Status> AppBackend::disconnect(qint64 connectionId)
{
    qint64 workspaceId = 0;
    {
        QMutexLocker lock(&m_mutex);
        workspaceId = m_shownWorkspace;
    }
    return QtConcurrent::run(&m_pool, [this, workspaceId, connectionId]() -> Status {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        ConnectionService service(*(*current)->database, *m_secrets, m_verifier, (*current)->login);
        return service.remove({workspaceId, (*current)->accountId}, connectionId);
    });
}

QFuture<Result<QList<WorkspaceSummary>>> AppBackend::workspaces()
{
    return QtConcurrent::run(&m_pool, [this]() -> Result<QList<WorkspaceSummary>> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        Database& database = *(*current)->database;
        WorkspaceStore workspaces(database);
        MembershipStore memberships(database);
        Result<QList<Workspace>> mine = workspaces.listForAccount((*current)->accountId);
        if (!mine)
            return mine.error();
        QList<WorkspaceSummary> summaries;
        for (const Workspace& workspace : std::as_const(*mine)) {
            Result<std::optional<Role>> role =
                memberships.roleOf(workspace.id, (*current)->accountId);
            if (!role)
                return role.error();
            summaries.append({workspace.id, workspace.name, role->value_or(Role::Viewer)});
        }
        return summaries;
    });
}

QFuture<Result<QList<ActivityEvent>>> AppBackend::events(qint64 workspaceId, qint64 afterSeq)
{
    return QtConcurrent::run(
        &m_pool, [this, workspaceId, afterSeq]() -> Result<QList<ActivityEvent>> {
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

} // namespace ReleaseDeck
