#pragma once

#include "backend/ActivityEvent.h"

#include <QListWidget>

namespace ReleaseDeck {

// The release's events, newest first. A new reading adds only the events not shown yet,
// at the top, so what someone reads does not move under them.
class ReleaseTimelineView : public QListWidget
{
    Q_OBJECT

public:
    explicit ReleaseTimelineView(QWidget* parent = nullptr);

    // events newest first, as the backend reads them.
    void setEvents(const QList<ActivityEvent>& events);
    void clearEvents();

private:
    qint64 m_newestSeq = 0;
};

} // namespace ReleaseDeck
