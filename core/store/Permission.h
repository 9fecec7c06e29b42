#pragma once

#include "Result.h"
#include "model/Actor.h"
#include "model/ConnectionEnums.h"

namespace ReleaseDeck {

class Database;

// What a mutating store call needs, checked against the memberships table.
enum class Permission
{
    Read,            // any member
    RunReleases,     // OWNER, EDITOR
    ManageWorkspace, // OWNER: connections, members
};

// The actor's role in its workspace when it grants the permission; Forbidden otherwise,
// with a sentence naming the role and who may do it.
Result<Role> requirePermission(Database& database, const Actor& actor, Permission permission,
                               const QString& action);

} // namespace ReleaseDeck
