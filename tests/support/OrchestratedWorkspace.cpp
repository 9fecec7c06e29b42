#include "OrchestratedWorkspace.h"

#include "FastHttpSettings.h"
#include "providers/ConnectionVerifier.h"
#include "providers/ProviderRegistry.h"
#include "services/ConnectionService.h"
#include "services/ReleaseService.h"
#include "store/AccountStore.h"
#include "store/WorkspaceStore.h"

#include <QSignalSpy>

namespace ReleaseDeck::Test {

OrchestratedWorkspace::OrchestratedWorkspace(Database& database)
    : m_database(database)
{}

bool OrchestratedWorkspace::plant(QString* error)
{
    Result<Account> owner =
        AccountStore(m_database).ensure(QStringLiteral("owner@acme"), QStringLiteral("owner@acme"));
    if (!owner) {
        *error = owner.error().message;
        return false;
    }
    Result<Workspace> workspace =
        WorkspaceStore(m_database).create(QStringLiteral("Acme"), owner->id);
    if (!workspace) {
        *error = workspace.error().message;
        return false;
    }
    m_owner = {workspace->id, owner->id};
    return true;
}

bool OrchestratedWorkspace::connect(const FakeProviderWorld& world, const QString& provider,
                                    QString* error)
{
    const ConnectionVerifier verifier(ProviderRegistry::builtIn(), fastSettings());
    ConnectionService service(m_database, m_secrets, verifier, QStringLiteral("owner@acme"));
    Result<Connection> added = service.add(m_owner, world.draft(provider), {});
    if (!added)
        *error = added.error().message;
    return added.ok();
}

Result<Release> OrchestratedWorkspace::createRelease(const ReleaseDraft& draft)
{
    return ReleaseService(m_database, QStringLiteral("owner@acme")).create(m_owner, draft);
}

Orchestrator& OrchestratedWorkspace::createOrchestrator(int tickSeconds, int leaseSeconds,
                                                        const HttpSettings& http)
{
    OrchestratorOptions options;
    options.holder = QStringLiteral("in-process");
    options.actorName = QStringLiteral("orchestrator@test");
    options.tickSeconds = tickSeconds;
    options.leaseSeconds = leaseSeconds;
    options.http = http;
    m_orchestrator =
        std::make_unique<Orchestrator>(m_database, m_secrets, m_owner.accountId, options);
    QObject::connect(m_orchestrator.get(), &Orchestrator::changed, m_orchestrator.get(),
                     [this](const QString& line) { m_lines.append(line); });
    return *m_orchestrator;
}

Orchestrator& OrchestratedWorkspace::startOrchestrator(int tickSeconds, int leaseSeconds,
                                                       const HttpSettings& http)
{
    createOrchestrator(tickSeconds, leaseSeconds, http).start();
    return *m_orchestrator;
}

bool OrchestratedWorkspace::tick(int timeoutMs)
{
    QSignalSpy ticked(m_orchestrator.get(), &Orchestrator::statusChanged);
    m_orchestrator->tickSoon();
    return ticked.wait(timeoutMs);
}

bool OrchestratedWorkspace::stopOrchestrator(int timeoutMs)
{
    if (!m_orchestrator)
        return true;
    QSignalSpy stopped(m_orchestrator.get(), &Orchestrator::stopped);
    m_orchestrator->stop();
    const bool ended = !stopped.isEmpty() || stopped.wait(timeoutMs);
    m_orchestrator.reset();
    return ended;
}

} // namespace ReleaseDeck::Test
