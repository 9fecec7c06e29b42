#pragma once

namespace ReleaseDeck {

class CliApplication;

// release create|list|show|approve|pause|resume|cancel|retry|skip|add-slot.
void addReleaseCommands(CliApplication& cli);

} // namespace ReleaseDeck
