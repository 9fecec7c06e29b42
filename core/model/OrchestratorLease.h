#pragma once

#include <QDateTime>
#include <QString>

namespace ReleaseDeck {

// Which instance orchestrates a workspace, until when; times come from the database clock.
struct OrchestratorLease
{
    qint64 workspaceId = 0;
    QString holder; // "orchestrator@buildhost"
    QDateTime acquiredAt;
    QDateTime heartbeatAt;
    QDateTime expiresAt;
};

} // namespace ReleaseDeck
