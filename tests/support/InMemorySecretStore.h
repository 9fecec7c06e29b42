#pragma once

#include "secrets/SecretStore.h"

#include <QHash>
#include <QMutex>

namespace ReleaseDeck::Test {

// A QHash standing in for the keychain in unit tests; never linked into the programs.
// Every future is ready at once. setWritesFail(true) makes writes fail like a locked
// keychain, so callers can prove that nothing is saved when the keychain write fails.
class InMemorySecretStore : public SecretStore
{
public:
    QFuture<SecretResult> read(const QString& key) override;
    QFuture<SecretResult> write(const QString& key, const QString& secret) override;
    QFuture<SecretResult> remove(const QString& key) override;

    bool isWritable() const override { return true; }
    QString description() const override;

    void setWritesFail(bool fail);
    // What the store holds now, key → secret.
    QHash<QString, QString> entries() const;
    // The error failing writes answer with.
    static Error writeError();

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_entries;
    bool m_writesFail = false;
};

} // namespace ReleaseDeck::Test
