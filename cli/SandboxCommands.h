#pragma once

namespace ReleaseDeck {

class CliApplication;

// sandbox create|reset|delete: the local "Sandbox" workspace with simulated services.
void addSandboxCommands(CliApplication& cli);

} // namespace ReleaseDeck
