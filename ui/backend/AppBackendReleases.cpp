#include "AppBackendParts.h"
#include "backend/FutureReply.h"
#include "backend/OnboardingSave.h"
#include "backend/OrchestratorThread.h"
#include "backend/ProviderLists.h"
#include "backend/ReleaseFeed.h"
#include "backend/ReleaseSession.h"
#include "db/Database.h"
#include "db/DatabaseUrl.h"
#include "db/MigrationRunner.h"
#include "logging/Logging.h"
#include "providers/ConnectionVerifier.h"
#include "providers/sandbox/SandboxStore.h"
#include "secrets/GatedSecretStore.h"
#include "secrets/SecretKeys.h"
#include "secrets/SecretStoreFactory.h"
#include "services/ConnectionService.h"
#include "services/Identity.h"
#include "services/MemberService.h"
#include "services/SandboxWorkspace.h"
#include "services/TrainService.h"
#include "store/AccountStore.h"
#include "store/EventStore.h"
#include "store/MembershipStore.h"
#include "store/WorkspaceStore.h"

#include <QFileInfo>
#include <QMutexLocker>
#include <QSettings>
#include <QtConcurrent>

#include <algorithm>
#include <type_traits>

namespace ReleaseDeck {

using namespace AppBackendParts;

QFuture<Result<BoardSnapshot>> AppBackend::releaseBoard(qint64 workspaceId, int newest)
{
    return withReleases<Result<BoardSnapshot>>(
        workspaceId, [newest](ReleaseSession& releases) { return releases.board(newest); });
}

QFuture<Result<BoardChanges>> AppBackend::releaseChangesSince(qint64 workspaceId, qint64 afterSeq)
{
    return withReleases<Result<BoardChanges>>(workspaceId, [afterSeq](ReleaseSession& releases) {
        return releases.changesSince(afterSeq);
    });
}

QFuture<Result<ReleaseDetail>> AppBackend::releaseDetail(qint64 workspaceId, qint64 releaseId)
{
    return withReleases<Result<ReleaseDetail>>(
        workspaceId, [releaseId](ReleaseSession& releases) { return releases.detail(releaseId); });
}

QFuture<Result<QList<ActivityEvent>>> AppBackend::releaseTimeline(qint64 workspaceId,
                                                                  qint64 releaseId)
{
    return withReleases<Result<QList<ActivityEvent>>>(
        workspaceId,
        [releaseId](ReleaseSession& releases) { return releases.timeline(releaseId); });
}

QFuture<Result<ScmComparison>> AppBackend::compareRelease(qint64 workspaceId, qint64 releaseId)
{
    return withReleases<Result<ScmComparison>>(
        workspaceId, [releaseId](ReleaseSession& releases) { return releases.compare(releaseId); });
}

QFuture<Result<ChoicePage>> AppBackend::releaseBranches(qint64 workspaceId)
{
    return withReleases<Result<ChoicePage>>(
        workspaceId, [](ReleaseSession& releases) { return releases.branches(); });
}

QFuture<Result<QList<ReleaseConfig>>> AppBackend::releaseTrains(qint64 workspaceId)
{
    return withReleases<Result<QList<ReleaseConfig>>>(
        workspaceId, [](ReleaseSession& releases) { return releases.trains(); });
}

QFuture<Result<Release>> AppBackend::createRelease(qint64 workspaceId, const ReleaseDraft& draft)
{
    return changedHere(withReleases<Result<Release>>(
        workspaceId, [draft](ReleaseSession& releases) { return releases.create(draft); }));
}

QFuture<Result<HotfixPlan>> AppBackend::planHotfix(qint64 workspaceId, const QString& fixedVersion)
{
    return withReleases<Result<HotfixPlan>>(workspaceId, [fixedVersion](ReleaseSession& releases) {
        return releases.planHotfix(fixedVersion);
    });
}

QFuture<Result<Release>> AppBackend::act(qint64 workspaceId, const ReleaseAction& action)
{
    return changedHere(withReleases<Result<Release>>(
        workspaceId, [action](ReleaseSession& releases) { return releases.act(action); }));
}

QFuture<Result<QList<TrainSummary>>> AppBackend::listTrains(qint64 workspaceId)
{
    return withTrains<Result<QList<TrainSummary>>>(
        workspaceId, [](TrainService& trains, const Actor& actor) { return trains.list(actor); });
}

QFuture<Result<ReleaseConfig>> AppBackend::createTrain(qint64 workspaceId,
                                                       const ReleaseConfig& draft)
{
    return changedHere(withTrains<Result<ReleaseConfig>>(
        workspaceId,
        [draft](TrainService& trains, const Actor& actor) { return trains.create(actor, draft); }));
}

QFuture<Result<ReleaseConfig>> AppBackend::updateTrain(qint64 workspaceId,
                                                       const ReleaseConfig& edited)
{
    return changedHere(withTrains<Result<ReleaseConfig>>(
        workspaceId, [edited](TrainService& trains, const Actor& actor) {
            return trains.update(actor, edited);
        }));
}

QFuture<Result<ReleaseConfig>> AppBackend::pauseTrain(qint64 workspaceId, qint64 trainId)
{
    return changedHere(withTrains<Result<ReleaseConfig>>(
        workspaceId, [trainId](TrainService& trains, const Actor& actor) {
            return trains.pause(actor, trainId);
        }));
}

QFuture<Result<ReleaseConfig>> AppBackend::resumeTrain(qint64 workspaceId, qint64 trainId)
{
    return changedHere(withTrains<Result<ReleaseConfig>>(
        workspaceId, [trainId](TrainService& trains, const Actor& actor) {
            return trains.resume(actor, trainId);
        }));
}

QFuture<Status> AppBackend::removeTrain(qint64 workspaceId, qint64 trainId)
{
    return changedHere(
        withTrains<Status>(workspaceId, [trainId](TrainService& trains, const Actor& actor) {
            return trains.remove(actor, trainId);
        }));
}

} // namespace ReleaseDeck
