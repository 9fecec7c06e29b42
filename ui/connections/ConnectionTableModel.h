#pragma once

#include "services/ConnectionRow.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QSet>

namespace ReleaseDeck {

// The workspace's connections as a table. Rows are updated one at a time as verification
// results arrive, never rebuilt.
class ConnectionTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ConnectionColumn,
        StatusColumn,
        LastVerifiedColumn,
        ErrorColumn,
        TokenColumn,
        ColumnCount
    };

    enum Roles
    {
        StatusRole = Qt::UserRole + 1, // VerificationStatus as int
        VerifyingRole,                 // bool: a verification is on its way
        ConnectionIdRole,
    };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setRows(const QList<ConnectionRow>& rows);
    void updateRow(const ConnectionRow& row);
    void removeConnection(qint64 connectionId);
    void setVerifying(qint64 connectionId, bool verifying);
    int rowOf(qint64 connectionId) const;
    const ConnectionRow& rowAt(int row) const { return m_rows.at(row); }
    QList<qint64> connectionIds() const;
    // "3 minutes ago" moves on: relative times are recomputed against this clock.
    void setNow(const QDateTime& now);

private:
    QList<ConnectionRow> m_rows;
    QSet<qint64> m_verifying;
    QDateTime m_now;
};

} // namespace ReleaseDeck
