#pragma once

#include "Error.h"
#include "SecretStore.h"

#include <memory>

namespace ReleaseDeck {

// The store a person chose: "" or "keychain" (the default), or "credentials-dir" (read-only,
// $CREDENTIALS_DIRECTORY, for headless hosts). nullptr and *error (when given) otherwise.
std::unique_ptr<SecretStore> createSecretStore(const QString& kind, Error* error);

} // namespace ReleaseDeck
