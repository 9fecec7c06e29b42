#include "StoreSeed.h"

#include "store/AccountStore.h"
#include "store/MembershipStore.h"
#include "store/WorkspaceStore.h"

namespace ReleaseDeck::Test {

bool StoreSeed::plant(Database& database, QString* error)
{
    AccountStore accounts(database);
    WorkspaceStore workspaces(database);
    MembershipStore memberships(database);
    const auto account = [&](const QString& login) -> qint64 {
        Result<Account> made = accounts.ensure(login, login);
        if (!made) {
            *error = made.error().message;
            return 0;
        }
        return made->id;
    };
    const qint64 owner = account(QStringLiteral("owner@a"));
    const qint64 editor = account(QStringLiteral("editor@a"));
    const qint64 viewer = account(QStringLiteral("viewer@a"));
    const qint64 outsider = account(QStringLiteral("owner@b"));
    if (!owner || !editor || !viewer || !outsider)
        return false;
    Result<Workspace> a = workspaces.create(QStringLiteral("Alpha"), owner);
    Result<Workspace> b = workspaces.create(QStringLiteral("Beta"), outsider);
    if (!a || !b) {
        *error = (!a ? a.error() : b.error()).message;
        return false;
    }
    workspaceA = a->id;
    workspaceB = b->id;
    ownerA = {workspaceA, owner};
    editorA = {workspaceA, editor};
    viewerA = {workspaceA, viewer};
    ownerB = {workspaceB, outsider};
    for (const auto& [id, role] :
         {std::pair{editor, Role::Editor}, std::pair{viewer, Role::Viewer}}) {
        if (Status added = memberships.add(ownerA, id, role); !added) {
            *error = added.error().message;
            return false;
        }
    }
    return true;
}

} // namespace ReleaseDeck::Test
