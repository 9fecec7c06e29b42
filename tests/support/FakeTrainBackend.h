#pragma once

#include "backend/TrainBackend.h"

#include <QDateTime>
#include <QObject>

#include <functional>
#include <optional>

namespace ReleaseDeck::Test {

// The train backend for UI tests: trains held in memory and judged by core's own
// TrainRules and TrainSchedule (the first problem refuses, as TrainService does), answers
// a moment later (never at once), and a record of what it was asked. A train with an
// activeRelease is refused deletion in the service's words.
class FakeTrainBackend : public QObject, public TrainBackend
{
    Q_OBJECT

public:
    explicit FakeTrainBackend(QObject* parent = nullptr);

    QFuture<Result<QList<TrainSummary>>> listTrains(qint64 workspaceId) override;
    QFuture<Result<ReleaseConfig>> createTrain(qint64 workspaceId,
                                               const ReleaseConfig& draft) override;
    QFuture<Result<ReleaseConfig>> updateTrain(qint64 workspaceId,
                                               const ReleaseConfig& edited) override;
    QFuture<Result<ReleaseConfig>> pauseTrain(qint64 workspaceId, qint64 trainId) override;
    QFuture<Result<ReleaseConfig>> resumeTrain(qint64 workspaceId, qint64 trainId) override;
    QFuture<Status> removeTrain(qint64 workspaceId, qint64 trainId) override;

    // Adds a train as the service would have saved it at now; the answer is its id.
    qint64 add(ReleaseConfig train, const QString& latest = {}, const QString& active = {});

    // What the fake holds and answers.
    int delayMs = 20;
    QList<TrainSummary> summaries;
    QDateTime now; // the clock trains are planned by; the current time when null
    std::optional<Error> listError;

    // What it was asked.
    int listCalls = 0;
    QList<ReleaseConfig> created;
    QList<ReleaseConfig> updated;
    QList<qint64> paused;
    QList<qint64> resumed;
    QList<qint64> removed;

private:
    template<typename T>
    QFuture<T> later(std::function<T()> answer);
    QDateTime clock() const;
    TrainSummary* find(qint64 trainId);

    qint64 m_nextId = 1;
};

} // namespace ReleaseDeck::Test
