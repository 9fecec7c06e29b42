#include "InMemorySecretStore.h"

#include "logging/Redactor.h"

#include <QMutexLocker>

namespace ReleaseDeck::Test {

QFuture<SecretResult> InMemorySecretStore::read(const QString& key)
{
    QMutexLocker lock(&m_mutex);
    const auto found = m_entries.constFind(key);
    if (found == m_entries.cend())
        return QtFuture::makeReadyFuture(SecretResult::missing());
    return QtFuture::makeReadyFuture(SecretResult::found(*found));
}

QFuture<SecretResult> InMemorySecretStore::write(const QString& key, const QString& secret)
{
    Redactor::instance().addSecret(secret);
    QMutexLocker lock(&m_mutex);
    if (m_writesFail)
        return QtFuture::makeReadyFuture(SecretResult::failed(writeError()));
    m_entries.insert(key, secret);
    return QtFuture::makeReadyFuture(SecretResult::done());
}

QFuture<SecretResult> InMemorySecretStore::remove(const QString& key)
{
    QMutexLocker lock(&m_mutex);
    m_entries.remove(key);
    return QtFuture::makeReadyFuture(SecretResult::done());
}

QString InMemorySecretStore::description() const
{
    return QStringLiteral("the in-memory test store");
}

void InMemorySecretStore::setWritesFail(bool fail)
{
    QMutexLocker lock(&m_mutex);
    m_writesFail = fail;
}

QHash<QString, QString> InMemorySecretStore::entries() const
{
    QMutexLocker lock(&m_mutex);
    return m_entries;
}

Error InMemorySecretStore::writeError()
{
    return Error::unavailable(
        QStringLiteral("No keychain is available: start or unlock your desktop keyring "
                       "(gnome-keyring or KWallet) and try again."));
}

} // namespace ReleaseDeck::Test
