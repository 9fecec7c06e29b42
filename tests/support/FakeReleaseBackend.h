#pragma once

#include "FakeTrainBackend.h"
#include "backend/LocalOrchestrator.h"
#include "backend/ReleaseBackend.h"
#include "backend/ReleaseFeed.h"

#include <QHash>
#include <QObject>

#include <functional>

namespace ReleaseDeck::Test {

// This app's orchestrator for tests: no thread, a status the test sets.
class FakeLocalOrchestrator : public LocalOrchestrator
{
    Q_OBJECT

public:
    using LocalOrchestrator::LocalOrchestrator;

    bool enabled() const override { return m_enabled; }
    void setEnabled(bool enabled) override;
    QString holder() const override { return QStringLiteral("orchestrator@this-laptop/4242"); }
    OrchestratorStatus status() const override { return m_status; }
    void tickSoon() override { ++ticks; }
    int tickSeconds() const override { return m_tickSeconds; }
    Status setTickSeconds(int seconds) override;

    // What the orchestrator reports next (emits changed()).
    void report(const OrchestratorStatus& status);

    int ticks = 0;

private:
    bool m_enabled = true;
    int m_tickSeconds = 10;
    OrchestratorStatus m_status;
};

// The release backend for UI tests: releases held in memory, a feed position that moves
// with each change the test makes, answers a moment later (never at once), and a record
// of what it was asked.
class FakeReleaseBackend : public QObject, public ReleaseBackend
{
    Q_OBJECT

public:
    explicit FakeReleaseBackend(QObject* parent = nullptr);

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
    ReleaseFeed& releaseFeed() override { return m_feed; }
    LocalOrchestrator& localOrchestrator() override { return m_orchestrator; }
    FakeLocalOrchestrator& orchestrator() { return m_orchestrator; }
    TrainBackend& trains() override { return m_trains; }
    FakeTrainBackend& trainFake() { return m_trains; }

    // Adds or replaces a release (by id) as one event of the feed; removes it when gone.
    void change(const ReleaseSummary& summary);
    void remove(qint64 releaseId);
    // An event of the feed as another instance or person wrote it (the fake gives it the
    // next seq; its id stays as given, so recording it twice delivers the same event again).
    void record(Event event);
    // The feed position now: the seq of the last change.
    qint64 seq() const { return m_seq; }

    // What the fake holds and answers.
    int delayMs = 20;
    QList<ReleaseSummary> summaries; // the board, newest first as the store reads it
    std::optional<OrchestratorLease> lease;
    std::optional<Error> boardError;
    QStringList branches{QStringLiteral("main"), QStringLiteral("develop")};
    std::optional<Error> branchesError;
    QList<ReleaseConfig> trainConfigs;
    std::optional<Error> createError; // createRelease() refuses with it
    // A release's page: its tasks, cycles and builds (else only the summary's release), its
    // timeline and its changes (or why there are none).
    QHash<qint64, ReleaseDetail> details;
    QHash<qint64, QList<ActivityEvent>> timelines;
    ScmComparison comparison;
    std::optional<Error> compareError;
    // The answer of the next act() instead of the release (once).
    std::optional<Error> nextActError;
    // planHotfix()'s answer; without one, "no such release".
    std::optional<HotfixPlan> hotfixPlan;

    // What it was asked.
    QList<qint64> boardCalls;
    QList<int> boardNewest;                    // the newest argument of each releaseBoard() call
    QList<QPair<qint64, qint64>> changesCalls; // (workspace, after seq)
    QList<ReleaseAction> actions;
    QList<ReleaseDraft> drafts;
    QList<qint64> detailCalls;   // release ids
    QList<qint64> timelineCalls; // release ids

private:
    template<typename T>
    QFuture<T> later(std::function<T()> answer);

    qint64 m_seq = 0;
    QList<Event> m_events; // what changed, by seq
    ReleaseFeed m_feed;
    FakeLocalOrchestrator m_orchestrator;
    FakeTrainBackend m_trains;
};

} // namespace ReleaseDeck::Test
