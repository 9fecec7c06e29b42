#pragma once

#include "model/Connection.h"

namespace ReleaseDeck {

// A stored connection and whether this computer's secret store holds its token.
struct ConnectionRow
{
    Connection connection;
    bool tokenOnThisMachine = false;
};

} // namespace ReleaseDeck
