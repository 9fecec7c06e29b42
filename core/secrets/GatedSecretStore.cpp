#include "GatedSecretStore.h"

#include <QList>
#include <QMutex>
#include <QMutexLocker>
#include <QPromise>

#include <utility>

namespace ReleaseDeck {

namespace {

using SharedPromise = std::shared_ptr<QPromise<SecretResult>>;

SecretResult closedResult()
{
    return SecretResult::failed(Error::unavailable(
        QStringLiteral("Release Deck is shutting down; the keychain was not asked.")));
}

} // namespace

// Shared with the continuations, which may run after the store is gone.
struct GatedSecretStore::Gate
{
    QMutex mutex;
    bool closed = false;
    QList<SharedPromise> waiting;

    // The first answer wins: the store's own, or the one close() gives.
    void answer(const SharedPromise& promise, const SecretResult& result)
    {
        QMutexLocker lock(&mutex);
        if (!waiting.removeOne(promise))
            return;
        promise->addResult(result);
        promise->finish();
    }
};

GatedSecretStore::GatedSecretStore(std::unique_ptr<SecretStore> inner)
    : m_inner(std::move(inner))
    , m_gate(std::make_shared<Gate>())
{}

GatedSecretStore::~GatedSecretStore()
{
    close();
}

QFuture<SecretResult> GatedSecretStore::forward(const std::function<QFuture<SecretResult>()>& ask)
{
    auto promise = std::make_shared<QPromise<SecretResult>>();
    QFuture<SecretResult> future = promise->future();
    promise->start();
    {
        QMutexLocker lock(&m_gate->mutex);
        if (m_gate->closed) {
            promise->addResult(closedResult());
            promise->finish();
            return future;
        }
        m_gate->waiting.append(promise);
    }
    ask().then(QtFuture::Launch::Sync,
               [gate = m_gate, promise](const QFuture<SecretResult>& answered) {
                   gate->answer(promise, answered.resultCount() > 0
                                             ? answered.result()
                                             : SecretResult::failed(Error::internal(
                                                   QStringLiteral("The secret store gave no "
                                                                  "answer."))));
               });
    return future;
}

QFuture<SecretResult> GatedSecretStore::read(const QString& key)
{
    return forward([this, key] { return m_inner->read(key); });
}

QFuture<SecretResult> GatedSecretStore::write(const QString& key, const QString& secret)
{
    return forward([this, key, secret] { return m_inner->write(key, secret); });
}

QFuture<SecretResult> GatedSecretStore::remove(const QString& key)
{
    return forward([this, key] { return m_inner->remove(key); });
}

bool GatedSecretStore::isWritable() const
{
    return m_inner->isWritable();
}

QString GatedSecretStore::description() const
{
    return m_inner->description();
}

void GatedSecretStore::close()
{
    QMutexLocker lock(&m_gate->mutex);
    m_gate->closed = true;
    const QList<SharedPromise> waiting = std::exchange(m_gate->waiting, {});
    for (const SharedPromise& promise : waiting) {
        promise->addResult(closedResult());
        promise->finish();
    }
}

} // namespace ReleaseDeck
