#pragma once

#include "ConnectionRow.h"
#include "Result.h"
#include "model/Actor.h"
#include "model/ConnectionDraft.h"
#include "providers/VerificationOutcome.h"

#include <QJsonObject>
#include <QList>

#include <functional>
#include <optional>
#include <stop_token>

namespace ReleaseDeck {

class ConnectionVerifier;
class Database;
class SecretStore;
class TokenChanges;
struct SecretResult;

// Adding, verifying, listing and removing a workspace's connections: the rules the CLI
// and the app share. Synchronous: it waits on the network, the database and the secret
// store, so it runs on a worker thread or the CLI's main thread, never the GUI thread.
class ConnectionService
{
public:
    // actorLogin names who acts in the activity log ("ana@laptop").
    ConnectionService(Database& database, SecretStore& secrets, const ConnectionVerifier& verifier,
                      QString actorLogin);

    struct AddOptions
    {
        bool verify = true;   // false: saved as PENDING without asking the provider
        bool replace = false; // true: the category's active connection is replaced
    };

    // Checks the config and the actor's role, verifies (only a VALID connection is saved
    // unless options.verify is false), then writes the token to the secret store and the
    // row to the database: if the token cannot be stored, no row is written; if the row
    // cannot be written, the token is removed again.
    Result<Connection> add(const Actor& actor, const ConnectionDraft& draft, AddOptions options);
    // The same checks and writes for a draft the caller verified moments ago (the wizard's
    // Finish), saved VALID without asking the provider again, inside the caller's open
    // transaction, which always replaces the category's connection. changes collects the
    // tokens to remove if the caller rolls back, or to delete (the replaced connection's)
    // once it commits.
    Result<Connection> addVerified(const Actor& actor, const ConnectionDraft& draft,
                                   TokenChanges& changes);

    // Verifies a draft without saving anything (the wizard's Verify button).
    VerificationOutcome verifyDraft(const ConnectionDraft& draft) const;

    // A verification and the connection's row as it now stands (its error shown even when
    // nothing was stored, e.g. the token is not on this machine).
    struct Verified
    {
        VerificationOutcome outcome;
        ConnectionRow row;
    };

    // Verifies a stored connection, stores the outcome and appends an event, in one
    // transaction.
    Result<Verified> verify(const Actor& actor, qint64 connectionId);
    // Verifies every active connection concurrently, reading each token once; onEach sees
    // each one as it is stored. Returns them all, in the order they finished.
    Result<QList<Verified>> verifyAll(const Actor& actor,
                                      const std::function<void(const Verified&)>& onEach = {});

    // Once stop is requested (the app quits), outcomes are no longer stored: a verification
    // cut short says nothing about the credentials.
    void setStopToken(std::stop_token stop) { m_stop = std::move(stop); }

    Result<QList<ConnectionRow>> list(const Actor& actor);
    // "SCM" (a category) or "12" (an id) to the active connection it names.
    Result<Connection> resolve(const Actor& actor, const QString& categoryOrId);

    // Deactivates the row, then deletes the token from the secret store.
    Status remove(const Actor& actor, qint64 connectionId);

private:
    Result<Connection> save(const Actor& actor, const ConnectionDraft& draft, AddOptions options,
                            const std::optional<VerificationOutcome>& verified,
                            TokenChanges& changes);
    // The connection's token from the secret store; an empty one, without asking the store,
    // for providers that need none (the sandbox's).
    SecretResult secretOf(const Connection& connection) const;
    Result<QString> tokenOf(const Connection& connection, const SecretResult& secret) const;
    Error stopped() const;
    Status record(const Actor& actor, const Connection& connection,
                  const VerificationOutcome& outcome);
    // extra joins the event's data (the connection's id, category and provider).
    Status appendEvent(const Actor& actor, const QString& kind, const QString& message,
                       const Connection& connection, const QJsonObject& extra = {});

    Database& m_database;
    SecretStore& m_secrets;
    const ConnectionVerifier& m_verifier;
    QString m_actorLogin;
    std::stop_token m_stop;
};

} // namespace ReleaseDeck
