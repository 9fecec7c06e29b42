#include "trains/NextKickoffStrip.h"

#include "backend/FutureReply.h"
#include "backend/ReleaseFeed.h"
#include "backend/TrainBackend.h"
#include "trains/KickoffWords.h"
#include "widgets/RelativeTime.h"

#include <QTimer>

namespace ReleaseDeck {

NextKickoffStrip::NextKickoffStrip(TrainBackend& backend, ReleaseFeed& feed, QWidget* parent)
    : QLabel(parent)
    , m_backend(backend)
    , m_feed(feed)
    , m_clock(new QTimer(this))
{
    setObjectName(QStringLiteral("nextKickoffStrip"));
    setTextFormat(Qt::PlainText);
    setVisible(false);
    connect(&m_feed, &ReleaseFeed::trainsChanged, this, [this](qint64 workspaceId) {
        if (workspaceId == m_workspaceId)
            reload();
    });
    connect(m_clock, &QTimer::timeout, this, [this] { display(m_trains); });
    m_clock->start(30 * 1000);
}

void NextKickoffStrip::setWorkspace(qint64 workspaceId)
{
    if (workspaceId != m_workspaceId)
        display({});
    m_workspaceId = workspaceId;
    reload();
}

QDateTime NextKickoffStrip::now() const
{
    const QDateTime database = m_feed.databaseNow();
    return database.isValid() ? database : QDateTime::currentDateTimeUtc();
}

void NextKickoffStrip::reload()
{
    if (m_workspaceId == 0)
        return;
    const int generation = ++m_generation;
    const qint64 workspaceId = m_workspaceId;
    whenFinished(m_backend.listTrains(workspaceId), this,
                 [this, generation, workspaceId](const Result<QList<TrainSummary>>& trains) {
                     // A failed read keeps the line as it was: the dashboard says what failed.
                     if (generation == m_generation && workspaceId == m_workspaceId && trains)
                         display(*trains);
                 });
}

void NextKickoffStrip::display(const QList<TrainSummary>& trains)
{
    m_trains = trains;
    const TrainSummary* soonest = nullptr;
    QStringList lines;
    const QDateTime at = now();
    for (const TrainSummary& summary : trains) {
        const ReleaseConfig& train = summary.train;
        if (train.paused || !train.nextKickoffAt.isValid()) {
            lines.append(tr("%1: %2").arg(train.name, KickoffWords::relative(train, at)));
            continue;
        }
        lines.append(tr("%1: %2, %3 (version %4)")
                         .arg(train.name, KickoffWords::exact(train.nextKickoffAt, train.timeZone),
                              RelativeTime::describe(train.nextKickoffAt, at),
                              summary.nextVersion));
        if (!soonest || train.nextKickoffAt < soonest->train.nextKickoffAt)
            soonest = &summary;
    }
    setVisible(soonest != nullptr);
    if (!soonest) {
        clear();
        setToolTip({});
        return;
    }
    const ReleaseConfig& train = soonest->train;
    setText(tr("Next kickoff: %1 — %2 (%3)")
                .arg(train.name, KickoffWords::brief(train.nextKickoffAt, train.timeZone),
                     RelativeTime::describe(train.nextKickoffAt, at)));
    setToolTip(lines.join(QLatin1Char('\n')));
    setAccessibleName(text());
    setAccessibleDescription(toolTip());
}

} // namespace ReleaseDeck
