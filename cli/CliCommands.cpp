#include "CliCommands.h"

#include "CliApplication.h"
#include "ConnectionCommands.h"
#include "DbCommands.h"
#include "MemberCommands.h"
#include "OrchestrateCommand.h"
#include "ReleaseCommands.h"
#include "SandboxCommands.h"
#include "TrainCommands.h"
#include "WorkspaceCommands.h"

namespace ReleaseDeck {

void addAllCommands(CliApplication& cli)
{
    addDbCommands(cli);
    addWorkspaceCommands(cli);
    addMemberCommands(cli);
    addConnectionCommands(cli);
    addReleaseCommands(cli);
    addTrainCommands(cli);
    addOrchestrateCommand(cli);
    addSandboxCommands(cli);
}

} // namespace ReleaseDeck
