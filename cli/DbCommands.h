#pragma once

namespace ReleaseDeck {

class CliApplication;

// db migrate | db status [--json] | db rollback --to N | db login --password-stdin
void addDbCommands(CliApplication& cli);

} // namespace ReleaseDeck
