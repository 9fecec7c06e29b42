#pragma once

#include "services/ReleaseDetail.h"

#include <QStandardItemModel>

namespace ReleaseDeck {

// A release's stages as sections (Kickoff, Regression cycles, Pre-release) with their
// tasks, each regression cycle with its RC tag, and each build under the task that ran it.
// Every row has a stable key: a new reading of the release changes rows in place, inserts
// and removes only what came and went, so the view keeps its selection and scroll.
class ReleaseTaskModel : public QStandardItemModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StatusColumn,
        AttemptsColumn,
        StartedColumn,
        FinishedColumn,
        DetailsColumn,
        ColumnCount
    };
    enum Kind
    {
        SectionRow,
        CycleRow,
        SlotRow,
        TaskRow,
        BuildRow
    };
    enum Role
    {
        KeyRole = Qt::UserRole + 1,
        KindRole,
        TaskTypeRole,   // TaskRow: int(TaskType)
        CycleRole,      // TaskRow: the cycle number, 0 outside regression
        TaskStatusRole, // TaskRow: int(TaskStatus)
        LinksRole,      // QVariantList of QStringList{label, url}
        ErrorRole,      // TaskRow: the last error
        WaitingRole,    // TaskRow: why it waits
    };

    explicit ReleaseTaskModel(QObject* parent = nullptr);

    void setDetail(const ReleaseDetail& detail);
    // The row with this key, or an invalid index.
    QModelIndex indexOfKey(const QString& key) const;

    struct Row
    {
        QString key;
        Kind kind = TaskRow;
        QStringList texts; // one per column
        QString tone;      // "success", "error", "warning", "running", "muted"
        QMap<int, QVariant> data;
        QList<Row> children;
    };

private:
    void merge(QStandardItem* parent, const QList<Row>& rows);
    QList<QStandardItem*> itemsFor(const Row& row);
    void update(QStandardItem* parent, int at, const Row& row);
    QIcon icon(const QString& tone);
    QModelIndex find(const QModelIndex& parent, const QString& key) const;

    QHash<QString, QIcon> m_icons;
};

} // namespace ReleaseDeck
