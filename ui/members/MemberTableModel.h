#pragma once

#include "backend/MemberRow.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>

namespace ReleaseDeck {

// The Members page's table: name (and "you"), e-mail, database user, role, member since.
class MemberTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        EmailColumn,
        LoginColumn,
        RoleColumn,
        SinceColumn,
        ColumnCount
    };
    static constexpr int AccountIdRole = Qt::UserRole + 1;

    explicit MemberTableModel(QObject* parent = nullptr);

    void setRows(const QList<MemberRow>& rows);
    const MemberRow& rowAt(int row) const { return m_rows.at(row); }
    int rowOf(qint64 accountId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QList<MemberRow> m_rows;
    QDateTime m_now;
};

} // namespace ReleaseDeck
