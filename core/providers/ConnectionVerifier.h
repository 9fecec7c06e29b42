#pragma once

#include "ProviderRegistry.h"
#include "VerificationOutcome.h"

#include <QFuture>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace ReleaseDeck {

// Runs a connection's verify() and turns the answer into a VerificationOutcome:
// works → VALID, last verified now, error cleared; credentials refused or unable to do
// what the tasks need → INVALID with the provider's reason; token expired → EXPIRED;
// unreachable, timeout, 5xx, rate limited → status and last verified unchanged, error set.
// lastVerifiedAt records the last time the credentials worked, so INVALID and EXPIRED keep
// it too. Clients signal the cases by Error kind: Unauthorized (401, invalid_auth,
// token_revoked), Expired (token_expired), Forbidden/NotFound/Validation/Usage (cannot do
// what tasks need), Transient/RateLimited/Unavailable (nothing learned).
// No database here: the caller stores outcomes and appends events.
class ConnectionVerifier
{
public:
    struct Job
    {
        Connection connection;
        QString token;
    };

    explicit ConnectionVerifier(const ProviderRegistry& registry = ProviderRegistry::builtIn(),
                                HttpSettings settings = {});
    ~ConnectionVerifier();
    ConnectionVerifier(const ConnectionVerifier&) = delete;
    ConnectionVerifier& operator=(const ConnectionVerifier&) = delete;

    // Blocks the calling thread (use from a worker thread or the CLI).
    VerificationOutcome verify(const Connection& connection, const QString& token) const;

    // Verifies every job concurrently, each on its own worker thread. onEach runs on
    // context's thread as each one finishes (not in job order); the future holds all.
    QFuture<VerificationOutcome>
    verifyAll(const QList<Job>& jobs, QObject* context = nullptr,
              const std::function<void(const VerificationOutcome&)>& onEach = {}) const;

    // The product's rules, from a verify() result.
    static VerificationOutcome judge(const Connection& connection,
                                     const Result<VerificationReport>& result,
                                     const QDateTime& now);

private:
    const ProviderRegistry& m_registry;
    HttpClient m_http;
    std::unique_ptr<QThreadPool> m_pool;
};

} // namespace ReleaseDeck
