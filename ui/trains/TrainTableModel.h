#pragma once

#include "services/TrainService.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace ReleaseDeck {

// The Trains page's table: name, schedule in words, next kickoff (relative, the exact time
// in the tooltip), paused or running, latest and active release.
class TrainTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        ScheduleColumn,
        NextKickoffColumn,
        StateColumn,
        LatestColumn,
        ActiveColumn,
        ColumnCount
    };
    static constexpr int TrainIdRole = Qt::UserRole + 1;

    explicit TrainTableModel(QObject* parent = nullptr);

    void setRows(const QList<TrainSummary>& rows);
    // The clock relative times are told against; the next kickoff column follows it.
    void setNow(const QDateTime& now);
    const TrainSummary& rowAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 trainId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant display(const TrainSummary& summary, int column) const;

    QList<TrainSummary> m_rows;
    QDateTime m_now;
};

} // namespace ReleaseDeck
