#include "releases/ReleaseTimelineView.h"

#include "releases/ReleaseText.h"
#include "widgets/RelativeTime.h"

#include <QScrollBar>

#include <algorithm>

namespace ReleaseDeck {

ReleaseTimelineView::ReleaseTimelineView(QWidget* parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("releaseTimeline"));
    setAccessibleName(tr("Timeline"));
    setWordWrap(true);
    setAlternatingRowColors(true);
}

void ReleaseTimelineView::clearEvents()
{
    clear();
    m_newestSeq = 0;
}

void ReleaseTimelineView::setEvents(const QList<ActivityEvent>& events)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int scrolled = verticalScrollBar()->value();
    const int before = count();
    int at = 0;
    qint64 newest = m_newestSeq;
    for (const ActivityEvent& event : events) {
        if (event.seq <= m_newestSeq)
            break;
        auto* item = new QListWidgetItem;
        item->setText(
            tr("%1 · %2 — %3").arg(ReleaseText::when(event.at, now), event.actor, event.message));
        item->setToolTip(tr("%1 (%2)").arg(RelativeTime::exact(event.at), event.kind));
        item->setData(Qt::UserRole, event.seq);
        insertItem(at++, item);
        newest = std::max(newest, event.seq);
    }
    m_newestSeq = newest;
    // Someone reading further down keeps their place.
    if (scrolled > 0 && count() > before)
        verticalScrollBar()->setValue(scrolled + (sizeHintForRow(0) * (count() - before)));
}

} // namespace ReleaseDeck
