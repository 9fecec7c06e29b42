#pragma once

#include "SecretStore.h"

namespace ReleaseDeck {

// Read-only secrets for headless hosts, chosen explicitly: the files systemd's
// LoadCredential= puts in $CREDENTIALS_DIRECTORY. A key maps to a file name by
// credentialName(): "workspace-1/connection-<uuid>" is read from
// "$CREDENTIALS_DIRECTORY/workspace-1.connection-<uuid>". Files readable or writable by
// group or others are refused; one trailing newline is trimmed.
class CredentialsDirectorySecretStore : public SecretStore
{
public:
    explicit CredentialsDirectorySecretStore(const QString& directory);

    QFuture<SecretResult> read(const QString& key) override;
    QFuture<SecretResult> write(const QString& key, const QString& secret) override;
    QFuture<SecretResult> remove(const QString& key) override;

    bool isWritable() const override { return false; }
    QString description() const override;

    // '/' becomes '.', and any character other than A-Z a-z 0-9 . _ - @ becomes '_',
    // so the name is a valid systemd credential ID (no ':' to confuse LoadCredential=).
    static QString credentialName(const QString& key);
    static QString environmentVariable() { return QStringLiteral("CREDENTIALS_DIRECTORY"); }

private:
    SecretResult readNow(const QString& key) const;
    SecretResult refuseChange() const;

    QString m_directory;
};

} // namespace ReleaseDeck
