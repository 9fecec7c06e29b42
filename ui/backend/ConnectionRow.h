#pragma once

#include "model/Connection.h"

namespace ReleaseDeck {

// One line of the Connections page: the stored connection and whether this computer's
// keychain holds its token.
struct ConnectionRow
{
    Connection connection;
    bool tokenOnThisMachine = false;
};

} // namespace ReleaseDeck
