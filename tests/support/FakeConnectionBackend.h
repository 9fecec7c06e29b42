#pragma once

#include "FakeReleaseBackend.h"
#include "backend/ConnectionBackend.h"

#include <QHash>
#include <QObject>
#include <QPromise>

#include <functional>
#include <memory>

namespace ReleaseDeck::Test {

// The user interface's backend for tests: answers a moment later (never at once, like a
// real network), records every call, and is told what to answer. Tokens containing
// "invalid", "expired" or "unreachable" get that verification outcome.
class FakeConnectionBackend : public QObject, public ConnectionBackend
{
    Q_OBJECT

public:
    explicit FakeConnectionBackend(QObject* parent = nullptr);

    QFuture<VerificationOutcome> verifyDraft(const ConnectionDraft& draft) override;
    QFuture<Result<ChoicePage>> listBranches(const ConnectionDraft& draft) override;
    QFuture<Result<ChoicePage>> listChannels(const ConnectionDraft& draft, const QString& search,
                                             const QString& cursor) override;
    QFuture<Result<ChoicePage>> listWorkflows(const ConnectionDraft& draft) override;
    QFuture<Result<QList<WorkspaceSummary>>> testDatabase(const DatabaseDraft& draft) override;
    QFuture<Status> finish(const WizardResult& result) override;
    bool needsOnboarding() const override { return onboarding; }

    QFuture<Result<QList<ConnectionRow>>> listConnections(qint64 workspaceId) override;
    QFuture<Result<ConnectionRow>> verify(qint64 workspaceId, qint64 connectionId) override;
    QFuture<Result<ConnectionRow>> verifyAll(qint64 workspaceId) override;
    QFuture<Result<ConnectionRow>> saveConnection(qint64 workspaceId,
                                                  const ConnectionDraft& draft) override;
    QFuture<Status> disconnect(qint64 workspaceId, qint64 connectionId) override;

    // Members: memberRows, changed in memory; a draft's password is never kept.
    QFuture<Result<QList<MemberRow>>> listMembers(qint64 workspaceId) override;
    QFuture<Result<MemberAdded>> addMember(qint64 workspaceId, const MemberDraft& draft) override;
    QFuture<Result<Member>> setMemberRole(qint64 workspaceId, qint64 accountId, Role role) override;
    QFuture<Status> removeMember(qint64 workspaceId, qint64 accountId) override;

    QFuture<Result<QList<WorkspaceSummary>>> workspaces() override;
    QFuture<Result<QList<ActivityEvent>>> events(qint64 workspaceId, qint64 afterSeq) override;
    // Probes answer currentStatus.
    DatabaseHealth& databaseHealth() override { return m_health; }
    ReleaseBackend& releases() override { return m_releases; }
    // The release side, for tests to fill and inspect.
    FakeReleaseBackend& releaseFake() { return m_releases; }

    // Answers verify() and each connection of verifyAll() only when
    // releaseVerification(id) is called.
    void holdVerifications(bool hold) { m_hold = hold; }
    void releaseVerification(qint64 connectionId, VerificationStatus status,
                             const QString& error = {});
    int heldVerifications() const { return int(m_held.size()); }

    // What the fake holds and answers.
    bool onboarding = true;
    int delayMs = 20;
    QList<WorkspaceSummary> workspaceList;
    QList<ConnectionRow> rows;
    QList<ActivityEvent> eventList;
    QList<MemberRow> memberRows;
    BackendStatus currentStatus;
    std::optional<Error> finishError;
    QList<WorkspaceSummary> serverWorkspaces;
    int channelCount = 120;

    // What it was asked.
    QList<ConnectionDraft> verifiedDrafts;
    QList<WizardResult> finishCalls;
    QList<DatabaseDraft> databaseTests;
    QList<qint64> verifyCalls;
    QList<qint64> verifyAllCalls;
    QList<qint64> disconnectCalls;
    QList<ConnectionDraft> savedDrafts;
    QList<qint64> listConnectionsCalls;
    // (workspace, after event id) of each events() call.
    QList<QPair<qint64, qint64>> eventsCalls;
    int probeCalls = 0;

private:
    template<typename T>
    QFuture<T> later(std::function<T()> answer);

    using SharedPromise = std::shared_ptr<QPromise<Result<ConnectionRow>>>;
    bool m_hold = false;
    QHash<qint64, SharedPromise> m_held;
    // The verifyAll() answer that held verifications report into.
    SharedPromise m_heldAll;
    DatabaseHealth m_health;
    FakeReleaseBackend m_releases;
};

} // namespace ReleaseDeck::Test
