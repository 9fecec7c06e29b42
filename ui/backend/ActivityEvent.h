#pragma once

#include <QDateTime>
#include <QString>

namespace ReleaseDeck {

// One entry of the audit trail: who did what, when. Ids only grow.
struct ActivityEvent
{
    qint64 id = 0;
    QDateTime at;  // UTC
    QString actor; // a person's name, or orchestrator@host
    QString kind;  // e.g. connection.verified, release.created
    QString message;
};

} // namespace ReleaseDeck
