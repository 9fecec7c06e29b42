#include "desktop/WorkspaceWatch.h"

#include "backend/ConnectionBackend.h"
#include "backend/FutureReply.h"
#include "backend/ReleaseFeed.h"
#include "logging/Logging.h"
#include "services/NotificationRules.h"

#include <QTimer>

#include <algorithm>

namespace ReleaseDeck {

namespace {

constexpr std::chrono::seconds RetryAfter(10);

} // namespace

WorkspaceWatch::WorkspaceWatch(ConnectionBackend& backend, QObject* parent)
    : QObject(parent)
    , m_backend(backend)
    , m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    m_retry->setInterval(RetryAfter);
    connect(m_retry, &QTimer::timeout, this, &WorkspaceWatch::start);
}

WorkspaceWatch::~WorkspaceWatch() = default;

void WorkspaceWatch::setInterval(std::chrono::milliseconds interval)
{
    m_interval = interval;
    for (const std::shared_ptr<Followed>& followed : std::as_const(m_followed))
        followed->feed->setInterval(interval);
}

void WorkspaceWatch::start()
{
    stop();
    const int generation = m_generation;
    whenFinished(m_backend.workspaces(), this,
                 [this, generation](const Result<QList<WorkspaceSummary>>& workspaces) {
                     if (generation != m_generation)
                         return;
                     if (!workspaces) {
                         qCInfo(lcUi).noquote() << "notifications wait for the workspace list:"
                                                << workspaces.error().message;
                         retryLater();
                         return;
                     }
                     for (const WorkspaceSummary& workspace : *workspaces)
                         follow(workspace);
                 });
}

void WorkspaceWatch::stop()
{
    ++m_generation;
    m_retry->stop();
    const bool hadNeeds = !needs().isEmpty();
    m_followed.clear();
    if (hadNeeds)
        emit needsChanged();
}

void WorkspaceWatch::retryLater()
{
    if (!m_retry->isActive())
        m_retry->start();
}

void WorkspaceWatch::follow(const WorkspaceSummary& workspace)
{
    const int generation = m_generation;
    whenFinished(m_backend.releases().releaseBoard(workspace.id), this,
                 [this, generation, workspace](const Result<BoardSnapshot>& board) {
                     if (generation != m_generation)
                         return;
                     if (!board) {
                         // Every workspace is read afresh, from then on.
                         qCInfo(lcUi).noquote() << "notifications wait for" << workspace.name << ":"
                                                << board.error().message;
                         retryLater();
                         return;
                     }
                     auto followed = std::make_shared<Followed>();
                     followed->workspace = workspace;
                     for (const ReleaseSummary& summary : board->releases) {
                         if (NotificationRules::needsPerson(summary.release))
                             followed->needing.insert(summary.release.id, summary);
                     }
                     followed->feed =
                         std::make_unique<ReleaseFeed>([this](qint64 workspaceId, qint64 afterSeq) {
                             return m_backend.releases().releaseChangesSince(workspaceId, afterSeq);
                         });
                     followed->feed->setInterval(m_interval);
                     connect(followed->feed.get(), &ReleaseFeed::eventsArrived, this,
                             &WorkspaceWatch::eventsArrived);
                     connect(followed->feed.get(), &ReleaseFeed::releasesChanged, this,
                             &WorkspaceWatch::changed);
                     followed->feed->follow(workspace.id, board->feedSeq, board->lease, board->now);
                     const bool needs = !followed->needing.isEmpty();
                     m_followed.insert(workspace.id, std::move(followed));
                     if (needs)
                         emit needsChanged();
                 });
}

void WorkspaceWatch::changed(qint64 workspaceId, const QList<ReleaseSummary>& changed,
                             const QList<qint64>& removed)
{
    const std::shared_ptr<Followed> followed = m_followed.value(workspaceId);
    if (!followed)
        return;
    bool moved = false;
    for (const ReleaseSummary& summary : changed) {
        const bool was = followed->needing.contains(summary.release.id);
        if (NotificationRules::needsPerson(summary.release)) {
            followed->needing.insert(summary.release.id, summary);
            moved = true;
        } else if (was) {
            followed->needing.remove(summary.release.id);
            moved = true;
        }
    }
    for (const qint64 id : removed)
        moved = followed->needing.remove(id) > 0 || moved;
    if (moved)
        emit needsChanged();
}

QList<ReleaseNeed> WorkspaceWatch::needs() const
{
    QList<ReleaseNeed> all;
    for (const std::shared_ptr<Followed>& followed : std::as_const(m_followed)) {
        for (const ReleaseSummary& summary : std::as_const(followed->needing))
            all.append({followed->workspace.id, followed->workspace.name, summary});
    }
    std::sort(all.begin(), all.end(), [](const ReleaseNeed& a, const ReleaseNeed& b) {
        if (a.workspaceName != b.workspaceName)
            return a.workspaceName.localeAwareCompare(b.workspaceName) < 0;
        return a.summary.release.id > b.summary.release.id;
    });
    return all;
}

QList<qint64> WorkspaceWatch::followedWorkspaces() const
{
    QList<qint64> ids = m_followed.keys();
    std::sort(ids.begin(), ids.end());
    return ids;
}

} // namespace ReleaseDeck
