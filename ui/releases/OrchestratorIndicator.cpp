#include "releases/OrchestratorIndicator.h"

#include "backend/LocalOrchestrator.h"
#include "backend/ReleaseFeed.h"
#include "widgets/StatusColors.h"

#include <QRegularExpression>
#include <QTimer>

namespace ReleaseDeck {

namespace {

const WorkspaceOrchestration* stateIn(const OrchestratorStatus& status, qint64 workspaceId)
{
    for (const WorkspaceOrchestration& workspace : status.workspaces) {
        if (workspace.workspaceId == workspaceId)
            return &workspace;
    }
    return nullptr;
}

} // namespace

OrchestratorIndicator::OrchestratorIndicator(LocalOrchestrator& local, ReleaseFeed& feed,
                                             QWidget* parent)
    : QLabel(parent)
    , m_local(local)
    , m_feed(feed)
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("orchestratorStatusLabel"));
    setContentsMargins(6, 0, 6, 0);
    connect(&m_local, &LocalOrchestrator::changed, this, &OrchestratorIndicator::refresh);
    connect(&m_feed, &ReleaseFeed::leaseChanged, this, &OrchestratorIndicator::refresh);
    // The heartbeat's age moves on between reads.
    connect(m_tick, &QTimer::timeout, this, &OrchestratorIndicator::refresh);
    m_tick->start(1000);
    refresh();
}

void OrchestratorIndicator::setWorkspace(qint64 workspaceId)
{
    m_workspaceId = workspaceId;
    refresh();
}

QString OrchestratorIndicator::hostOf(const QString& holder)
{
    static const QRegularExpression pattern(QStringLiteral("^orchestrator@([^/]+)(/\\d+)?$"));
    const QRegularExpressionMatch match = pattern.match(holder);
    return match.hasMatch() ? match.captured(1) : holder;
}

OrchestratorIndicator::Reading
OrchestratorIndicator::read(const LocalOrchestrator& local, qint64 workspaceId,
                            const std::optional<OrchestratorLease>& lease,
                            const QDateTime& databaseNow)
{
    const OrchestratorStatus status = local.status();
    const WorkspaceOrchestration* mine = stateIn(status, workspaceId);
    // Why this app is not the one orchestrating, when it is not.
    QString whyNotHere;
    if (!local.enabled())
        whyNotHere = tr("Orchestrating on this computer is off (Releases ▸ Orchestrate "
                        "Releases on This Computer).");
    else if (!status.databaseReachable)
        whyNotHere = status.databaseError;
    else if (mine && mine->state != WorkspaceOrchestration::State::Acting &&
             mine->state != WorkspaceOrchestration::State::Standby)
        whyNotHere = mine->detail;

    Reading reading;
    const bool live = lease && databaseNow.isValid() && lease->expiresAt > databaseNow;
    if ((mine && mine->state == WorkspaceOrchestration::State::Acting) ||
        (live && lease->holder == local.holder())) {
        reading.text = tr("Orchestrating here");
        reading.toolTip =
            tr("This app moves this workspace's releases (lease holder %1).").arg(local.holder());
        return reading;
    }
    if (live) {
        const qint64 age = std::max<qint64>(0, lease->heartbeatAt.secsTo(databaseNow));
        reading.text =
            tr("Orchestrated by %1 (heartbeat %2 s ago)").arg(hostOf(lease->holder)).arg(age);
        reading.toolTip = tr("%1 holds this workspace's lease.").arg(lease->holder);
        if (!whyNotHere.isEmpty())
            reading.toolTip += QLatin1Char('\n') + whyNotHere;
        return reading;
    }
    if (!databaseNow.isValid() && local.enabled() && whyNotHere.isEmpty()) {
        reading.text = tr("Orchestrator: checking…");
        return reading;
    }
    reading.text = tr("No orchestrator — releases are not moving");
    reading.warning = true;
    reading.toolTip = whyNotHere.isEmpty()
                          ? tr("No instance holds this workspace's lease. Turn on orchestrating "
                               "here, or run releasedeck-cli orchestrate on a build host.")
                          : whyNotHere;
    return reading;
}

void OrchestratorIndicator::refresh()
{
    if (m_workspaceId == 0) {
        setText({});
        return;
    }
    const Reading reading =
        read(m_local, m_workspaceId,
             m_feed.workspaceId() == m_workspaceId ? m_feed.lease() : std::nullopt,
             m_feed.workspaceId() == m_workspaceId ? m_feed.databaseNow() : QDateTime());
    setText(reading.text);
    setToolTip(reading.toolTip);
    setAccessibleName(tr("Orchestrator"));
    setAccessibleDescription(reading.toolTip);
    // Inherits the window's palette except for the warning colour.
    if (reading.warning) {
        QPalette warning = palette();
        warning.setColor(QPalette::WindowText, StatusColors::warning(warning));
        setPalette(warning);
    } else {
        setPalette(QPalette());
    }
}

} // namespace ReleaseDeck
