#include "trains/TrainTableModel.h"

#include "services/TrainText.h"
#include "trains/KickoffWords.h"

namespace ReleaseDeck {

TrainTableModel::TrainTableModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_now(QDateTime::currentDateTimeUtc())
{}

void TrainTableModel::setRows(const QList<TrainSummary>& rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void TrainTableModel::setNow(const QDateTime& now)
{
    m_now = now;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, NextKickoffColumn), index(rowCount() - 1, NextKickoffColumn));
}

int TrainTableModel::rowOf(qint64 trainId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).train.id == trainId)
            return row;
    }
    return -1;
}

int TrainTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TrainTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrainTableModel::display(const TrainSummary& summary, int column) const
{
    const ReleaseConfig& train = summary.train;
    switch (column) {
    case NameColumn:
        return train.name;
    case ScheduleColumn:
        return TrainText::scheduleText(train);
    case NextKickoffColumn:
        return KickoffWords::relative(train, m_now);
    case StateColumn:
        return train.paused ? tr("Paused") : tr("Running");
    case LatestColumn:
        return summary.latestRelease.isEmpty() ? tr("None yet") : summary.latestRelease;
    case ActiveColumn:
        return summary.activeRelease.isEmpty() ? tr("None") : summary.activeRelease;
    default:
        return {};
    }
}

QVariant TrainTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const TrainSummary& summary = m_rows.at(index.row());
    const ReleaseConfig& train = summary.train;
    switch (role) {
    case Qt::DisplayRole:
        return display(summary, index.column());
    case Qt::ToolTipRole:
        if (index.column() == NextKickoffColumn && train.nextKickoffAt.isValid())
            return tr("%1; version %2")
                .arg(KickoffWords::exact(train.nextKickoffAt, train.timeZone), summary.nextVersion);
        if (index.column() == StateColumn && train.paused)
            return tr("Paused: it creates no release until resumed.");
        return {};
    case TrainIdRole:
        return train.id;
    default:
        return {};
    }
}

QVariant TrainTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Train");
    case ScheduleColumn:
        return tr("Schedule");
    case NextKickoffColumn:
        return tr("Next kickoff");
    case StateColumn:
        return tr("State");
    case LatestColumn:
        return tr("Latest release");
    case ActiveColumn:
        return tr("Active release");
    default:
        return {};
    }
}

} // namespace ReleaseDeck
