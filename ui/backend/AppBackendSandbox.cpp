#include "AppBackendParts.h"
#include "backend/FutureReply.h"
#include "backend/OnboardingSave.h"
#include "backend/OrchestratorThread.h"
#include "backend/ProviderLists.h"
#include "backend/ReleaseFeed.h"
#include "backend/ReleaseSession.h"
#include "db/Database.h"
#include "db/DatabaseUrl.h"
#include "db/MigrationRunner.h"
#include "logging/Logging.h"
#include "providers/ConnectionVerifier.h"
#include "providers/sandbox/SandboxStore.h"
#include "secrets/GatedSecretStore.h"
#include "secrets/SecretKeys.h"
#include "secrets/SecretStoreFactory.h"
#include "services/ConnectionService.h"
#include "services/Identity.h"
#include "services/MemberService.h"
#include "services/SandboxWorkspace.h"
#include "services/TrainService.h"
#include "store/AccountStore.h"
#include "store/EventStore.h"
#include "store/MembershipStore.h"
#include "store/WorkspaceStore.h"

#include <QFileInfo>
#include <QMutexLocker>
#include <QSettings>
#include <QtConcurrent>

#include <algorithm>
#include <type_traits>

namespace ReleaseDeck {

using namespace AppBackendParts;

QFuture<Result<WorkspaceSummary>> AppBackend::exploreSandbox()
{
    QFuture<Result<WorkspaceSummary>> opened = run([this]() -> Result<WorkspaceSummary> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current) {
            // First launch: the sandbox makes this computer's database, as the wizard would.
            QSettings settings;
            if (settings.value(DatabaseUrlKey).toString().isEmpty()) {
                settings.setValue(DatabaseUrlKey,
                                  DatabaseUrl::parseOrDefault(QString()).value().toString());
                settings.sync();
            }
            const BackendStatus status = openSession();
            if (!status.databaseReachable)
                return Error::unavailable(status.databaseError);
            current = session();
            if (!current)
                return current.error();
        }
        const Session& open = **current;
        SandboxWorkspace sandbox(*open.database, open.login);
        Result<std::optional<Workspace>> existing = sandbox.find();
        if (!existing)
            return existing.error();
        if (existing->has_value())
            return WorkspaceSummary{(*existing)->id, (*existing)->name, Role::Owner};
        Result<Workspace> created = sandbox.create(open.accountId, m_sandboxTimeScale);
        if (!created)
            return created.error();
        return WorkspaceSummary{created->id, created->name, Role::Owner};
    });
    whenFinished(opened, m_health.get(),
                 [health = m_health.get()](const Result<WorkspaceSummary>& answer) {
                     if (answer)
                         health->checkNow();
                 });
    return changedHere(opened);
}

QFuture<Result<WorkspaceSummary>> AppBackend::resetSandbox()
{
    return changedHere(run([this]() -> Result<WorkspaceSummary> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        Result<Workspace> created = SandboxWorkspace(*(*current)->database, (*current)->login)
                                        .reset((*current)->accountId, 0);
        if (!created)
            return created.error();
        return WorkspaceSummary{created->id, created->name, Role::Owner};
    }));
}

QFuture<Status> AppBackend::deleteSandbox()
{
    return run([this]() -> Status {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        return SandboxWorkspace(*(*current)->database, (*current)->login)
            .remove((*current)->accountId);
    });
}

QFuture<Result<SandboxActivity>> AppBackend::sandboxActivity(qint64 workspaceId)
{
    return run([this, workspaceId]() -> Result<SandboxActivity> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        SandboxStore store(*(*current)->database);
        Result<std::optional<SandboxState>> state = store.state(workspaceId);
        if (!state)
            return state.error();
        if (!state->has_value())
            return Error::notFound(QStringLiteral("This workspace is not a sandbox."));
        Result<QList<SandboxMessage>> messages = store.messages(workspaceId);
        if (!messages)
            return messages.error();
        Result<QList<SandboxTicket>> tickets = store.tickets(workspaceId);
        if (!tickets)
            return tickets.error();
        Result<QList<SandboxRun>> runs = store.runs(workspaceId);
        if (!runs)
            return runs.error();
        return SandboxActivity{**state, *messages, *tickets, *runs};
    });
}

QFuture<Status> AppBackend::rehearse(qint64 workspaceId, SandboxRehearsal rehearsal)
{
    return run([this, workspaceId, rehearsal]() -> Status {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        return SandboxWorkspace(*(*current)->database, (*current)->login)
            .rehearse({workspaceId, (*current)->accountId}, rehearsal);
    });
}

} // namespace ReleaseDeck
