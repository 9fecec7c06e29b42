#include "members/MemberTableModel.h"

#include "widgets/DisplayNames.h"
#include "widgets/RelativeTime.h"

namespace ReleaseDeck {

MemberTableModel::MemberTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void MemberTableModel::setRows(const QList<MemberRow>& rows)
{
    beginResetModel();
    m_rows = rows;
    m_now = QDateTime::currentDateTimeUtc();
    endResetModel();
}

int MemberTableModel::rowOf(qint64 accountId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).member.accountId == accountId)
            return i;
    }
    return -1;
}

int MemberTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MemberTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MemberTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const MemberRow& row = m_rows.at(index.row());
    const Member& member = row.member;
    if (role == AccountIdRole)
        return member.accountId;
    if (role == Qt::ToolTipRole && index.column() == SinceColumn)
        return RelativeTime::exact(member.since);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return row.you ? tr("%1 (you)").arg(member.displayName) : member.displayName;
    case EmailColumn:
        return member.email.isEmpty() ? tr("—") : member.email;
    case LoginColumn:
        return member.login;
    case RoleColumn:
        return DisplayNames::role(member.role);
    case SinceColumn:
        return RelativeTime::describe(member.since, m_now);
    }
    return {};
}

QVariant MemberTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case EmailColumn:
        return tr("E-mail");
    case LoginColumn:
        return tr("Database user");
    case RoleColumn:
        return tr("Role");
    case SinceColumn:
        return tr("Member since");
    }
    return {};
}

} // namespace ReleaseDeck
