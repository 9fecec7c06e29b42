#include "releases/ReleaseFilterModel.h"

#include "model/ReleaseVersion.h"
#include "orchestrator/WaitReasons.h"
#include "releases/ReleaseTableModel.h"
#include "releases/StageProgress.h"

namespace ReleaseDeck {

namespace {

// Invalid times (none set) sort after every real one.
bool earlier(const QDateTime& a, const QDateTime& b)
{
    if (a.isValid() != b.isValid())
        return a.isValid();
    return a < b;
}

bool versionBefore(const Release& a, const Release& b)
{
    const std::optional<ReleaseVersion> left = ReleaseVersion::parse(a.version);
    const std::optional<ReleaseVersion> right = ReleaseVersion::parse(b.version);
    if (left && right && !(*left == *right))
        return *left < *right;
    if (left.has_value() != right.has_value())
        return left.has_value();
    return a.version < b.version;
}

} // namespace

ReleaseFilterModel::ReleaseFilterModel(ReleaseTableModel* source, QObject* parent)
    : QSortFilterProxyModel(parent)
    , m_source(source)
{
    setSourceModel(source);
    // Rows move to their sorted place when the feed changes them.
    setDynamicSortFilter(true);
}

void ReleaseFilterModel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidateRowsFilter();
}

void ReleaseFilterModel::setSearch(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_search)
        return;
    m_search = trimmed;
    invalidateRowsFilter();
}

bool ReleaseFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const
{
    const Release& release = m_source->summaryAt(sourceRow).release;
    const bool completed =
        release.status == ReleaseStatus::Completed || release.status == ReleaseStatus::Archived;
    const bool active = !completed && release.status != ReleaseStatus::Cancelled;
    if ((m_filter == Filter::Active && !active) || (m_filter == Filter::Completed && !completed))
        return false;
    return m_search.isEmpty() || release.version.contains(m_search, Qt::CaseInsensitive);
}

bool ReleaseFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const
{
    const ReleaseSummary& a = m_source->summaryAt(left.row());
    const ReleaseSummary& b = m_source->summaryAt(right.row());
    switch (left.column()) {
    case ReleaseTableModel::VersionColumn:
        return versionBefore(a.release, b.release);
    case ReleaseTableModel::ProgressColumn:
        return StageProgress::measure(a).overall < StageProgress::measure(b).overall;
    case ReleaseTableModel::StatusColumn:
        if (a.release.status != b.release.status)
            return a.release.status < b.release.status;
        return a.release.pauseReason < b.release.pauseReason;
    case ReleaseTableModel::KickoffColumn:
        return earlier(a.release.kickoffAt, b.release.kickoffAt);
    case ReleaseTableModel::TargetColumn:
        return earlier(a.release.targetAt, b.release.targetAt);
    case ReleaseTableModel::PilotColumn:
        return QString::localeAwareCompare(a.pilotName, b.pilotName) < 0;
    case ReleaseTableModel::NextColumn: {
        const NextStep first = WaitReasons::next(a);
        const NextStep second = WaitReasons::next(b);
        if (first.kind != second.kind)
            return first.kind < second.kind;
        return earlier(first.at, second.at);
    }
    }
    return a.release.id < b.release.id;
}

} // namespace ReleaseDeck
