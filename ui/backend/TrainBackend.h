#pragma once

#include "Result.h"
#include "model/ReleaseConfig.h"
#include "services/TrainService.h"

#include <QFuture>
#include <QList>

namespace ReleaseDeck {

// What the Trains page, the train dialog and the dashboard's next-kickoff line ask of the
// rest of the app: core's TrainService, off the GUI thread. Every call answers at once with
// a future and names the workspace it acts in; the service's refusals (a field's problem,
// a release of the train still active, a VIEWER's change) come back as the Error's sentence.
class TrainBackend
{
public:
    virtual ~TrainBackend() = default;

    // Every train with its next kickoff, latest and active release.
    virtual QFuture<Result<QList<TrainSummary>>> listTrains(qint64 workspaceId) = 0;
    virtual QFuture<Result<ReleaseConfig>> createTrain(qint64 workspaceId,
                                                       const ReleaseConfig& draft) = 0;
    // The people-set fields of edited, found by its id.
    virtual QFuture<Result<ReleaseConfig>> updateTrain(qint64 workspaceId,
                                                       const ReleaseConfig& edited) = 0;
    virtual QFuture<Result<ReleaseConfig>> pauseTrain(qint64 workspaceId, qint64 trainId) = 0;
    virtual QFuture<Result<ReleaseConfig>> resumeTrain(qint64 workspaceId, qint64 trainId) = 0;
    virtual QFuture<Status> removeTrain(qint64 workspaceId, qint64 trainId) = 0;
};

} // namespace ReleaseDeck
