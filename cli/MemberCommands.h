#pragma once

namespace ReleaseDeck {

class CliApplication;

// member add | list | role | remove
void addMemberCommands(CliApplication& cli);

} // namespace ReleaseDeck
