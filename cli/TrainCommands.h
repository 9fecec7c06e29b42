#pragma once

namespace ReleaseDeck {

class CliApplication;

// train create|list|show|pause|resume|delete.
void addTrainCommands(CliApplication& cli);

} // namespace ReleaseDeck
