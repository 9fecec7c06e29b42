#include "backend/ReleaseSession.h"

#include "providers/ProviderRegistry.h"
#include "secrets/SecretStore.h"
#include "services/ReleaseActions.h"
#include "services/ReleaseService.h"
#include "store/ConnectionStore.h"
#include "store/EventStore.h"
#include "store/Permission.h"
#include "store/ReleaseConfigStore.h"
#include "store/ReleaseStore.h"

namespace ReleaseDeck {

ReleaseSession::ReleaseSession(Database& database, Actor actor, QString login, SecretStore& secrets,
                               HttpSettings http)
    : m_database(database)
    , m_actor(actor)
    , m_login(std::move(login))
    , m_secrets(secrets)
    , m_http(std::move(http))
{}

Result<BoardSnapshot> ReleaseSession::board(int newest)
{
    return ReleaseBoard(m_database).read(m_actor, newest);
}

Result<BoardChanges> ReleaseSession::changesSince(qint64 afterSeq)
{
    return ReleaseBoard(m_database).since(m_actor, afterSeq);
}

Result<ReleaseDetail> ReleaseSession::detail(qint64 releaseId)
{
    return ReleaseService(m_database, m_login).detail(m_actor, releaseId);
}

Result<QList<ActivityEvent>> ReleaseSession::timeline(qint64 releaseId)
{
    if (Result<Role> allowed = requirePermission(m_database, m_actor, Permission::Read,
                                                 QStringLiteral("see releases"));
        !allowed)
        return allowed.error();
    Result<QList<Event>> found =
        EventStore(m_database).listNewest(m_actor.workspaceId, EventFilter{releaseId, {}, 0, 500});
    if (!found)
        return found.error();
    QList<ActivityEvent> events;
    events.reserve(found->size());
    for (const Event& event : std::as_const(*found))
        events.append({event.seq, event.createdAt, event.actor, event.kind, event.message});
    return events;
}

Result<std::unique_ptr<ScmClient>> ReleaseSession::sourceControl()
{
    Result<std::optional<Connection>> connection =
        ConnectionStore(m_database).findActive(m_actor.workspaceId, ConnectionCategory::Scm);
    if (!connection)
        return connection.error();
    if (!connection->has_value())
        return Error::notFound(QStringLiteral("This workspace has no source control connection; "
                                              "add one on the Connections page."));
    const ProviderRegistry& registry = ProviderRegistry::builtIn();
    if (!registry.needsToken((*connection)->provider))
        return registry.createScm(**connection, {}, m_http, &m_database);
    const SecretResult token = awaitSecret(m_secrets.read((*connection)->secretRef));
    if (token.notFound())
        return Error::unavailable(
            QStringLiteral("The token of the %1 connection is not on this computer.")
                .arg((*connection)->displayName));
    if (!token.ok())
        return token.error;
    return registry.createScm(**connection, token.secret, m_http);
}

Result<ScmComparison> ReleaseSession::compare(qint64 releaseId)
{
    Result<ReleaseDetail> found = detail(releaseId);
    if (!found)
        return found.error();
    const Release& release = found->release;
    Result<QString> previous = ReleaseStore(m_database).previousTag(m_actor.workspaceId, release);
    if (!previous)
        return previous.error();
    if (previous->isEmpty())
        return Error::notFound(QStringLiteral("%1 is the first release: there is no earlier "
                                              "release tag to compare with.")
                                   .arg(release.version));
    // The release tag once it exists, the release branch once forked, else the base branch.
    bool forked = false;
    for (const Task& task : std::as_const(found->tasks))
        forked =
            forked || (task.type == TaskType::ForkBranch && task.status == TaskStatus::Completed);
    const QString head = !release.releaseTag.isEmpty()                ? release.releaseTag
                         : forked && !release.releaseBranch.isEmpty() ? release.releaseBranch
                                                                      : release.baseBranch;
    Result<std::unique_ptr<ScmClient>> client = sourceControl();
    if (!client)
        return client.error();
    return (*client)->compare(*previous, head);
}

Result<ChoicePage> ReleaseSession::branches()
{
    if (Result<Role> allowed = requirePermission(m_database, m_actor, Permission::Read,
                                                 QStringLiteral("see branches"));
        !allowed)
        return allowed.error();
    Result<std::unique_ptr<ScmClient>> client = sourceControl();
    if (!client)
        return client.error();
    Result<QList<ScmBranch>> listed = (*client)->listBranches();
    if (!listed)
        return listed.error();
    ChoicePage page;
    for (const ScmBranch& branch : std::as_const(*listed))
        page.items.append({branch.name, branch.name});
    return page;
}

Result<QList<ReleaseConfig>> ReleaseSession::trains()
{
    if (Result<Role> allowed = requirePermission(m_database, m_actor, Permission::Read,
                                                 QStringLiteral("see release trains"));
        !allowed)
        return allowed.error();
    return ReleaseConfigStore(m_database).list(m_actor.workspaceId);
}

Result<Release> ReleaseSession::create(const ReleaseDraft& draft)
{
    return ReleaseService(m_database, m_login).create(m_actor, draft);
}

Result<HotfixPlan> ReleaseSession::planHotfix(const QString& fixedVersion)
{
    return ReleaseService(m_database, m_login).planHotfix(m_actor, fixedVersion);
}

Result<Release> ReleaseSession::act(const ReleaseAction& action)
{
    ReleaseActions actions(m_database, m_login);
    const qint64 id = action.releaseId;
    const qint64 seen = action.seenRowVersion;
    switch (action.kind) {
    case ReleaseAction::Kind::Approve:
        return actions.approve(m_actor, id, seen);
    case ReleaseAction::Kind::Pause:
        return actions.pause(m_actor, id, seen, action.reason);
    case ReleaseAction::Kind::Resume:
        return actions.resume(m_actor, id, seen);
    case ReleaseAction::Kind::Cancel:
        return actions.cancel(m_actor, id, seen);
    case ReleaseAction::Kind::Retry:
        return actions.retry(m_actor, id, seen, action.task, action.cycle);
    case ReleaseAction::Kind::Skip:
        return actions.skip(m_actor, id, seen, action.task, action.cycle);
    case ReleaseAction::Kind::AddSlot:
        return actions.addSlot(m_actor, id, seen, action.slot);
    case ReleaseAction::Kind::StartKickoffNow:
        return actions.startKickoffNow(m_actor, id, seen);
    }
    return Error::internal(QStringLiteral("Unknown release action."));
}

} // namespace ReleaseDeck
