#pragma once

namespace ReleaseDeck {

class CliApplication;

// workspace create NAME | workspace list [--json]
void addWorkspaceCommands(CliApplication& cli);

} // namespace ReleaseDeck
