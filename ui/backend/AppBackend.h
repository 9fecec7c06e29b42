#pragma once

#include "backend/ConnectionBackend.h"
#include "providers/ConnectionVerifier.h"

#include <QMutex>
#include <QThreadPool>

#include <memory>

namespace ReleaseDeck {

class Database;
class SecretStore;

// The app's ConnectionBackend over the stores, the keychain and the provider clients.
// Every call runs on its own worker pool (each worker thread has its own database
// connection) and answers through a future; the GUI thread never waits.
// The chosen database URL and the local account's login are kept in QSettings (never a
// password: a shared server's password lives in the keychain).
class AppBackend final : public ConnectionBackend
{
public:
    AppBackend();
    ~AppBackend() override;

    // Opens the configured database (migrating it), finds the local account and checks the
    // keychain; the answer is the new status.
    QFuture<BackendStatus> start();

    QFuture<VerificationOutcome> verifyDraft(const ConnectionDraft& draft) override;
    QFuture<Result<ChoicePage>> listBranches(const ConnectionDraft& draft) override;
    QFuture<Result<ChoicePage>> listChannels(const ConnectionDraft& draft, const QString& search,
                                             const QString& cursor) override;
    QFuture<Result<ChoicePage>> listWorkflows(const ConnectionDraft& draft) override;
    QFuture<Result<QList<WorkspaceSummary>>> testDatabase(const DatabaseDraft& draft) override;
    QFuture<Status> finish(const WizardResult& result) override;
    bool needsOnboarding() const override;

    QFuture<Result<QList<ConnectionRow>>> listConnections(qint64 workspaceId) override;
    QFuture<Result<ConnectionRow>> verify(qint64 connectionId) override;
    QFuture<Result<ConnectionRow>> saveConnection(qint64 workspaceId,
                                                  const ConnectionDraft& draft) override;
    QFuture<Status> disconnect(qint64 connectionId) override;

    QFuture<Result<QList<WorkspaceSummary>>> workspaces() override;
    QFuture<Result<QList<ActivityEvent>>> events(qint64 workspaceId, qint64 afterSeq) override;
    BackendStatus status() const override;
    QFuture<BackendStatus> reconnect() override;

private:
    struct Session;

    // The session of the open database, or the error saying why there is none.
    Result<std::shared_ptr<Session>> session() const;
    BackendStatus openSession();
    void setStatus(const BackendStatus& status);
    Status saveEverything(const WizardResult& result);

    QThreadPool m_pool;
    std::unique_ptr<SecretStore> m_secrets;
    ConnectionVerifier m_verifier;
    mutable QMutex m_mutex;
    std::shared_ptr<Session> m_session;
    BackendStatus m_status;
    // The workspace the Connections page shows: verify() and disconnect() act in it.
    qint64 m_shownWorkspace = 0;
};

} // namespace ReleaseDeck
