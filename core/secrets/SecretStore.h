#pragma once

#include "Error.h"

#include <QFuture>
#include <QString>

namespace ReleaseDeck {

// What a secret store operation came to.
struct SecretResult
{
    enum class Outcome
    {
        Ok,       // read: secret holds the value; write/remove: done
        NotFound, // no entry under that key (remove of a missing entry is Ok)
        Failed,   // error says why, in a sentence a person can act on
    };

    Outcome outcome = Outcome::Failed;
    QString secret;
    Error error;

    bool ok() const { return outcome == Outcome::Ok; }
    bool notFound() const { return outcome == Outcome::NotFound; }

    static SecretResult found(const QString& secret) { return {Outcome::Ok, secret, {}}; }
    static SecretResult done() { return {Outcome::Ok, {}, {}}; }
    static SecretResult missing() { return {Outcome::NotFound, {}, {}}; }
    static SecretResult failed(Error error) { return {Outcome::Failed, {}, std::move(error)}; }
};

// Where tokens and database passwords live. Asynchronous: a future finishes when the
// store answers. Implementations: the OS keychain (QtKeychain), a read-only systemd
// credentials directory for headless hosts, and an in-memory store for unit tests.
// Every secret that passes through a store is registered with the Redactor.
class SecretStore
{
public:
    virtual ~SecretStore() = default;

    virtual QFuture<SecretResult> read(const QString& key) = 0;
    virtual QFuture<SecretResult> write(const QString& key, const QString& secret) = 0;
    virtual QFuture<SecretResult> remove(const QString& key) = 0;

    // False for read-only stores (credentials directory).
    virtual bool isWritable() const = 0;
    // For people: "the system keychain", "the credentials directory /run/credentials/x".
    virtual QString description() const = 0;
};

// Waits for a store's answer while running this thread's event loop (QtKeychain answers
// through it). For the CLI and worker threads; the GUI thread uses QFuture::then instead.
SecretResult awaitSecret(QFuture<SecretResult> future);

} // namespace ReleaseDeck
