#pragma once

#include "backend/LocalOrchestrator.h"
#include "orchestrator/Orchestrator.h"

#include <QThread>

#include <atomic>
#include <memory>

namespace ReleaseDeck {

class Database;
class SecretStore;

// Runs core's Orchestrator inside the app, on a thread of its own (its ticks and its
// workers use their own database connections; the GUI thread never waits for them). On
// unless the setting orchestrator/enabled turns it off. Replacing the database (Set up
// again) stops the old run, giving its leases back, before the new one starts. stop()
// ends it for good: HTTP calls in flight end through the shared stop token, the leases
// are given back and the thread ends; the destructor waits for that, well under a second
// or two when the database answers.
class OrchestratorThread final : public LocalOrchestrator
{
    Q_OBJECT

public:
    // http.stop should be the app's stop token. secrets must outlive this object; without
    // a secret store nothing is orchestrated.
    OrchestratorThread(SecretStore* secrets, HttpSettings http, QObject* parent = nullptr);
    ~OrchestratorThread() override;

    // Orchestrates database's workspaces as accountId; keepAlive keeps database alive while
    // the run uses it. Replaces the current run once it has stopped.
    void runOn(Database* database, qint64 accountId, std::shared_ptr<const void> keepAlive);
    // For good (the app quits); answers at once, the destructor waits for the thread.
    void stop();
    // Whether a run is going on (started and not yet stopped).
    bool running() const { return m_phase != Phase::Idle; }

    bool enabled() const override { return m_enabled; }
    void setEnabled(bool enabled) override;
    QString holder() const override { return m_options.holder; }
    OrchestratorStatus status() const override { return m_status; }
    void tickSoon() override;
    int tickSeconds() const override { return m_options.tickSeconds; }
    Status setTickSeconds(int seconds) override;

private:
    enum class Phase
    {
        Idle,
        Running,
        Stopping,
    };

    struct Target
    {
        Database* database = nullptr;
        qint64 accountId = 0;
        std::shared_ptr<const void> keepAlive;
    };

    void launch();
    void stopRun();
    void takeStatus(const OrchestratorStatus& status);
    void runStopped();
    // Runs work on the orchestrator's thread.
    template<typename Work>
    void onThread(Work work);

    SecretStore* m_secrets;
    OrchestratorOptions m_options;
    QThread m_thread;
    QObject* m_home; // lives on m_thread; the orchestrator's parent
    // Only touched on m_thread.
    Orchestrator* m_orchestrator = nullptr;
    std::shared_ptr<const void> m_runKeepAlive;
    // GUI thread.
    Target m_target;
    Phase m_phase = Phase::Idle;
    bool m_enabled = true;
    OrchestratorStatus m_status;
    std::atomic<bool> m_quitting{false};
};

} // namespace ReleaseDeck
