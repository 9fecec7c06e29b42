#include "SecretStoreFactory.h"

#include "CredentialsDirectorySecretStore.h"
#include "KeychainSecretStore.h"

namespace ReleaseDeck {

namespace {

std::unique_ptr<SecretStore> refuse(Error* error, Error reason)
{
    if (error)
        *error = std::move(reason);
    return nullptr;
}

} // namespace

std::unique_ptr<SecretStore> createSecretStore(const QString& kind, Error* error)
{
    if (kind.isEmpty() || kind == QLatin1String("keychain"))
        return std::make_unique<KeychainSecretStore>();
    if (kind == QLatin1String("credentials-dir")) {
        const QString variable = CredentialsDirectorySecretStore::environmentVariable();
        const QString directory = qEnvironmentVariable(qPrintable(variable));
        if (directory.isEmpty())
            return refuse(error, Error::unavailable(
                                     QStringLiteral("%1 is not set: run Release Deck as a systemd "
                                                    "service with LoadCredential=, or use the "
                                                    "keychain.")
                                         .arg(variable)));
        return std::make_unique<CredentialsDirectorySecretStore>(directory);
    }
    return refuse(error, Error::usage(QStringLiteral("Unknown secret store \"%1\": use keychain or "
                                                     "credentials-dir.")
                                          .arg(kind)));
}

} // namespace ReleaseDeck
