#include "ReleaseBoard.h"

#include "db/DatabaseClock.h"
#include "store/EventStore.h"
#include "store/LeaseStore.h"
#include "store/Permission.h"
#include "store/ReleaseSummaryStore.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ReleaseBoard", text);
}

constexpr int EventsPerPage = 500;

} // namespace

ReleaseBoard::ReleaseBoard(Database& database)
    : m_database(database)
{}

Result<BoardSnapshot> ReleaseBoard::read(const Actor& actor, int newest)
{
    if (Result<Role> allowed =
            requirePermission(m_database, actor, Permission::Read, tr("see releases"));
        !allowed)
        return allowed.error();
    BoardSnapshot board;
    // The position first: whatever commits while the rows are read comes with the feed.
    Result<qint64> seq = EventStore(m_database).lastSeq(actor.workspaceId);
    if (!seq)
        return seq.error();
    board.feedSeq = *seq;
    ReleaseSummaryStore summaries(m_database);
    Result<QList<ReleaseSummary>> releases =
        newest > 0 ? summaries.newest(actor.workspaceId, newest) : summaries.all(actor.workspaceId);
    if (!releases)
        return releases.error();
    board.releases = std::move(*releases);
    board.partial = newest > 0 && board.releases.size() >= newest;
    Result<std::optional<OrchestratorLease>> lease =
        LeaseStore(m_database).current(actor.workspaceId);
    if (!lease)
        return lease.error();
    board.lease = *lease;
    Result<QDateTime> now = DatabaseClock::now(m_database);
    if (!now)
        return now.error();
    board.now = *now;
    return board;
}

Result<BoardChanges> ReleaseBoard::since(const Actor& actor, qint64 afterSeq, int maxEvents)
{
    if (Result<Role> allowed =
            requirePermission(m_database, actor, Permission::Read, tr("see releases"));
        !allowed)
        return allowed.error();
    BoardChanges changes;
    changes.feedSeq = afterSeq;
    EventStore events(m_database);
    QSet<qint64> touched;
    for (int read = 0;;) {
        const int wanted = std::min(EventsPerPage, maxEvents - read);
        if (wanted <= 0) {
            // A full budget read: there may be more, the caller asks again at once.
            changes.more = true;
            break;
        }
        Result<QList<Event>> page = events.listSince(actor.workspaceId, changes.feedSeq, wanted);
        if (!page)
            return page.error();
        for (const Event& event : std::as_const(*page)) {
            changes.feedSeq = std::max(changes.feedSeq, event.seq);
            if (event.releaseId != 0)
                touched.insert(event.releaseId);
            if (event.kind.startsWith(QLatin1String("train.")))
                changes.trainsChanged = true;
        }
        read += int(page->size());
        const bool last = page->size() < wanted;
        changes.events.append(std::move(*page));
        if (last)
            break;
    }
    if (!touched.isEmpty()) {
        QList<qint64> ids(touched.cbegin(), touched.cend());
        std::sort(ids.begin(), ids.end());
        Result<QList<ReleaseSummary>> summaries =
            ReleaseSummaryStore(m_database).byIds(actor.workspaceId, ids);
        if (!summaries)
            return summaries.error();
        for (const ReleaseSummary& summary : std::as_const(*summaries))
            touched.remove(summary.release.id);
        changes.changed = std::move(*summaries);
        changes.removed = QList<qint64>(touched.cbegin(), touched.cend());
        std::sort(changes.removed.begin(), changes.removed.end());
    }
    Result<std::optional<OrchestratorLease>> lease =
        LeaseStore(m_database).current(actor.workspaceId);
    if (!lease)
        return lease.error();
    changes.lease = *lease;
    Result<QDateTime> now = DatabaseClock::now(m_database);
    if (!now)
        return now.error();
    changes.now = *now;
    return changes;
}

} // namespace ReleaseDeck
