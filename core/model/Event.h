#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ReleaseDeck {

// One line of the audit trail and the live-update feed. seq numbers a workspace's events
// 1, 2, 3… in commit order; the feed pages by it (ids are unique but may commit out of
// order).
struct Event
{
    qint64 id = 0;
    qint64 workspaceId = 0;
    qint64 seq = 0;
    qint64 releaseId = 0; // 0: not about one release
    qint64 accountId = 0; // 0: not an account (the orchestrator)
    QString actor;        // "ana@laptop" or "orchestrator@buildhost"
    QString kind;         // "connection.verified", "task.failed", …
    QString message;
    QJsonObject data;
    QDateTime createdAt;
};

// Which events to list, newest first.
struct EventFilter
{
    qint64 releaseId = 0; // 0: any
    QString kind;         // empty: any
    qint64 beforeSeq = 0; // 0: from the newest
    int limit = 100;
};

} // namespace ReleaseDeck
