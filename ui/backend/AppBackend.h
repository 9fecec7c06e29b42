#pragma once

#include "backend/ConnectionBackend.h"
#include "backend/ReleaseBackend.h"
#include "backend/SandboxBackend.h"
#include "backend/TrainBackend.h"
#include "net/HttpSettings.h"
#include "secrets/SecretStore.h"

#include <QMutex>
#include <QThreadPool>

#include <memory>
#include <stop_token>

namespace ReleaseDeck {

class ConnectionService;
class ConnectionVerifier;
class GatedSecretStore;
class OrchestratorThread;
class ReleaseSession;

// The app's ConnectionBackend, ReleaseBackend and TrainBackend over the stores, the keychain and
// the provider clients. Every call runs on its own worker pool (each worker thread has its own
// database connection) and answers through a future; the GUI thread never waits. The
// app's orchestrator runs on a thread of its own once the database is open.
// The chosen database URL is kept in QSettings (never a password: a shared server's password
// lives in the keychain). Who acts is Identity's answer: the connected database login on a
// shared server, the local user on a local file.
class AppBackend final : public ConnectionBackend,
                         public ReleaseBackend,
                         public TrainBackend,
                         public SandboxBackend
{
public:
    // secrets: the store for tokens and passwords; the system keychain when none is given.
    explicit AppBackend(std::unique_ptr<SecretStore> secrets = nullptr);
    // Stops, then waits for the workers, which by then need nothing from this thread.
    ~AppBackend() override;

    // Opens this database instead of the configured one, for this run only (releasedeck
    // --database URL [--workspace NAME]): no onboarding; a SQLite file must exist already;
    // the account is Identity's, as for the CLI; workspaceName, when given, must exist there.
    void openDirectly(const QString& url, const QString& workspaceName);
    // Opens the configured database (migrating it when behind), signs in and checks the
    // keychain; the answer is the new status, which the database health then keeps live.
    // Again after a failure (Retry) it tries again.
    QFuture<BackendStatus> start();
    // Asks every worker to end soon: HTTP calls in flight are aborted, waits for the
    // keychain are answered at once, tasks not started yet fail at once and verifications
    // cut short are not stored. After it, no worker waits for the application thread.
    void stop();

    QFuture<VerificationOutcome> verifyDraft(const ConnectionDraft& draft) override;
    QFuture<Result<ChoicePage>> listBranches(const ConnectionDraft& draft) override;
    QFuture<Result<ChoicePage>> listChannels(const ConnectionDraft& draft, const QString& search,
                                             const QString& cursor) override;
    QFuture<Result<ChoicePage>> listWorkflows(const ConnectionDraft& draft) override;
    QFuture<Result<QList<WorkspaceSummary>>> testDatabase(const DatabaseDraft& draft) override;
    QFuture<Status> finish(const WizardResult& result) override;
    bool needsOnboarding() const override;

    QFuture<Result<QList<ConnectionRow>>> listConnections(qint64 workspaceId) override;
    QFuture<Result<ConnectionRow>> verify(qint64 workspaceId, qint64 connectionId) override;
    QFuture<Result<ConnectionRow>> verifyAll(qint64 workspaceId) override;
    QFuture<Result<ConnectionRow>> saveConnection(qint64 workspaceId,
                                                  const ConnectionDraft& draft) override;
    QFuture<Status> disconnect(qint64 workspaceId, qint64 connectionId) override;

    QFuture<Result<QList<MemberRow>>> listMembers(qint64 workspaceId) override;
    QFuture<Result<MemberAdded>> addMember(qint64 workspaceId, const MemberDraft& draft) override;
    QFuture<Result<Member>> setMemberRole(qint64 workspaceId, qint64 accountId, Role role) override;
    QFuture<Status> removeMember(qint64 workspaceId, qint64 accountId) override;

    QFuture<Result<QList<WorkspaceSummary>>> workspaces() override;
    QFuture<Result<QList<ActivityEvent>>> events(qint64 workspaceId, qint64 afterSeq) override;
    DatabaseHealth& databaseHealth() override { return *m_health; }
    ReleaseBackend& releases() override { return *this; }

    QFuture<Result<BoardSnapshot>> releaseBoard(qint64 workspaceId, int newest = 0) override;
    QFuture<Result<BoardChanges>> releaseChangesSince(qint64 workspaceId, qint64 afterSeq) override;
    QFuture<Result<ReleaseDetail>> releaseDetail(qint64 workspaceId, qint64 releaseId) override;
    QFuture<Result<QList<ActivityEvent>>> releaseTimeline(qint64 workspaceId,
                                                          qint64 releaseId) override;
    QFuture<Result<ScmComparison>> compareRelease(qint64 workspaceId, qint64 releaseId) override;
    QFuture<Result<ChoicePage>> releaseBranches(qint64 workspaceId) override;
    QFuture<Result<QList<ReleaseConfig>>> releaseTrains(qint64 workspaceId) override;
    QFuture<Result<Release>> createRelease(qint64 workspaceId, const ReleaseDraft& draft) override;
    QFuture<Result<HotfixPlan>> planHotfix(qint64 workspaceId,
                                           const QString& fixedVersion) override;
    QFuture<Result<Release>> act(qint64 workspaceId, const ReleaseAction& action) override;
    ReleaseFeed& releaseFeed() override { return *m_feed; }
    LocalOrchestrator& localOrchestrator() override;
    TrainBackend& trains() override { return *this; }

    QFuture<Result<QList<TrainSummary>>> listTrains(qint64 workspaceId) override;
    QFuture<Result<ReleaseConfig>> createTrain(qint64 workspaceId,
                                               const ReleaseConfig& draft) override;
    QFuture<Result<ReleaseConfig>> updateTrain(qint64 workspaceId,
                                               const ReleaseConfig& edited) override;
    QFuture<Result<ReleaseConfig>> pauseTrain(qint64 workspaceId, qint64 trainId) override;
    QFuture<Result<ReleaseConfig>> resumeTrain(qint64 workspaceId, qint64 trainId) override;
    QFuture<Status> removeTrain(qint64 workspaceId, qint64 trainId) override;

    SandboxBackend* sandbox() override { return this; }
    // The time scale a sandbox made by exploreSandbox() gets (default 1): its durations are
    // divided by it (tests and demos).
    void setSandboxTimeScale(int scale) { m_sandboxTimeScale = scale; }
    QFuture<Result<WorkspaceSummary>> exploreSandbox() override;
    QFuture<Result<WorkspaceSummary>> resetSandbox() override;
    QFuture<Status> deleteSandbox() override;
    QFuture<Result<SandboxActivity>> sandboxActivity(qint64 workspaceId) override;
    QFuture<Status> rehearse(qint64 workspaceId, SandboxRehearsal rehearsal) override;

private:
    struct Session;

    // Runs work on the pool; once stopping, answers at once that the app is shutting down.
    template<typename Work>
    auto run(Work work) -> QFuture<decltype(work())>;
    // The session of the open database, or the error saying why there is none.
    Result<std::shared_ptr<Session>> session() const;
    BackendStatus openSession();
    void adopt(std::shared_ptr<Session> session);
    BackendStatus probe();
    BackendStatus statusOf(const Session& session) const;
    std::unique_ptr<ConnectionService> serviceFor(const Session& session) const;
    // Runs work with a ReleaseSession of the open database for workspaceId.
    template<typename Answer, typename Work>
    QFuture<Answer> withReleases(qint64 workspaceId, Work work);
    // Runs work with the TrainService of the open database and who acts in workspaceId.
    template<typename Answer, typename Work>
    QFuture<Answer> withTrains(qint64 workspaceId, Work work);
    // After a change made here: the orchestrator ticks and the feed looks at once.
    template<typename T>
    QFuture<T> changedHere(QFuture<T> change);

    std::stop_source m_stop;
    HttpSettings m_http;
    std::unique_ptr<GatedSecretStore> m_secrets;
    std::unique_ptr<ConnectionVerifier> m_verifier;
    std::unique_ptr<DatabaseHealth> m_health;
    std::unique_ptr<ReleaseFeed> m_feed;
    std::unique_ptr<OrchestratorThread> m_orchestrator;
    // openDirectly(): the database and workspace of this run.
    QString m_directUrl;
    QString m_directWorkspace;
    mutable QMutex m_mutex;
    std::shared_ptr<Session> m_session;
    QString m_openError;
    bool m_keychainAvailable = false;
    int m_sandboxTimeScale = 1;
    QThreadPool m_pool;
};

} // namespace ReleaseDeck
