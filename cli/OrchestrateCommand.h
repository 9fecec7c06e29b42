#pragma once

namespace ReleaseDeck {

class CliApplication;

// orchestrate [--once] [--dry-run] [--interval SECONDS] [--lease-seconds N] [--holder NAME]
void addOrchestrateCommand(CliApplication& cli);

} // namespace ReleaseDeck
