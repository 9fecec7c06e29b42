#pragma once

namespace ReleaseDeck {

class CliApplication;

// connection add | list | verify | remove
void addConnectionCommands(CliApplication& cli);

} // namespace ReleaseDeck
