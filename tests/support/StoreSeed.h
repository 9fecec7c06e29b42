#pragma once

#include "db/Database.h"
#include "model/Actor.h"

namespace ReleaseDeck::Test {

// Two workspaces and their people, for store tests: workspace A with an owner, an editor
// and a viewer; workspace B whose only member is its owner (an outsider to A).
struct StoreSeed
{
    qint64 workspaceA = 0;
    qint64 workspaceB = 0;
    Actor ownerA;
    Actor editorA;
    Actor viewerA;
    Actor ownerB;

    // Fills the seed; false and *error when something failed.
    bool plant(Database& database, QString* error);
};

} // namespace ReleaseDeck::Test
