#include "backend/ReleaseFeed.h"

#include "backend/FutureReply.h"

#include <QTimer>

#include <algorithm>

namespace ReleaseDeck {

ReleaseFeed::ReleaseFeed(Fetch fetch, QObject* parent)
    : QObject(parent)
    , m_fetch(std::move(fetch))
    , m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    m_timer->setInterval(defaultInterval());
    connect(m_timer, &QTimer::timeout, this, &ReleaseFeed::request);
}

void ReleaseFeed::setInterval(std::chrono::milliseconds interval)
{
    m_timer->setInterval(interval);
}

void ReleaseFeed::follow(qint64 workspaceId, qint64 fromSeq,
                         const std::optional<OrchestratorLease>& lease, const QDateTime& now)
{
    ++m_generation;
    m_workspaceId = workspaceId;
    m_seq = fromSeq;
    m_inFlight = false;
    m_again = false;
    m_lease = lease;
    m_now = now;
    m_nowReadAt.start();
    m_error.clear();
    m_timer->start();
    emit leaseChanged();
}

void ReleaseFeed::stop()
{
    ++m_generation;
    m_workspaceId = 0;
    m_inFlight = false;
    m_again = false;
    m_lease.reset();
    m_timer->stop();
}

void ReleaseFeed::pollNow()
{
    if (!following())
        return;
    if (m_inFlight) {
        m_again = true;
        return;
    }
    m_timer->stop();
    request();
}

QDateTime ReleaseFeed::databaseNow() const
{
    if (!m_now.isValid())
        return {};
    return m_now.addMSecs(m_nowReadAt.elapsed());
}

void ReleaseFeed::request()
{
    if (!following() || m_inFlight)
        return;
    m_inFlight = true;
    m_again = false;
    const int generation = m_generation;
    whenFinished(
        m_fetch(m_workspaceId, m_seq), this,
        [this, generation](const Result<BoardChanges>& changes) { answered(generation, changes); });
}

void ReleaseFeed::answered(int generation, const Result<BoardChanges>& changes)
{
    if (generation != m_generation)
        return;
    m_inFlight = false;
    if (!changes) {
        // The seq stays: the same events are asked for again next time.
        m_error = changes.error().message;
        emit leaseChanged();
        m_timer->start();
        return;
    }
    m_error.clear();
    m_seq = changes->feedSeq;
    m_lease = changes->lease;
    m_now = changes->now;
    m_nowReadAt.start();
    const qint64 workspaceId = m_workspaceId;
    if (!changes->events.isEmpty())
        emit eventsArrived(workspaceId, changes->events);
    // A receiver may have switched or stopped the feed meanwhile.
    if (generation != m_generation)
        return;
    if (!changes->changed.isEmpty() || !changes->removed.isEmpty())
        emit releasesChanged(workspaceId, changes->changed, changes->removed);
    const bool trainRelease =
        std::any_of(changes->changed.cbegin(), changes->changed.cend(),
                    [](const ReleaseSummary& summary) { return summary.release.configId != 0; });
    if (changes->trainsChanged || trainRelease)
        emit trainsChanged(workspaceId);
    emit leaseChanged();
    // A receiver may have switched or stopped the feed meanwhile.
    if (generation != m_generation)
        return;
    if (changes->more || m_again)
        request();
    else
        m_timer->start();
}

} // namespace ReleaseDeck
