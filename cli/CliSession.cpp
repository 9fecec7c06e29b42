#include "CliSession.h"

#include "CliOutput.h"
#include "db/MigrationRunner.h"
#include "secrets/SecretKeys.h"
#include "secrets/SecretStoreFactory.h"
#include "services/Identity.h"
#include "store/WorkspaceStore.h"

namespace ReleaseDeck {

namespace {

// The shared database's password from the secret store; none stored means try without.
QString storedPassword(const CliGlobals& globals, const DatabaseUrl& url)
{
    Error error;
    std::unique_ptr<SecretStore> store = createSecretStore(globals.secrets, &error);
    if (!store)
        return {};
    const SecretResult result =
        awaitSecret(store->read(SecretKeys::databasePassword(url.toString())));
    return result.ok() ? result.secret : QString();
}

} // namespace

CliSession::CliSession(const CliGlobals& globals, std::unique_ptr<Database> database)
    : m_globals(globals)
    , m_database(std::move(database))
{}

Result<std::unique_ptr<CliSession>> CliSession::open(const CliGlobals& globals, Schema schema)
{
    Result<DatabaseUrl> url = DatabaseUrl::parseOrDefault(globals.database);
    if (!url)
        return url.error();
    const QString password = url->isShared() ? storedPassword(globals, *url) : QString();
    std::unique_ptr<CliSession> session(
        new CliSession(globals, std::make_unique<Database>(*url, password)));
    if (Status opened = session->database().open(); !opened)
        return opened.error();
    if (schema == Schema::Current) {
        MigrationRunner runner(session->database());
        if (!url->isShared()) {
            // A local file needs no set-up: it is brought up to date here.
            Result<int> migrated = runner.migrate();
            if (!migrated)
                return migrated.error();
        } else {
            Result<MigrationStatus> status = runner.status();
            if (!status)
                return status.error();
            if (!status->pending.isEmpty())
                return Error::unavailable(
                    QStringLiteral("%1 is at schema version %2 and needs %3 more migration(s); "
                                   "run 'releasedeck-cli db migrate' first.")
                        .arg(url->where())
                        .arg(status->currentVersion)
                        .arg(status->pending.size()));
        }
    }
    return session;
}

Result<Account> CliSession::account()
{
    if (m_account)
        return *m_account;
    Result<Account> me = Identity::signIn(*m_database);
    if (!me)
        return me.error();
    m_account = *me;
    return *me;
}

Result<Workspace> CliSession::workspace()
{
    WorkspaceStore workspaces(*m_database);
    if (!m_globals.workspace.isEmpty()) {
        Result<std::optional<Workspace>> found = workspaces.findByName(m_globals.workspace);
        if (!found)
            return found.error();
        if (*found)
            return **found;
    }
    Result<QList<Workspace>> all = workspaces.list();
    if (!all)
        return all.error();
    QStringList names;
    for (const Workspace& workspace : std::as_const(*all))
        names.append(workspace.name);
    if (!m_globals.workspace.isEmpty())
        return Error::usage(
            QStringLiteral("There is no workspace named '%1'; the workspaces are: %2.")
                .arg(m_globals.workspace,
                     names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "))));
    if (all->isEmpty())
        return Error::usage(QStringLiteral("There is no workspace yet; create one with "
                                           "'releasedeck-cli workspace create NAME'."));
    if (all->size() > 1)
        return Error::usage(QStringLiteral("There are several workspaces; choose one with "
                                           "--workspace NAME: %1.")
                                .arg(names.join(QStringLiteral(", "))));
    return all->constFirst();
}

Result<Actor> CliSession::actor()
{
    Result<Workspace> chosen = workspace();
    if (!chosen)
        return chosen.error();
    Result<Account> me = account();
    if (!me)
        return me.error();
    return Actor{chosen->id, me->id};
}

int CliSession::fail(CliOutput& output, const Error& error)
{
    if (error.kind == ErrorKind::Usage)
        return output.usageError(error.message);
    output.error(error.message);
    return ExitFailure;
}

} // namespace ReleaseDeck
