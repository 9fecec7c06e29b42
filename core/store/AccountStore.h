#pragma once

#include "Result.h"
#include "model/Account.h"

#include <optional>

namespace ReleaseDeck {

class Database;

// Accounts are global (one person, many workspaces); what they may do lives in memberships.
class AccountStore
{
public:
    explicit AccountStore(Database& database);

    // The account with this login, created when missing.
    Result<Account> ensure(const QString& login, const QString& displayName,
                           const QString& email = {});
    Result<std::optional<Account>> findByLogin(const QString& login);
    Result<std::optional<Account>> findById(qint64 id);

private:
    Result<std::optional<Account>> findOne(const QString& where, const QVariant& value);

    Database& m_database;
};

} // namespace ReleaseDeck
