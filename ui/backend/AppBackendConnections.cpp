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

QFuture<Result<QList<ConnectionRow>>> AppBackend::listConnections(qint64 workspaceId)
{
    return run([this, workspaceId]() -> Result<QList<ConnectionRow>> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        return serviceFor(**current)->list({workspaceId, (*current)->accountId});
    });
}

QFuture<Result<ConnectionRow>> AppBackend::verify(qint64 workspaceId, qint64 connectionId)
{
    return run([this, workspaceId, connectionId]() -> Result<ConnectionRow> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        Result<ConnectionService::Verified> verified =
            serviceFor(**current)->verify({workspaceId, (*current)->accountId}, connectionId);
        if (!verified)
            return verified.error();
        return verified->row;
    });
}

QFuture<Result<ConnectionRow>> AppBackend::verifyAll(qint64 workspaceId)
{
    return QtConcurrent::run(&m_pool, [this,
                                       workspaceId](QPromise<Result<ConnectionRow>>& promise) {
        if (m_stop.stop_requested()) {
            promise.addResult(Result<ConnectionRow>(shuttingDown()));
            return;
        }
        Result<std::shared_ptr<Session>> current = session();
        if (!current) {
            promise.addResult(Result<ConnectionRow>(current.error()));
            return;
        }
        Result<QList<ConnectionService::Verified>> all =
            serviceFor(**current)->verifyAll({workspaceId, (*current)->accountId},
                                             [&promise](const ConnectionService::Verified& each) {
                                                 promise.addResult(Result<ConnectionRow>(each.row));
                                             });
        if (!all)
            promise.addResult(Result<ConnectionRow>(all.error()));
    });
}

QFuture<Result<ConnectionRow>> AppBackend::saveConnection(qint64 workspaceId,
                                                          const ConnectionDraft& draft)
{
    return run([this, workspaceId, draft]() -> Result<ConnectionRow> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        ConnectionService::AddOptions options;
        options.replace = true;
        Result<Connection> saved =
            serviceFor(**current)->add({workspaceId, (*current)->accountId}, draft, options);
        if (!saved)
            return saved.error();
        return ConnectionRow{*saved, true};
    });
}

QFuture<Status> AppBackend::disconnect(qint64 workspaceId, qint64 connectionId)
{
    return run([this, workspaceId, connectionId]() -> Status {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        return serviceFor(**current)->remove({workspaceId, (*current)->accountId}, connectionId);
    });
}

QFuture<Result<QList<WorkspaceSummary>>> AppBackend::workspaces()
{
    return run([this]() -> Result<QList<WorkspaceSummary>> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        return workspacesOf(*(*current)->database, (*current)->accountId);
    });
}

QFuture<Result<QList<MemberRow>>> AppBackend::listMembers(qint64 workspaceId)
{
    return run([this, workspaceId]() -> Result<QList<MemberRow>> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        const Session& me = **current;
        Result<QList<Member>> members =
            MemberService(*me.database, me.login).list({workspaceId, me.accountId});
        if (!members)
            return members.error();
        QList<MemberRow> rows;
        for (const Member& member : std::as_const(*members))
            rows.append({member, member.accountId == me.accountId});
        return rows;
    });
}

QFuture<Result<MemberAdded>> AppBackend::addMember(qint64 workspaceId, const MemberDraft& draft)
{
    return run([this, workspaceId, draft]() -> Result<MemberAdded> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        const Session& me = **current;
        return MemberService(*me.database, me.login).add({workspaceId, me.accountId}, draft);
    });
}

QFuture<Result<Member>> AppBackend::setMemberRole(qint64 workspaceId, qint64 accountId, Role role)
{
    return run([this, workspaceId, accountId, role]() -> Result<Member> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        const Session& me = **current;
        return MemberService(*me.database, me.login)
            .setRole({workspaceId, me.accountId}, accountId, role);
    });
}

QFuture<Status> AppBackend::removeMember(qint64 workspaceId, qint64 accountId)
{
    return run([this, workspaceId, accountId]() -> Status {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        const Session& me = **current;
        return MemberService(*me.database, me.login).remove({workspaceId, me.accountId}, accountId);
    });
}

QFuture<Result<QList<ActivityEvent>>> AppBackend::events(qint64 workspaceId, qint64 afterSeq)
{
    return run([this, workspaceId, afterSeq]() -> Result<QList<ActivityEvent>> {
        Result<std::shared_ptr<Session>> current = session();
        if (!current)
            return current.error();
        EventStore store(*(*current)->database);
        Result<QList<Event>> found =
            afterSeq > 0 ? store.listSince(workspaceId, afterSeq)
                         : store.listNewest(workspaceId, EventFilter{0, {}, 0, 200});
        if (!found)
            return found.error();
        QList<ActivityEvent> events;
        for (const Event& event : std::as_const(*found))
            events.append({event.seq, event.createdAt, event.actor, event.kind, event.message});
        // Newest first, whichever way the store listed them.
        std::sort(events.begin(), events.end(),
                  [](const ActivityEvent& a, const ActivityEvent& b) { return a.seq > b.seq; });
        return events;
    });
}

} // namespace ReleaseDeck
