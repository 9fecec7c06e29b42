#pragma once

#include "Result.h"
#include "backend/ActivityEvent.h"
#include "backend/ChoicePage.h"
#include "backend/ReleaseAction.h"
#include "model/ReleaseConfig.h"
#include "providers/ScmClient.h"
#include "services/HotfixPlan.h"
#include "services/ReleaseBoard.h"
#include "services/ReleaseDetail.h"
#include "services/ReleaseDraft.h"

#include <QFuture>
#include <QList>

namespace ReleaseDeck {

class LocalOrchestrator;
class ReleaseFeed;
class TrainBackend;

// Everything the release pages ask of the rest of the app: the dashboard, one release's
// page, the New release dialog and the decisions people make. As with ConnectionBackend,
// every call answers at once with a future (the work runs off the GUI thread) and every
// call names the workspace it acts in. A successful createRelease() or act() makes this
// app's orchestrator tick and the feed look for changes at once.
class ReleaseBackend
{
public:
    virtual ~ReleaseBackend() = default;

    // Every release of the workspace as the dashboard shows it (with newest > 0, only that
    // many of the newest), and the feed position the rows were read at (hand it to
    // releaseFeed().follow()).
    virtual QFuture<Result<BoardSnapshot>> releaseBoard(qint64 workspaceId, int newest = 0) = 0;
    // The events after afterSeq and the summaries of the releases they name (ReleaseFeed
    // asks this; pages listen to the feed rather than calling it).
    virtual QFuture<Result<BoardChanges>> releaseChangesSince(qint64 workspaceId,
                                                              qint64 afterSeq) = 0;
    // One release with its tasks, cycles, slots and builds, read at one database time.
    virtual QFuture<Result<ReleaseDetail>> releaseDetail(qint64 workspaceId, qint64 releaseId) = 0;
    // The release's own events, newest first (its timeline).
    virtual QFuture<Result<QList<ActivityEvent>>> releaseTimeline(qint64 workspaceId,
                                                                  qint64 releaseId) = 0;
    // The commits in this release: from the previous release's tag (the fixed release's for
    // a hotfix) to the release branch, or the base branch before the branch exists; asked
    // of the workspace's source control with this machine's token.
    virtual QFuture<Result<ScmComparison>> compareRelease(qint64 workspaceId, qint64 releaseId) = 0;

    // For the New release dialog: the branches of the workspace's source control and its
    // release trains.
    virtual QFuture<Result<ChoicePage>> releaseBranches(qint64 workspaceId) = 0;
    virtual QFuture<Result<QList<ReleaseConfig>>> releaseTrains(qint64 workspaceId) = 0;
    virtual QFuture<Result<Release>> createRelease(qint64 workspaceId,
                                                   const ReleaseDraft& draft) = 0;
    // What a hotfix of the COMPLETED release fixedVersion would be (core's HotfixPlan): the
    // suggested version, and whether a newer completed release makes it need confirmation.
    virtual QFuture<Result<HotfixPlan>> planHotfix(qint64 workspaceId,
                                                   const QString& fixedVersion) = 0;
    // Approve, pause, resume, cancel, retry, skip, add a slot, start kickoff now; the
    // answer is the release as the action left it.
    virtual QFuture<Result<Release>> act(qint64 workspaceId, const ReleaseAction& action) = 0;

    // The followed workspace's changes, live (one feed for the window).
    virtual ReleaseFeed& releaseFeed() = 0;
    // This app's own orchestrator.
    virtual LocalOrchestrator& localOrchestrator() = 0;
    // The release trains of the same database (the Trains page, the dashboard's next kickoff).
    virtual TrainBackend& trains() = 0;
};

} // namespace ReleaseDeck
