#include "SandboxWorkspace.h"

#include "ReleaseService.h"
#include "TrainService.h"
#include "db/Database.h"
#include "db/DatabaseClock.h"
#include "db/Transaction.h"
#include "orchestrator/TaskCatalog.h"
#include "providers/ProviderRegistry.h"
#include "providers/sandbox/SandboxChatClient.h"
#include "providers/sandbox/SandboxCiClient.h"
#include "providers/sandbox/SandboxScmClient.h"
#include "providers/sandbox/SandboxStore.h"
#include "store/ConnectionStore.h"
#include "store/Permission.h"
#include "store/WorkspaceStore.h"

#include <QCoreApplication>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("SandboxWorkspace", text);
}

// A regression slot every this many seconds after kickoff, before the time scale.
constexpr int SlotEverySeconds = 60;

Connection simulated(ConnectionCategory category, const QString& provider,
                     const QJsonObject& config, const QDateTime& now)
{
    Connection connection;
    connection.category = category;
    connection.provider = provider;
    const ProviderInfo* info = ProviderRegistry::builtIn().find(provider);
    connection.displayName = info ? info->displayName : provider;
    connection.config = config;
    connection.status = VerificationStatus::Valid;
    connection.lastVerifiedAt = now;
    return connection;
}

} // namespace

SandboxWorkspace::SandboxWorkspace(Database& database, QString actorName)
    : m_database(database)
    , m_actorName(std::move(actorName))
{}

QString SandboxWorkspace::name()
{
    return QStringLiteral("Sandbox");
}

QString SandboxWorkspace::trainName()
{
    return QStringLiteral("Sandbox train");
}

QString SandboxWorkspace::releaseVersion()
{
    return QStringLiteral("1.0.0");
}

Result<std::optional<Workspace>> SandboxWorkspace::find()
{
    return WorkspaceStore(m_database).findByName(name());
}

Result<Workspace> SandboxWorkspace::create(qint64 accountId, int timeScale)
{
    if (timeScale < 1 || timeScale > MaxTimeScale)
        return Error::usage(
            tr("The time scale must be a whole number from 1 to %1.").arg(MaxTimeScale));
    if (m_database.url().isShared())
        return Error::usage(tr("The sandbox lives in a local database file, not on a shared "
                               "server; use a sqlite: database."));
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun().error();
    Result<std::optional<Workspace>> existing = find();
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error::conflict(tr("The sandbox exists already; reset it with 'releasedeck-cli "
                                  "sandbox reset' or delete it with 'releasedeck-cli sandbox "
                                  "delete'."));
    Result<Workspace> workspace = WorkspaceStore(m_database).create(name(), accountId);
    if (!workspace)
        return workspace.error();
    if (Status filled = fill({workspace->id, accountId}, timeScale); !filled)
        return filled.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return *workspace;
}

Status SandboxWorkspace::fill(const Actor& actor, int timeScale)
{
    SandboxStore sandbox(m_database);
    if (Status state = sandbox.createState(actor.workspaceId, timeScale); !state)
        return state;
    if (Status main =
            sandbox.addRef(actor.workspaceId, SandboxStore::RefKind::Branch, QStringLiteral("main"),
                           SandboxScmClient::firstCommit(actor.workspaceId));
        !main)
        return main;
    Result<QDateTime> now = DatabaseClock::now(m_database);
    if (!now)
        return now.error();
    const QJsonObject keys{{QStringLiteral("ANDROID"), QStringLiteral("DROID")},
                           {QStringLiteral("IOS"), QStringLiteral("IOS")}};
    ConnectionStore connections(m_database);
    for (const Connection& connection :
         {simulated(ConnectionCategory::Scm, QStringLiteral("sandbox-scm"),
                    {{QStringLiteral("repo"), QStringLiteral("sandbox/app")},
                     {QStringLiteral("defaultBranch"), QStringLiteral("main")}},
                    *now),
          simulated(ConnectionCategory::Chat, QStringLiteral("sandbox-chat"),
                    {{QStringLiteral("channel"), SandboxChatClient::channel()}}, *now),
          simulated(ConnectionCategory::Issues, QStringLiteral("sandbox-issues"),
                    {{QStringLiteral("projectKeys"), keys}}, *now),
          simulated(ConnectionCategory::Ci, QStringLiteral("sandbox-ci"),
                    {{QStringLiteral("workflows"), SandboxCiClient::workflows()}}, *now)}) {
        if (Result<Connection> added = connections.insert(actor, connection); !added)
            return added.error();
    }

    ReleaseConfig train;
    train.name = trainName();
    train.platforms = {Platform::Android, Platform::Ios};
    train.baseBranch = QStringLiteral("main");
    train.kickoffWeekday = 1;
    train.kickoffTime = QTime(9, 0);
    train.optionalTasksOn = TaskCatalog::optionalTasks();
    TrainService trains(m_database, m_actorName);
    Result<ReleaseConfig> created = trains.create(actor, train);
    if (!created)
        return created.error();
    // The sandbox runs the one release it was made with; its train schedules none.
    if (Result<ReleaseConfig> paused = trains.pause(actor, created->id); !paused)
        return paused.error();

    const int step = std::max(1, SlotEverySeconds / timeScale);
    ReleaseDraft draft;
    draft.version = releaseVersion();
    draft.train = trainName();
    draft.kickoffAt = *now;
    draft.targetAt = now->addDays(1);
    draft.regressionSlots = {SlotDraft{now->addSecs(step)}, SlotDraft{now->addSecs(2 * step)}};
    Result<Release> release = ReleaseService(m_database, m_actorName).create(actor, draft);
    return release ? Status() : Status(release.error());
}

Result<Workspace> SandboxWorkspace::owned(qint64 accountId)
{
    Result<std::optional<Workspace>> existing = find();
    if (!existing)
        return existing.error();
    if (!existing->has_value())
        return Error::notFound(
            tr("There is no sandbox; create one with 'releasedeck-cli sandbox create'."));
    if (Result<Role> allowed =
            requirePermission(m_database, {(*existing)->id, accountId}, Permission::ManageWorkspace,
                              tr("reset or delete the sandbox"));
        !allowed)
        return allowed.error();
    return **existing;
}

Result<Workspace> SandboxWorkspace::reset(qint64 accountId, int timeScale)
{
    Transaction transaction(m_database);
    if (!transaction.begun())
        return transaction.begun().error();
    Result<Workspace> existing = owned(accountId);
    if (!existing)
        return existing.error();
    int scale = timeScale;
    if (scale == 0) {
        Result<std::optional<SandboxState>> state = SandboxStore(m_database).state(existing->id);
        if (!state)
            return state.error();
        scale = state->has_value() ? (*state)->timeScale : 1;
    }
    if (Status removed = WorkspaceStore(m_database).remove(existing->id); !removed)
        return removed.error();
    Result<Workspace> created = create(accountId, scale);
    if (!created)
        return created.error();
    if (Status committed = transaction.commit(); !committed)
        return committed.error();
    return *created;
}

Status SandboxWorkspace::remove(qint64 accountId)
{
    Result<Workspace> existing = owned(accountId);
    if (!existing)
        return existing.error();
    return WorkspaceStore(m_database).remove(existing->id);
}

Status SandboxWorkspace::rehearse(const Actor& actor, SandboxRehearsal rehearsal)
{
    if (Result<Role> allowed =
            requirePermission(m_database, actor, Permission::RunReleases, tr("rehearse failures"));
        !allowed)
        return allowed.error();
    return SandboxStore(m_database).setRehearsal(actor.workspaceId, rehearsal, true);
}

} // namespace ReleaseDeck
