#include "CliCommands.h"

#include "CliApplication.h"

namespace ReleaseDeck {

void addAllCommands(CliApplication& cli)
{
    Q_UNUSED(cli);
}

} // namespace ReleaseDeck
