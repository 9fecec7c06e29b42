#pragma once

#include "CliCommand.h"
#include "Result.h"
#include "db/Database.h"
#include "model/Account.h"
#include "model/Actor.h"
#include "model/Workspace.h"

#include <memory>
#include <optional>

namespace ReleaseDeck {

// What a command needs from the database: the connection (password from the secret store),
// the schema checked, the signed-in account (Identity: the connected database login on a
// shared server, $USER@hostname on a local file) and the chosen workspace.
class CliSession
{
public:
    enum class Schema
    {
        AsIs,    // db commands: look at the schema, never change it
        Current, // everything else: a local file is migrated, a shared server must be
    };

    static Result<std::unique_ptr<CliSession>> open(const CliGlobals& globals, Schema schema);

    Database& database() { return *m_database; }
    // The signed-in account (Identity::signIn), read once.
    Result<Account> account();
    // Its login, what events say; empty before account() or actor() answered.
    QString login() const { return m_account ? m_account->login : QString(); }
    // --workspace NAME, else the only workspace; Usage error listing them otherwise.
    Result<Workspace> workspace();
    // The account acting in the chosen workspace.
    Result<Actor> actor();

    // Prints the error; returns ExitUsage for usage errors, ExitFailure otherwise.
    static int fail(CliOutput& output, const Error& error);

private:
    CliSession(const CliGlobals& globals, std::unique_ptr<Database> database);

    const CliGlobals& m_globals;
    std::unique_ptr<Database> m_database;
    std::optional<Account> m_account;
};

} // namespace ReleaseDeck
