#pragma once

#include <QDateTime>
#include <QString>

namespace ReleaseDeck {

// A tenant: everything else belongs to exactly one workspace.
struct Workspace
{
    qint64 id = 0;
    QString name;
    qint64 createdBy = 0;
    QDateTime createdAt;
};

} // namespace ReleaseDeck
