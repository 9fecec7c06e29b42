#pragma once

#include <QtGlobal>

namespace ReleaseDeck {

// Who acts, and in which workspace. Stores look the role up from the membership,
// never trust a role handed in.
struct Actor
{
    qint64 workspaceId = 0;
    qint64 accountId = 0;
};

} // namespace ReleaseDeck
