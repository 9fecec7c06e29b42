#include "releases/ReleaseTableModel.h"

#include "orchestrator/WaitReasons.h"
#include "releases/ReleaseText.h"
#include "releases/StageProgress.h"
#include "widgets/RelativeTime.h"
#include "widgets/StatusColors.h"

#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace ReleaseDeck {

namespace {

// Rows are kept newest first: by release id, descending.
auto findById(const QList<ReleaseSummary>& rows, qint64 id)
{
    return std::lower_bound(
        rows.cbegin(), rows.cend(), id,
        [](const ReleaseSummary& row, qint64 wanted) { return row.release.id > wanted; });
}

bool finished(const Release& release)
{
    return release.status == ReleaseStatus::Completed ||
           release.status == ReleaseStatus::Cancelled || release.status == ReleaseStatus::Archived;
}

} // namespace

ReleaseTableModel::ReleaseTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
    m_nowSetAt.start();
}

int ReleaseTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReleaseTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ReleaseTableModel::rowOf(qint64 releaseId) const
{
    const auto found = findById(m_rows, releaseId);
    return found != m_rows.cend() && found->release.id == releaseId ? int(found - m_rows.cbegin())
                                                                    : -1;
}

void ReleaseTableModel::setNow(const QDateTime& now)
{
    if (!now.isValid())
        return;
    m_now = now;
    m_nowSetAt.start();
}

QDateTime ReleaseTableModel::now() const
{
    return m_now.isValid() ? m_now.addMSecs(m_nowSetAt.elapsed()) : QDateTime::currentDateTimeUtc();
}

void ReleaseTableModel::refreshTimes()
{
    if (m_rows.isEmpty())
        return;
    emit dataChanged(index(0, KickoffColumn), index(rowCount() - 1, TargetColumn));
    emit dataChanged(index(0, NextColumn), index(rowCount() - 1, NextColumn));
}

void ReleaseTableModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginRemoveRows({}, 0, rowCount() - 1);
    m_rows.clear();
    endRemoveRows();
}

void ReleaseTableModel::merge(const QList<ReleaseSummary>& releases, const QDateTime& now)
{
    setNow(now);
    QSet<qint64> present;
    present.reserve(releases.size());
    for (const ReleaseSummary& summary : releases)
        present.insert(summary.release.id);
    QList<qint64> gone;
    for (const ReleaseSummary& row : std::as_const(m_rows)) {
        if (!present.contains(row.release.id))
            gone.append(row.release.id);
    }
    apply(releases, gone);
}

void ReleaseTableModel::apply(const QList<ReleaseSummary>& changed, const QList<qint64>& removed)
{
    for (const qint64 id : removed)
        removeRelease(id);
    QList<const ReleaseSummary*> sorted;
    sorted.reserve(changed.size());
    for (const ReleaseSummary& summary : changed)
        sorted.append(&summary);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const ReleaseSummary* a, const ReleaseSummary* b) {
                         return a->release.id > b->release.id;
                     });
    for (qsizetype i = 0; i < sorted.size();) {
        const ReleaseSummary& summary = *sorted.at(i);
        const auto at = findById(m_rows, summary.release.id);
        const int row = int(at - m_rows.cbegin());
        if (at != m_rows.cend() && at->release.id == summary.release.id) {
            if (!(*at == summary)) {
                m_rows[row] = summary;
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            ++i;
            continue;
        }
        // New releases that all go before the same row arrive as one insertion.
        qsizetype end = i + 1;
        while (end < sorted.size() &&
               (row == m_rows.size() || sorted.at(end)->release.id > m_rows.at(row).release.id))
            ++end;
        QList<ReleaseSummary> run;
        run.reserve(end - i);
        for (qsizetype k = i; k < end; ++k)
            run.append(*sorted.at(k));
        beginInsertRows({}, row, row + int(run.size()) - 1);
        m_rows = m_rows.mid(0, row) + run + m_rows.mid(row);
        endInsertRows();
        i = end;
    }
}

