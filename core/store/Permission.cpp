#include "Permission.h"

#include "db/Database.h"

namespace ReleaseDeck {

Result<Role> requirePermission(Database& database, const Actor& actor, Permission permission,
                               const QString& action)
{
    Result<QSqlQuery> query = database.run(
        QStringLiteral("SELECT role FROM memberships WHERE workspace_id = ? AND account_id = ?"),
        {actor.workspaceId, actor.accountId});
    if (!query)
        return query.error();
    if (!query->next())
        return Error::forbidden(
            QStringLiteral("You are not a member of this workspace, so you cannot %1.")
                .arg(action));
    const std::optional<Role> role = roleFromText(query->value(0).toString());
    if (!role)
        return Error::internal(QStringLiteral("The membership has an unknown role '%1'.")
                                   .arg(query->value(0).toString()));
    switch (permission) {
    case Permission::Read:
        return *role;
    case Permission::RunReleases:
        if (canRunReleases(*role))
            return *role;
        return Error::forbidden(
            QStringLiteral("Your role here is %1; only an OWNER or EDITOR can %2.")
                .arg(toText(*role), action));
    case Permission::ManageWorkspace:
        if (canManageConnections(*role))
            return *role;
        return Error::forbidden(QStringLiteral("Your role here is %1; only an OWNER can %2.")
                                    .arg(toText(*role), action));
    }
    return Error::internal(QStringLiteral("Unknown permission."));
}

} // namespace ReleaseDeck
