#pragma once

#include "services/TrainService.h"

#include <QLabel>
#include <QList>

class QTimer;

namespace ReleaseDeck {

class ReleaseFeed;
class TrainBackend;

// The dashboard's one line above its releases: "Next kickoff: Mobile train — Tue 10:00
// (in 3 days)" for the soonest train that is not paused, every train's next kickoff in the
// tooltip; hidden while no train has one. Read again when the feed says trains changed.
class NextKickoffStrip : public QLabel
{
    Q_OBJECT

public:
    NextKickoffStrip(TrainBackend& backend, ReleaseFeed& feed, QWidget* parent = nullptr);

    void setWorkspace(qint64 workspaceId);
    void reload();

private:
    void display(const QList<TrainSummary>& trains);
    QDateTime now() const;

    TrainBackend& m_backend;
    ReleaseFeed& m_feed;
    qint64 m_workspaceId = 0;
    int m_generation = 0;
    QList<TrainSummary> m_trains;
    QTimer* m_clock;
};

} // namespace ReleaseDeck
