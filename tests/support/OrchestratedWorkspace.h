#pragma once

#include "FakeProviderWorld.h"
#include "InMemorySecretStore.h"
#include "db/Database.h"
#include "model/Actor.h"
#include "model/Release.h"
#include "orchestrator/Orchestrator.h"
#include "services/ReleaseDraft.h"

#include <QStringList>

#include <memory>

namespace ReleaseDeck::Test {

// A workspace "Acme" whose owner lets an in-process Orchestrator move its releases against
// the fake providers: connections added through ConnectionService with their tokens in an
// InMemorySecretStore, releases created through ReleaseService, every line the
// orchestrator reports kept. For tests and benchmarks that watch the orchestrator from
// the inside (its rows, its timing, its queries).
class OrchestratedWorkspace
{
public:
    explicit OrchestratedWorkspace(Database& database);

    // Creates the owner's account and the workspace; false and *error on failure.
    bool plant(QString* error);
    // Adds (and verifies) the world's connection of that provider ("github-enterprise"…).
    bool connect(const FakeProviderWorld& world, const QString& provider, QString* error);
    // A release created now as people create it.
    Result<Release> createRelease(const ReleaseDraft& draft);

    // An orchestrator acting as the owner, not ticking yet; its lines are collected in
    // lines().
    Orchestrator& createOrchestrator(int tickSeconds, int leaseSeconds = 10,
                                     const HttpSettings& http = HttpSettings());
    // The same, ticking every tickSeconds from now on, the first tick at once.
    Orchestrator& startOrchestrator(int tickSeconds, int leaseSeconds = 10,
                                    const HttpSettings& http = HttpSettings());
    // One tick at once; true when it ended (the event loop runs meanwhile).
    bool tick(int timeoutMs = 20000);
    Orchestrator* orchestrator() { return m_orchestrator.get(); }
    // Stops the orchestrator and waits (event loop running) until its work has ended.
    bool stopOrchestrator(int timeoutMs = 20000);
    const QStringList& lines() const { return m_lines; }

    const Actor& owner() const { return m_owner; }
    qint64 workspaceId() const { return m_owner.workspaceId; }
    InMemorySecretStore& secrets() { return m_secrets; }

private:
    Database& m_database;
    InMemorySecretStore m_secrets;
    Actor m_owner;
    std::unique_ptr<Orchestrator> m_orchestrator;
    QStringList m_lines;
};

} // namespace ReleaseDeck::Test
