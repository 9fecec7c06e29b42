#pragma once

namespace ReleaseDeck {

class CliApplication;

// Registers every command group (db, workspace, connection, …) with the application.
void addAllCommands(CliApplication& cli);

} // namespace ReleaseDeck
