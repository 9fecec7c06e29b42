#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/Member.h"

#include <QList>

#include <optional>

namespace ReleaseDeck {

class Database;

// Who belongs to a workspace and in which role. Only an OWNER changes memberships.
class MembershipStore
{
public:
    explicit MembershipStore(Database& database);

    Status add(const Actor& actor, qint64 accountId, Role role);
    Status setRole(const Actor& actor, qint64 accountId, Role role);
    Status remove(const Actor& actor, qint64 accountId);

    Result<std::optional<Role>> roleOf(qint64 workspaceId, qint64 accountId);
    // The workspace's members with their accounts, owners first, then by name.
    Result<QList<Member>> members(qint64 workspaceId);

private:
    Status keepAnOwner(const Actor& actor, qint64 accountId);

    Database& m_database;
};

} // namespace ReleaseDeck
