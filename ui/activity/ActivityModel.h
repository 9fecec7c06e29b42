#pragma once

#include "backend/ActivityEvent.h"

#include <QAbstractTableModel>

namespace ReleaseDeck {

// The audit trail, newest first. New events are inserted at the top as they arrive; the
// model is never rebuilt while the workspace stays the same.
class ActivityModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        ActorColumn,
        KindColumn,
        MessageColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // events: with a seq above lastSeq(), newest first.
    void prepend(const QList<ActivityEvent>& events);
    void clear();
    qint64 lastSeq() const { return m_events.isEmpty() ? 0 : m_events.first().seq; }

private:
    QList<ActivityEvent> m_events;
};

} // namespace ReleaseDeck
