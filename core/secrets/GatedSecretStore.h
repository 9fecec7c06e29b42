#pragma once

#include "SecretStore.h"

#include <functional>
#include <memory>

namespace ReleaseDeck {

// A secret store in front of another one that can be closed when the app shuts down:
// close() answers every request still waiting and every later one at once with an
// Unavailable error. The keychain answers on the application thread, so a worker waiting
// for it while that thread waits for the workers would never return; after close() no
// worker waits for the application thread. Thread-safe.
class GatedSecretStore final : public SecretStore
{
public:
    explicit GatedSecretStore(std::unique_ptr<SecretStore> inner);
    ~GatedSecretStore() override;

    QFuture<SecretResult> read(const QString& key) override;
    QFuture<SecretResult> write(const QString& key, const QString& secret) override;
    QFuture<SecretResult> remove(const QString& key) override;
    bool isWritable() const override;
    QString description() const override;

    void close();

private:
    struct Gate;

    QFuture<SecretResult> forward(const std::function<QFuture<SecretResult>()>& ask);

    std::unique_ptr<SecretStore> m_inner;
    std::shared_ptr<Gate> m_gate;
};

} // namespace ReleaseDeck
