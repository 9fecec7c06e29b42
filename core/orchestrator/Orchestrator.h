#pragma once

#include "OrchestratorContext.h"
#include "OrchestratorStatus.h"
#include "Result.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QThreadPool>
#include <QTimer>

namespace ReleaseDeck {

class Database;
class SecretStore;
class ProviderRegistry;

struct OrchestratorOptions
{
    QString holder;    // unique per running instance: "orchestrator@host/4242"
    QString actorName; // what events say: "orchestrator@host"
    int tickSeconds = 10;
    int leaseSeconds = 30;
    int concurrency = 4;
    QString workspace; // a workspace name; empty: every one the account runs releases in
    HttpSettings http;

    // holder and actorName for this host and process.
    static OrchestratorOptions forThisProcess();
    // Whether tickSeconds fits leaseSeconds: at least a second, and shorter than the lease,
    // or the lease lapses between ticks.
    static Status checkTickSeconds(int tickSeconds, int leaseSeconds);
};

// Moves releases by itself. Each tick (a QTimer, and at once after a user action or a
// finished task), for each workspace it orchestrates: make sure this machine holds the
// tokens its connections need, take or renew the workspace lease (database clock), renew
// the claims of running tasks, create the releases of trains whose reminder time has come
// (TrainKickoff), start due kickoffs and regression cycles, and hand due tasks
// and announcements to a worker pool (at most `concurrency` at once). Due work is fetched
// in a constant number of queries, whatever the number of releases. A lost database ends
// the tick; the next one retries with backoff. Lives on one thread (the CLI's main thread,
// or its own thread in the app); workers use their own database connections.
class Orchestrator : public QObject
{
    Q_OBJECT

public:
    Orchestrator(Database& database, SecretStore& secrets, qint64 accountId,
                 OrchestratorOptions options, QObject* parent = nullptr);
    ~Orchestrator() override;

    // Ticks every tickSeconds, the first one at once.
    void start();
    // Starts no new work; when the running work has ended, gives the leases back and emits
    // stopped().
    void stop();
    // A tick at once (coalesced), e.g. after a user action.
    void tickSoon();
    // Ticks every tickSeconds from now on (checkTickSeconds() says which values fit).
    void setTickSeconds(int tickSeconds);
    // Ticks until a tick finds nothing due now and nothing runs, then emits quiescent().
    void runUntilQuiet();
    // What the next tick would do and why, one line each; reads only.
    Result<QStringList> dryRun();

    OrchestratorStatus status() const { return m_status; }
    const OrchestratorOptions& options() const { return m_options; }

signals:
    // One line per change: a task's state, a stage move, a lease taken.
    void changed(const QString& line);
    void statusChanged(const ReleaseDeck::OrchestratorStatus& status);
    void quiescent();
    void stopped();

private:
    struct Workspace
    {
        qint64 id = 0;
        QString name;
    };

    void tick();
    // Whether anything was started or changed; errors of the database abort the tick.
    Result<int> tickWorkspace(const Workspace& workspace, WorkspaceOrchestration& state);
    Result<QList<Workspace>> workspaces();
    // The workspace's connections and this machine's tokens for them; the sentence naming
    // what is missing when a token is not here.
    Result<OrchestratorContext> contextFor(const Workspace& workspace, QString* missing);
    void dispatchTask(const OrchestratorContext& context, qint64 taskId);
    void dispatchAnnouncement(const OrchestratorContext& context, qint64 announcementId);
    void jobFinished(QSet<qint64>& running, qint64 id, const QStringList& lines);
    qsizetype runningCount() const { return m_runningTasks.size() + m_runningAnnouncements.size(); }
    void databaseLost(const Error& error);
    void finishStop();
    void report(const QString& line);

    Database& m_database;
    SecretStore& m_secrets;
    qint64 m_accountId;
    OrchestratorOptions m_options;
    const ProviderRegistry& m_registry;
    QTimer m_timer;
    QTimer m_soon;
    QThreadPool m_pool;
    QSet<qint64> m_runningTasks;         // ids of tasks a worker runs now
    QSet<qint64> m_runningAnnouncements; // ids of announcements a worker posts now
    QHash<QString, QString> m_tokens;    // secret ref → token, read once per process
    QSet<qint64> m_acting;               // workspaces whose lease this instance holds
    OrchestratorStatus m_status;
    int m_failures = 0;
    bool m_untilQuiet = false;
    bool m_stopping = false;
    int m_actedSinceQuiet = 0;
};

} // namespace ReleaseDeck
