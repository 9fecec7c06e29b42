#pragma once

#include "model/ReleaseSummary.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>

namespace ReleaseDeck {

// The dashboard's releases, newest first, one row each. It is never reset: a workspace's
// board arrives as one insertion, and every later change (from the event feed or a
// refresh) as dataChanged for rows that changed, rowsInserted for new ones and
// rowsRemoved for gone ones, so views keep their selection and scroll position.
class ReleaseTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        VersionColumn,
        ProgressColumn,
        StatusColumn,
        KickoffColumn,
        TargetColumn,
        PilotColumn,
        NextColumn,
        ColumnCount
    };

    enum Role
    {
        ReleaseIdRole = Qt::UserRole + 1,
        HotfixRole,        // bool
        StageProgressRole, // StageProgress
        OverdueRole,       // bool: the target has passed and the release is not finished
    };

    explicit ReleaseTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // The whole board as read now: rows are changed, added and removed to match it.
    void merge(const QList<ReleaseSummary>& releases, const QDateTime& now);
    // A live update: these releases as they are now, and those that are gone.
    void apply(const QList<ReleaseSummary>& changed, const QList<qint64>& removed);
    // Empties it (another workspace).
    void clear();
    // The database clock, moved on locally; relative dates and next steps are told from it.
    void setNow(const QDateTime& now);
    QDateTime now() const;
    // Times shown relative to now ("in 2 hours") are told again.
    void refreshTimes();

    const ReleaseSummary& summaryAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 releaseId) const;

private:
    void removeRelease(qint64 releaseId);
    QVariant display(const ReleaseSummary& summary, int column) const;
    QVariant toolTip(const ReleaseSummary& summary, int column) const;
    bool overdue(const ReleaseSummary& summary) const;

    QList<ReleaseSummary> m_rows; // by release id, newest first
    QDateTime m_now;
    QElapsedTimer m_nowSetAt;
};

} // namespace ReleaseDeck
