#pragma once

#include "Result.h"
#include "backend/WizardResult.h"
#include "db/DatabaseUrl.h"

#include <memory>

namespace ReleaseDeck {

class ConnectionVerifier;
class Database;
class SecretStore;

// Saves what the onboarding wizard collected, all or nothing: the shared database's
// password, the signed-in account (Identity: the database login, or the local user), the
// workspace (created or joined) and every verified connection
// with its token, through the connection service inside one transaction. Any failure rolls
// the rows back and removes every keychain entry written; replaced connections' tokens are
// deleted only once the transaction committed. Synchronous: runs on a worker thread.
class OnboardingSave
{
public:
    OnboardingSave(SecretStore& secrets, const ConnectionVerifier& verifier);

    struct Saved
    {
        std::unique_ptr<Database> database; // open on the calling thread
        qint64 accountId = 0;
        qint64 workspaceId = 0;
        QString login;
    };
    Result<Saved> save(const WizardResult& result);

    // Where the wizard's database choice lives.
    static DatabaseUrl urlOf(const DatabaseDraft& draft);

private:
    SecretStore& m_secrets;
    const ConnectionVerifier& m_verifier;
};

} // namespace ReleaseDeck
