#pragma once

#include "ConnectionEnums.h"

#include <QDateTime>

namespace ReleaseDeck {

// An account's role in a workspace.
struct Membership
{
    qint64 workspaceId = 0;
    qint64 accountId = 0;
    Role role = Role::Viewer;
    QDateTime createdAt;
};

} // namespace ReleaseDeck
