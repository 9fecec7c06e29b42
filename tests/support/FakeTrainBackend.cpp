#include "FakeTrainBackend.h"

#include "model/TrainSchedule.h"
#include "services/TrainRules.h"

#include <QPromise>
#include <QTimer>

#include <memory>

namespace ReleaseDeck::Test {

FakeTrainBackend::FakeTrainBackend(QObject* parent)
    : QObject(parent)
{}

template<typename T>
QFuture<T> FakeTrainBackend::later(std::function<T()> answer)
{
    auto promise = std::make_shared<QPromise<T>>();
    promise->start();
    QFuture<T> future = promise->future();
    QTimer::singleShot(delayMs, this, [promise, answer = std::move(answer)] {
        promise->addResult(answer());
        promise->finish();
    });
    return future;
}

QDateTime FakeTrainBackend::clock() const
{
    return now.isValid() ? now : QDateTime::currentDateTimeUtc();
}

TrainSummary* FakeTrainBackend::find(qint64 trainId)
{
    for (TrainSummary& summary : summaries) {
        if (summary.train.id == trainId)
            return &summary;
    }
    return nullptr;
}

qint64 FakeTrainBackend::add(ReleaseConfig train, const QString& latest, const QString& active)
{
    train.id = m_nextId++;
    if (train.targets.isEmpty())
        train.targets = TrainRules::targetsFor(train.platforms);
    TrainSchedule::plan(train, clock());
    summaries.append({train, latest, active, QStringLiteral("1.0.0")});
    return train.id;
}

QFuture<Result<QList<TrainSummary>>> FakeTrainBackend::listTrains(qint64)
{
    ++listCalls;
    return later<Result<QList<TrainSummary>>>([this]() -> Result<QList<TrainSummary>> {
        if (listError)
            return *listError;
        return summaries;
    });
}

QFuture<Result<ReleaseConfig>> FakeTrainBackend::createTrain(qint64, const ReleaseConfig& draft)
{
    created.append(draft);
    return later<Result<ReleaseConfig>>([this, draft]() -> Result<ReleaseConfig> {
        const QList<TrainProblem> problems = TrainRules::problems(draft);
        if (!problems.isEmpty())
            return Error::usage(problems.constFirst().message);
        const qint64 id = add(draft);
        return find(id)->train;
    });
}

QFuture<Result<ReleaseConfig>> FakeTrainBackend::updateTrain(qint64, const ReleaseConfig& edited)
{
    updated.append(edited);
    return later<Result<ReleaseConfig>>([this, edited]() -> Result<ReleaseConfig> {
        TrainSummary* found = find(edited.id);
        if (!found)
            return Error::notFound(QStringLiteral("The release train %1 is gone.").arg(edited.id));
        const QList<TrainProblem> problems = TrainRules::problems(edited);
        if (!problems.isEmpty())
            return Error::usage(problems.constFirst().message);
        found->train = edited;
        TrainSchedule::plan(found->train, clock());
        return found->train;
    });
}

QFuture<Result<ReleaseConfig>> FakeTrainBackend::pauseTrain(qint64, qint64 trainId)
{
    paused.append(trainId);
    return later<Result<ReleaseConfig>>([this, trainId]() -> Result<ReleaseConfig> {
        TrainSummary* found = find(trainId);
        if (!found)
            return Error::notFound(QStringLiteral("The release train %1 is gone.").arg(trainId));
        found->train.paused = true;
        TrainSchedule::plan(found->train, clock());
        return found->train;
    });
}

QFuture<Result<ReleaseConfig>> FakeTrainBackend::resumeTrain(qint64, qint64 trainId)
{
    resumed.append(trainId);
    return later<Result<ReleaseConfig>>([this, trainId]() -> Result<ReleaseConfig> {
        TrainSummary* found = find(trainId);
        if (!found)
            return Error::notFound(QStringLiteral("The release train %1 is gone.").arg(trainId));
        found->train.paused = false;
        TrainSchedule::plan(found->train, clock());
        return found->train;
    });
}

QFuture<Status> FakeTrainBackend::removeTrain(qint64, qint64 trainId)
{
    removed.append(trainId);
    return later<Status>([this, trainId]() -> Status {
        TrainSummary* found = find(trainId);
        if (!found)
            return Error::notFound(QStringLiteral("The release train %1 is gone.").arg(trainId));
        if (!found->activeRelease.isEmpty())
            return Error::conflict(QStringLiteral("Train %1 has release %2 in progress; finish or "
                                                  "cancel it before deleting the train.")
                                       .arg(found->train.name, found->activeRelease));
        summaries.removeIf([trainId](const TrainSummary& s) { return s.train.id == trainId; });
        return {};
    });
}

} // namespace ReleaseDeck::Test
