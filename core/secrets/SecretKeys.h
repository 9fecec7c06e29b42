#pragma once

#include <QString>

namespace ReleaseDeck {

// Keychain entry names. The database stores only these, never the secret.
namespace SecretKeys {

// "workspace-<id>/connection-<uuid>": one per workspace and connection; the uuid is made
// before the connection row exists, so the token can be written before the row commits.
QString newConnectionKey(qint64 workspaceId);

// "database/<url>" for a shared database's password; url carries no password.
QString databasePassword(const QString& databaseUrl);

} // namespace SecretKeys

} // namespace ReleaseDeck
