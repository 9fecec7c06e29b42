#pragma once

#include "Result.h"
#include "model/Account.h"

namespace ReleaseDeck {

class Database;

// Who acts. On a shared server it is the database login the server says is connected
// (USER()), never a name someone typed; on a local file it is the local user
// ($USER@hostname), the file's one OWNER. The app and the CLI ask here, so the same person
// is the same account in both.
class Identity
{
public:
    // "$USER@hostname".
    static QString localLogin();
    // The login this database connection acts as: the connected user's name on a shared
    // server (without the client host), localLogin() on a local file.
    static Result<QString> login(Database& database);
    // That login's account. A local file creates it on first use (displayName and email fill
    // a new one). On a shared server an owner created it when adding the member ('member
    // add'); only a schema administrator's own account is created here, for the first
    // workspace.
    static Result<Account> signIn(Database& database, const QString& displayName = {},
                                  const QString& email = {});
};

} // namespace ReleaseDeck
