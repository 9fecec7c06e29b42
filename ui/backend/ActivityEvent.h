#pragma once

#include <QDateTime>
#include <QString>

namespace ReleaseDeck {

// One entry of the audit trail: who did what, when.
struct ActivityEvent
{
    qint64 seq = 0; // its place in the workspace's feed, in commit order
    QDateTime at;   // UTC
    QString actor;  // a person's name, or orchestrator@host
    QString kind;   // e.g. connection.verified, release.created
    QString message;
};

} // namespace ReleaseDeck
