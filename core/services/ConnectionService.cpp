#include "ConnectionService.h"

#include "TokenChanges.h"
#include "db/Database.h"
#include "db/Transaction.h"
#include "logging/Logging.h"
#include "providers/ConnectionVerifier.h"
#include "providers/ProviderRegistry.h"
#include "secrets/SecretKeys.h"
#include "secrets/SecretStore.h"
#include "store/ConnectionStore.h"
#include "store/EventStore.h"
#include "store/Permission.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFutureWatcher>

namespace ReleaseDeck {

namespace {

Connection connectionFrom(const ConnectionDraft& draft, qint64 workspaceId)
{
    Connection connection;
    connection.workspaceId = workspaceId;
    connection.category = draft.category;
    connection.provider = draft.provider;
    connection.displayName = draft.displayName;
    connection.config = draft.config;
    return connection;
}

// The outcome of a verification that could not ask the provider at all.
VerificationOutcome notAsked(const Connection& connection, const Error& error)
{
    VerificationOutcome outcome;
    outcome.connectionId = connection.id;
    outcome.status = connection.status;
    outcome.lastVerifiedAt = connection.lastVerifiedAt;
    outcome.error = error.message;
    outcome.errorKind = error.kind;
    outcome.conclusive = false;
    return outcome;
}

// The error to report when a verification before saving did not come out VALID.
Error refusal(const VerificationOutcome& outcome, const QString& name)
{
    const ErrorKind kind = outcome.errorKind.value_or(ErrorKind::Unauthorized);
    const QString verdict = outcome.conclusive ? displayName(outcome.status).toLower()
                                               : QStringLiteral("could not be verified");
    return Error{kind,
                 QStringLiteral("The %1 connection is %2: %3 Nothing was saved.")
                     .arg(name, verdict, outcome.error),
                 {}};
}

} // namespace

ConnectionService::ConnectionService(Database& database, SecretStore& secrets,
                                     const ConnectionVerifier& verifier, QString actorLogin)
    : m_database(database)
    , m_secrets(secrets)
    , m_verifier(verifier)
    , m_actorLogin(std::move(actorLogin))
{}

Result<Connection> ConnectionService::add(const Actor& actor, const ConnectionDraft& draft,
                                          AddOptions options)
{
    TokenChanges changes;
    Result<Connection> saved = save(actor, draft, options, std::nullopt, changes);
    if (!saved) {
        changes.undo(m_secrets);
        return saved;
    }
    if (Status finished = changes.finish(m_secrets); !finished)
        return finished.error();
    return saved;
}

Result<Connection> ConnectionService::addVerified(const Actor& actor, const ConnectionDraft& draft,
                                                  TokenChanges& changes)
{
    if (!Transaction::isOpen(m_database))
        return Error::internal(
            QStringLiteral("A verified draft is saved inside the caller's transaction."));
    VerificationOutcome verified;
    verified.status = VerificationStatus::Valid;
    verified.lastVerifiedAt = QDateTime::currentDateTimeUtc();
    verified.conclusive = true;
    return save(actor, draft, {false, true}, verified, changes);
}

Result<Connection> ConnectionService::save(const Actor& actor, const ConnectionDraft& draft,
                                           AddOptions options,
                                           const std::optional<VerificationOutcome>& verified,
                                           TokenChanges& changes)
{
    const ProviderRegistry& registry = ProviderRegistry::builtIn();
    const ProviderInfo* provider = registry.find(draft.provider);
    if (Status valid = registry.validateConfig(draft.provider, draft.config); !valid)
        return valid.error();
    if (provider->simulated)
        return Error::usage(QStringLiteral("%1 belongs to the sandbox; create it with "
                                           "'releasedeck-cli sandbox create'.")
                                .arg(provider->displayName));
    if (provider->category != draft.category)
        return Error::usage(QStringLiteral("%1 is a %2 provider, not %3.")
                                .arg(provider->displayName,
                                     displayName(provider->category).toLower(),
                                     displayName(draft.category).toLower()));
    if (draft.token.trimmed().isEmpty())
        return Error::usage(
            QStringLiteral("The %1 connection needs a token.").arg(provider->displayName));
    if (!m_secrets.isWritable())
        return Error::usage(QStringLiteral("Tokens cannot be saved to %1, which is read-only.")
                                .arg(m_secrets.description()));
    if (Result<Role> allowed = requirePermission(m_database, actor, Permission::ManageWorkspace,
                                                 QStringLiteral("add connections"));
        !allowed)
        return allowed.error();

    ConnectionStore connections(m_database);
    Result<std::optional<Connection>> existing =
        connections.findActive(actor.workspaceId, draft.category);
    if (!existing)
        return existing.error();
    if (existing->has_value() && !options.replace)
        return Error::conflict(
            QStringLiteral("This workspace already has an active %1 connection (id %2); "
                           "remove it first.")
                .arg(displayName(draft.category).toLower())
                .arg((*existing)->id));

    Connection connection = connectionFrom(draft, actor.workspaceId);
    if (connection.displayName.trimmed().isEmpty())
        connection.displayName = provider->displayName;
    std::optional<VerificationOutcome> outcome = verified;
    if (!outcome && options.verify)
        outcome = m_verifier.verify(connection, draft.token);
    if (outcome) {
        if (outcome->status != VerificationStatus::Valid || !outcome->conclusive)
            return refusal(*outcome, provider->displayName);
        connection.status = VerificationStatus::Valid;
        connection.lastVerifiedAt = outcome->lastVerifiedAt;
    }

    connection.secretRef = SecretKeys::newConnectionKey(actor.workspaceId);
    const SecretResult stored = awaitSecret(m_secrets.write(connection.secretRef, draft.token));
    if (!stored.ok())
        return Error{stored.error.kind,
                     QStringLiteral("The token could not be saved, so nothing was: %1")
                         .arg(stored.error.message),
                     {}};
    changes.wrote(connection.secretRef);

    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun().error();
    Result<Connection> saved = options.replace ? connections.replace(actor, connection)
                                               : connections.insert(actor, connection);
    if (!saved)
        return saved.error();
    if (Status logged = appendEvent(
            actor, QStringLiteral("connection.added"),
            QStringLiteral("Connected %1 (%2).").arg(saved->displayName, toText(saved->status)),
            *saved);
        !logged)
        return logged.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    if (existing->has_value())
        changes.replaced((*existing)->secretRef);
    return saved;
}

VerificationOutcome ConnectionService::verifyDraft(const ConnectionDraft& draft) const
{
    return m_verifier.verify(connectionFrom(draft, 0), draft.token);
}

SecretResult ConnectionService::secretOf(const Connection& connection) const
{
    if (ProviderRegistry::builtIn().needsToken(connection.provider))
        return awaitSecret(m_secrets.read(connection.secretRef));
    SecretResult none;
    none.outcome = SecretResult::Outcome::Ok;
    return none;
}

Result<QString> ConnectionService::tokenOf(const Connection& connection,
                                           const SecretResult& secret) const
{
    if (secret.ok())
        return secret.secret;
    if (secret.notFound())
        return Error::unavailable(
            QStringLiteral("The token of the %1 connection is not on this machine; add it "
                           "again here to verify it.")
                .arg(connection.displayName));
    return secret.error;
}

Error ConnectionService::stopped() const
{
    return Error::unavailable(
        QStringLiteral("Verification was stopped: Release Deck is shutting down."));
}

Status ConnectionService::record(const Actor& actor, const Connection& connection,
                                 const VerificationOutcome& outcome)
{
    if (m_stop.stop_requested())
        return stopped();
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun();
    ConnectionStore connections(m_database);
    if (Status updated = connections.updateVerification(actor, connection.id, outcome.status,
                                                        outcome.lastVerifiedAt, outcome.error);
        !updated)
        return updated;
    const QString message =
        outcome.conclusive
            ? QStringLiteral("Verified %1: %2.").arg(connection.displayName, toText(outcome.status))
            : QStringLiteral("Could not verify %1: %2").arg(connection.displayName, outcome.error);
    // The statuses before and after let a follower tell a connection that just turned bad.
    const QJsonObject statuses{{QStringLiteral("status"), toText(outcome.status)},
                               {QStringLiteral("previousStatus"), toText(connection.status)}};
    if (Status logged = appendEvent(actor, QStringLiteral("connection.verified"), message,
                                    connection, statuses);
        !logged)
        return logged;
    return transaction.commit();
}

namespace {

// The row as the verification left it.
ConnectionService::Verified verified(Connection connection, const VerificationOutcome& outcome,
                                     bool tokenHere)
{
    connection.status = outcome.status;
    connection.lastVerifiedAt = outcome.lastVerifiedAt;
    connection.verificationError = outcome.error;
    return {outcome, {connection, tokenHere}};
}

} // namespace

Result<ConnectionService::Verified> ConnectionService::verify(const Actor& actor,
                                                              qint64 connectionId)
{
    ConnectionStore connections(m_database);
    Result<std::optional<Connection>> found = connections.findById(actor.workspaceId, connectionId);
    if (!found)
        return found.error();
    if (!found->has_value() || !(*found)->active)
        return Error::notFound(
            QStringLiteral("There is no active connection with id %1 in this workspace.")
                .arg(connectionId));
    const Connection& connection = **found;
    const SecretResult secret = secretOf(connection);
    Result<QString> token = tokenOf(connection, secret);
    if (!token)
        return verified(connection, notAsked(connection, token.error()), !secret.notFound());
    const VerificationOutcome outcome = m_verifier.verify(connection, *token);
    if (Status recorded = record(actor, connection, outcome); !recorded)
        return recorded.error();
    return verified(connection, outcome, true);
}

Result<QList<ConnectionService::Verified>>
ConnectionService::verifyAll(const Actor& actor, const std::function<void(const Verified&)>& onEach)
{
    ConnectionStore connections(m_database);
    Result<QList<Connection>> active = connections.listActive(actor.workspaceId);
    if (!active)
        return active.error();

    QList<Verified> results;
    QList<ConnectionVerifier::Job> jobs;
    QHash<qint64, Connection> byId;
    for (const Connection& connection : std::as_const(*active)) {
        const SecretResult secret = secretOf(connection);
        Result<QString> token = tokenOf(connection, secret);
        if (!token) {
            results.append(
                verified(connection, notAsked(connection, token.error()), !secret.notFound()));
            if (onEach)
                onEach(results.constLast());
            continue;
        }
        jobs.append({connection, *token});
        byId.insert(connection.id, connection);
    }

    // Outcomes arrive on this thread, through this loop, as each verification ends;
    // each is stored here because this thread owns its database connection.
    std::optional<Error> failure;
    QObject receiver;
    QEventLoop loop;
    QFutureWatcher<VerificationOutcome> watcher;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    QFuture<VerificationOutcome> all =
        m_verifier.verifyAll(jobs, &receiver, [&](const VerificationOutcome& outcome) {
            const Connection connection = byId.value(outcome.connectionId);
            if (Status recorded = record(actor, connection, outcome); !recorded) {
                if (!failure)
                    failure = recorded.error();
                return;
            }
            results.append(verified(connection, outcome, true));
            if (onEach)
                onEach(results.constLast());
        });
    watcher.setFuture(all);
    if (!all.isFinished())
        loop.exec();
    // Results reported before the loop started are still queued on this thread.
    QCoreApplication::sendPostedEvents();
    if (failure)
        return *failure;
    return results;
}

Result<QList<ConnectionRow>> ConnectionService::list(const Actor& actor)
{
    if (Result<Role> allowed = requirePermission(m_database, actor, Permission::Read,
                                                 QStringLiteral("see connections"));
        !allowed)
        return allowed.error();
    ConnectionStore connections(m_database);
    Result<QList<Connection>> active = connections.listActive(actor.workspaceId);
    if (!active)
        return active.error();
    QList<ConnectionRow> rows;
    for (const Connection& connection : std::as_const(*active)) {
        const SecretResult secret = secretOf(connection);
        if (!secret.ok() && !secret.notFound())
            return secret.error;
        rows.append({connection, secret.ok()});
    }
    return rows;
}

Result<Connection> ConnectionService::resolve(const Actor& actor, const QString& categoryOrId)
{
    ConnectionStore connections(m_database);
    bool isNumber = false;
    const qint64 id = categoryOrId.toLongLong(&isNumber);
    if (isNumber) {
        Result<std::optional<Connection>> found = connections.findById(actor.workspaceId, id);
        if (!found)
            return found.error();
        if (found->has_value() && (*found)->active)
            return **found;
        return Error::notFound(
            QStringLiteral("There is no active connection with id %1 in this workspace.").arg(id));
    }
    const std::optional<ConnectionCategory> category = categoryFromText(categoryOrId);
    if (!category)
        return Error::usage(QStringLiteral("'%1' is neither a connection id nor a category "
                                           "(SCM, CHAT, ISSUES, CI, TESTS, STORE).")
                                .arg(categoryOrId));
    Result<std::optional<Connection>> found = connections.findActive(actor.workspaceId, *category);
    if (!found)
        return found.error();
    if (!found->has_value())
        return Error::notFound(QStringLiteral("This workspace has no active %1 connection.")
                                   .arg(displayName(*category).toLower()));
    return **found;
}

Status ConnectionService::remove(const Actor& actor, qint64 connectionId)
{
    ConnectionStore connections(m_database);
    Result<std::optional<Connection>> found = connections.findById(actor.workspaceId, connectionId);
    if (!found)
        return found.error();
    if (!found->has_value() || !(*found)->active)
        return Error::notFound(
            QStringLiteral("There is no active connection with id %1 in this workspace.")
                .arg(connectionId));
    const Connection& connection = **found;
    if (Status deactivated = connections.deactivate(actor, connectionId); !deactivated)
        return deactivated;
    if (Status logged =
            appendEvent(actor, QStringLiteral("connection.removed"),
                        QStringLiteral("Disconnected %1.").arg(connection.displayName), connection);
        !logged)
        return logged;
    if (!ProviderRegistry::builtIn().needsToken(connection.provider))
        return {};
    const SecretResult removed = awaitSecret(m_secrets.remove(connection.secretRef));
    if (!removed.ok())
        return Error{removed.error.kind,
                     QStringLiteral("The connection was removed, but its token could not be "
                                    "deleted from %1: %2")
                         .arg(m_secrets.description(), removed.error.message),
                     {}};
    return {};
}

Status ConnectionService::appendEvent(const Actor& actor, const QString& kind,
                                      const QString& message, const Connection& connection,
                                      const QJsonObject& extra)
{
    Event event;
    event.actor = m_actorLogin;
    event.kind = kind;
    event.message = message;
    event.data = {{QStringLiteral("connectionId"), connection.id},
                  {QStringLiteral("category"), toText(connection.category)},
                  {QStringLiteral("provider"), connection.provider}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        event.data.insert(it.key(), it.value());
    EventStore events(m_database);
    Result<qint64> appended = events.append(actor, event);
    if (!appended)
        return appended.error();
    return {};
}

} // namespace ReleaseDeck
