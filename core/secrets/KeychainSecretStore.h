#pragma once

#include "SecretStore.h"

#include <chrono>

namespace ReleaseDeck {

// The OS keychain through QtKeychain (Secret Service on Linux), service "ReleaseDeck",
// one entry per key. Never an insecure fallback: without a keychain it fails and says so.
// QtKeychain serialises every job through one process-wide queue object that lives in the
// thread of the first job, so jobs always run on the application thread; callers on any
// thread get a future, and that thread's event loop (awaitSecret spins one) sees it finish.
// Needs a QCoreApplication whose thread runs its event loop.
class KeychainSecretStore : public SecretStore
{
public:
    // The Secret Service may still be starting at login: one retry after retryDelay.
    explicit KeychainSecretStore(std::chrono::milliseconds retryDelay = defaultRetryDelay());

    QFuture<SecretResult> read(const QString& key) override;
    QFuture<SecretResult> write(const QString& key, const QString& secret) override;
    QFuture<SecretResult> remove(const QString& key) override;

    bool isWritable() const override { return true; }
    QString description() const override;

    static QString serviceName() { return QStringLiteral("ReleaseDeck"); }
    static std::chrono::milliseconds defaultRetryDelay() { return std::chrono::milliseconds(1500); }

private:
    std::chrono::milliseconds m_retryDelay;
};

} // namespace ReleaseDeck