void ReleaseTableModel::removeRelease(qint64 releaseId)
{
    const int row = rowOf(releaseId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_rows.removeAt(row);
    endRemoveRows();
}

bool ReleaseTableModel::overdue(const ReleaseSummary& summary) const
{
    const Release& release = summary.release;
    return release.targetAt.isValid() && !finished(release) && release.targetAt < now();
}

QVariant ReleaseTableModel::display(const ReleaseSummary& summary, int column) const
{
    const Release& release = summary.release;
    switch (column) {
    case VersionColumn:
        return release.version;
    case ProgressColumn:
        return StageProgress::of(summary).label;
    case StatusColumn:
        return ReleaseText::status(summary);
    case KickoffColumn:
        return release.kickoffAt.isValid() ? RelativeTime::describe(release.kickoffAt, now())
                                           : QStringLiteral("—");
    case TargetColumn:
        return release.targetAt.isValid() ? RelativeTime::describe(release.targetAt, now())
                                          : QStringLiteral("—");
    case PilotColumn:
        return summary.pilotName.isEmpty() ? QStringLiteral("—") : summary.pilotName;
    case NextColumn:
        return ReleaseText::nextStep(WaitReasons::next(summary), now());
    }
    return {};
}

QVariant ReleaseTableModel::toolTip(const ReleaseSummary& summary, int column) const
{
    const Release& release = summary.release;
    switch (column) {
    case VersionColumn:
        return release.type == ReleaseType::Hotfix
                   ? tr("Hotfix %1, from %2").arg(release.version, release.baseBranch)
                   : tr("Release %1, from %2").arg(release.version, release.baseBranch);
    case ProgressColumn:
        return StageProgress::of(summary).accessibleText;
    case KickoffColumn:
        return release.kickoffAt.isValid()
                   ? tr("Kickoff: %1").arg(RelativeTime::exact(release.kickoffAt))
                   : tr("No kickoff time");
    case TargetColumn:
        if (!release.targetAt.isValid())
            return tr("No target date");
        return overdue(summary)
                   ? tr("Overdue: the target was %1").arg(RelativeTime::exact(release.targetAt))
                   : tr("Target: %1").arg(RelativeTime::exact(release.targetAt));
    case StatusColumn:
    case PilotColumn:
    case NextColumn:
        return display(summary, column);
    }
    return {};
}

QVariant ReleaseTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const ReleaseSummary& summary = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(summary, column);
    case Qt::ToolTipRole:
        return toolTip(summary, column);
    case Qt::AccessibleTextRole:
        if (column == VersionColumn && summary.release.type == ReleaseType::Hotfix)
            return tr("%1, hotfix").arg(summary.release.version);
        if (column == ProgressColumn)
            return StageProgress::of(summary).accessibleText;
        if (column == TargetColumn && overdue(summary))
            return tr("%1, overdue").arg(display(summary, column).toString());
        return display(summary, column);
    case Qt::ForegroundRole: {
        const QPalette palette = QGuiApplication::palette();
        if (column == TargetColumn && overdue(summary))
            return StatusColors::error(palette);
        if (column == StatusColumn && summary.release.status == ReleaseStatus::Paused)
            return summary.release.pauseReason == PauseReason::TaskFailure
                       ? StatusColors::error(palette)
                       : StatusColors::warning(palette);
        return {};
    }
    case ReleaseIdRole:
        return summary.release.id;
    case HotfixRole:
        return summary.release.type == ReleaseType::Hotfix;
    case StageProgressRole:
        return QVariant::fromValue(StageProgress::of(summary));
    case OverdueRole:
        return overdue(summary);
    }
    return {};
}

QVariant ReleaseTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case ProgressColumn:
        return tr("Progress");
    case StatusColumn:
        return tr("Status");
    case KickoffColumn:
        return tr("Kickoff");
    case TargetColumn:
        return tr("Target");
    case PilotColumn:
        return tr("Pilot");
    case NextColumn:
        return tr("Next");
    }
    return {};
}

} // namespace ReleaseDeck
