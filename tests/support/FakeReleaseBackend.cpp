#include "FakeReleaseBackend.h"

#include "orchestrator/Orchestrator.h"

#include <QSet>
#include <QTimer>

#include <algorithm>

namespace ReleaseDeck::Test {

void FakeLocalOrchestrator::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled)
        m_status = {};
    emit changed();
}

Status FakeLocalOrchestrator::setTickSeconds(int seconds)
{
    if (Status fits = OrchestratorOptions::checkTickSeconds(seconds, 30); !fits)
        return fits;
    m_tickSeconds = seconds;
    emit changed();
    return {};
}

void FakeLocalOrchestrator::report(const OrchestratorStatus& status)
{
    m_status = status;
    emit changed();
}

FakeReleaseBackend::FakeReleaseBackend(QObject* parent)
    : QObject(parent)
    , m_feed([this](qint64 workspaceId, qint64 afterSeq) {
        return releaseChangesSince(workspaceId, afterSeq);
    })
{}

template<typename T>
QFuture<T> FakeReleaseBackend::later(std::function<T()> answer)
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

void FakeReleaseBackend::change(const ReleaseSummary& summary)
{
    const auto found =
        std::find_if(summaries.begin(), summaries.end(), [&summary](const ReleaseSummary& s) {
            return s.release.id == summary.release.id;
        });
    if (found != summaries.end())
        *found = summary;
    else
        summaries.prepend(summary);
    Event event;
    event.releaseId = summary.release.id;
    event.kind = QStringLiteral("release.changed");
    record(event);
}

void FakeReleaseBackend::remove(qint64 releaseId)
{
    summaries.removeIf([releaseId](const ReleaseSummary& s) { return s.release.id == releaseId; });
    Event event;
    event.releaseId = releaseId;
    event.kind = QStringLiteral("release.removed");
    record(event);
}

void FakeReleaseBackend::record(Event event)
{
    event.seq = ++m_seq;
    m_events.append(event);
}

QFuture<Result<BoardSnapshot>> FakeReleaseBackend::releaseBoard(qint64 workspaceId, int newest)
{
    boardCalls.append(workspaceId);
    boardNewest.append(newest);
    return later<Result<BoardSnapshot>>([this, newest]() -> Result<BoardSnapshot> {
        if (boardError)
            return *boardError;
        BoardSnapshot board;
        board.feedSeq = m_seq;
        board.releases = newest > 0 ? summaries.mid(0, newest) : summaries;
        board.partial = newest > 0 && summaries.size() >= newest;
        board.lease = lease;
        board.now = QDateTime::currentDateTimeUtc();
        return board;
    });
}

QFuture<Result<BoardChanges>> FakeReleaseBackend::releaseChangesSince(qint64 workspaceId,
                                                                      qint64 afterSeq)
{
    changesCalls.append({workspaceId, afterSeq});
    return later<Result<BoardChanges>>([this, afterSeq]() -> Result<BoardChanges> {
        BoardChanges changes;
        changes.feedSeq = afterSeq;
        QSet<qint64> touched;
        for (const Event& event : std::as_const(m_events)) {
            if (event.seq > afterSeq) {
                if (event.releaseId != 0)
                    touched.insert(event.releaseId);
                changes.events.append(event);
                changes.feedSeq = std::max(changes.feedSeq, event.seq);
            }
        }
        for (const ReleaseSummary& summary : std::as_const(summaries)) {
            if (touched.remove(summary.release.id))
                changes.changed.append(summary);
        }
        changes.removed = QList<qint64>(touched.cbegin(), touched.cend());
        changes.lease = lease;
        changes.now = QDateTime::currentDateTimeUtc();
        return changes;
    });
}

QFuture<Result<ReleaseDetail>> FakeReleaseBackend::releaseDetail(qint64, qint64 releaseId)
{
    detailCalls.append(releaseId);
    return later<Result<ReleaseDetail>>([this, releaseId]() -> Result<ReleaseDetail> {
        for (const ReleaseSummary& summary : std::as_const(summaries)) {
            if (summary.release.id == releaseId) {
                ReleaseDetail detail = details.value(releaseId);
                detail.release = summary.release;
                detail.now = QDateTime::currentDateTimeUtc();
                return detail;
            }
        }
        return Error::notFound(QStringLiteral("There is no release %1.").arg(releaseId));
    });
}

QFuture<Result<QList<ActivityEvent>>> FakeReleaseBackend::releaseTimeline(qint64, qint64 releaseId)
{
    timelineCalls.append(releaseId);
    return later<Result<QList<ActivityEvent>>>(
        [this, releaseId] { return timelines.value(releaseId); });
}

QFuture<Result<ScmComparison>> FakeReleaseBackend::compareRelease(qint64, qint64)
{
    return later<Result<ScmComparison>>([this]() -> Result<ScmComparison> {
        if (compareError)
            return *compareError;
        return comparison;
    });
}

QFuture<Result<HotfixPlan>> FakeReleaseBackend::planHotfix(qint64, const QString& fixedVersion)
{
    return later<Result<HotfixPlan>>([this, fixedVersion]() -> Result<HotfixPlan> {
        if (!hotfixPlan)
            return Error::usage(QStringLiteral("There is no release %1 to fix.").arg(fixedVersion));
        return *hotfixPlan;
    });
}

QFuture<Result<ChoicePage>> FakeReleaseBackend::releaseBranches(qint64)
{
    return later<Result<ChoicePage>>([this]() -> Result<ChoicePage> {
        if (branchesError)
            return *branchesError;
        ChoicePage page;
        for (const QString& branch : std::as_const(branches))
            page.items.append({branch, branch});
        return page;
    });
}

QFuture<Result<QList<ReleaseConfig>>> FakeReleaseBackend::releaseTrains(qint64)
{
    return later<Result<QList<ReleaseConfig>>>([this] { return trainConfigs; });
}

QFuture<Result<Release>> FakeReleaseBackend::createRelease(qint64, const ReleaseDraft& draft)
{
    drafts.append(draft);
    return later<Result<Release>>([this, draft]() -> Result<Release> {
        if (createError)
            return *createError;
        ReleaseSummary summary;
        summary.release.id = 1000 + drafts.size();
        summary.release.version = draft.version;
        summary.release.type =
            draft.hotfixOf.isEmpty() ? ReleaseType::Planned : ReleaseType::Hotfix;
        summary.release.rowVersion = 1;
        change(summary);
        m_orchestrator.tickSoon();
        m_feed.pollNow();
        return summary.release;
    });
}

QFuture<Result<Release>> FakeReleaseBackend::act(qint64, const ReleaseAction& action)
{
    actions.append(action);
    return later<Result<Release>>([this, action]() -> Result<Release> {
        if (nextActError) {
            const Error refused = *nextActError;
            nextActError.reset();
            return refused;
        }
        for (const ReleaseSummary& summary : std::as_const(summaries)) {
            if (summary.release.id == action.releaseId) {
                m_orchestrator.tickSoon();
                m_feed.pollNow();
                return summary.release;
            }
        }
        return Error::notFound(QStringLiteral("There is no release %1.").arg(action.releaseId));
    });
}

} // namespace ReleaseDeck::Test
