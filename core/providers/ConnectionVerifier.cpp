#include "ConnectionVerifier.h"

#include "logging/Logging.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace ReleaseDeck {

namespace {

// Verifications wait on the network, not the CPU: more threads than cores is right.
constexpr int MaxConcurrentVerifications = 8;

} // namespace

ConnectionVerifier::ConnectionVerifier(const ProviderRegistry& registry, HttpSettings settings)
    : m_registry(registry)
    , m_http(settings)
    , m_pool(std::make_unique<QThreadPool>())
{
    m_pool->setMaxThreadCount(MaxConcurrentVerifications);
}

ConnectionVerifier::~ConnectionVerifier()
{
    m_pool->waitForDone();
}

VerificationOutcome ConnectionVerifier::judge(const Connection& connection,
                                              const Result<VerificationReport>& result,
                                              const QDateTime& now)
{
    VerificationOutcome outcome;
    outcome.connectionId = connection.id;
    if (result) {
        outcome.status = VerificationStatus::Valid;
        outcome.lastVerifiedAt = now.toUTC();
        outcome.conclusive = true;
        outcome.summary = result->summary;
        outcome.details = result->details;
        return outcome;
    }
    const Error& error = result.error();
    outcome.error = error.message;
    outcome.errorKind = error.kind;
    outcome.lastVerifiedAt = connection.lastVerifiedAt;
    switch (error.kind) {
    case ErrorKind::Expired:
        outcome.status = VerificationStatus::Expired;
        outcome.conclusive = true;
        break;
    case ErrorKind::Unauthorized:
    case ErrorKind::Forbidden:
    case ErrorKind::NotFound:
    case ErrorKind::Validation:
    case ErrorKind::Conflict:
    case ErrorKind::Usage:
        outcome.status = VerificationStatus::Invalid;
        outcome.conclusive = true;
        break;
    case ErrorKind::Transient:
    case ErrorKind::RateLimited:
    case ErrorKind::Unavailable:
    case ErrorKind::Internal:
        outcome.status = connection.status;
        outcome.conclusive = false;
        break;
    }
    return outcome;
}

VerificationOutcome ConnectionVerifier::verify(const Connection& connection,
                                               const QString& token) const
{
    const auto result = m_registry.verify(connection, token, m_http);
    VerificationOutcome outcome = judge(connection, result, QDateTime::currentDateTimeUtc());
    qCDebug(lcProviders).noquote() << QStringLiteral("verified connection %1 (%2): %3 %4")
                                          .arg(QString::number(connection.id), connection.provider,
                                               toText(outcome.status), outcome.error);
    return outcome;
}

QFuture<VerificationOutcome>
ConnectionVerifier::verifyAll(const QList<Job>& jobs, QObject* context,
                              const std::function<void(const VerificationOutcome&)>& onEach) const
{
    QFuture<VerificationOutcome> future = QtConcurrent::mapped(
        m_pool.get(), jobs, [this](const Job& job) { return verify(job.connection, job.token); });
    if (context && onEach) {
        auto* watcher = new QFutureWatcher<VerificationOutcome>(context);
        QObject::connect(watcher, &QFutureWatcher<VerificationOutcome>::resultReadyAt, context,
                         [watcher, onEach](int index) { onEach(watcher->resultAt(index)); });
        QObject::connect(watcher, &QFutureWatcher<VerificationOutcome>::finished, watcher,
                         &QObject::deleteLater);
        watcher->setFuture(future);
    }
    return future;
}

} // namespace ReleaseDeck
