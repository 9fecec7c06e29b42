#include "activity/ActivityModel.h"

#include "widgets/RelativeTime.h"

#include <QLocale>

namespace ReleaseDeck {

int ActivityModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int ActivityModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ActivityModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_events.size())
        return {};
    const ActivityEvent& event = m_events.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == TimeColumn)
        return RelativeTime::exact(event.at);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return QLocale().toString(event.at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"));
    case ActorColumn:
        return event.actor;
    case KindColumn:
        return event.kind;
    case MessageColumn:
        return event.message;
    default:
        return {};
    }
}

QVariant ActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("When");
    case ActorColumn:
        return tr("Who");
    case KindColumn:
        return tr("What");
    case MessageColumn:
        return tr("Details");
    default:
        return {};
    }
}

void ActivityModel::prepend(const QList<ActivityEvent>& events)
{
    QList<ActivityEvent> fresh;
    for (const ActivityEvent& event : events) {
        if (event.seq > lastSeq())
            fresh.append(event);
    }
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, 0, int(fresh.size()) - 1);
    m_events = fresh + m_events;
    endInsertRows();
}

void ActivityModel::clear()
{
    beginResetModel();
    m_events.clear();
    endResetModel();
}

} // namespace ReleaseDeck
