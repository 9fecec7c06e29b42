#pragma once

#include "ReleasePlanner.h"
#include "model/Actor.h"
#include "net/HttpSettings.h"

#include <QHash>
#include <QString>

namespace ReleaseDeck {

class Database;
class ProviderRegistry;

// What the orchestrator's workers share for one workspace: who acts, its connections and
// the tokens this machine holds for them, and the timing rules.
struct OrchestratorContext
{
    Database* database = nullptr;
    const ProviderRegistry* registry = nullptr;
    HttpSettings http;
    Actor actor;       // the orchestrating account, in this workspace
    QString holder;    // the lease and claim holder: "orchestrator@host/1234"
    QString actorName; // what events say: "orchestrator@host"
    int claimSeconds = 30;
    int pollBaseSeconds = 10;
    ActiveConnections connections;
    QHash<qint64, QString> tokens; // by connection id
};

} // namespace ReleaseDeck
