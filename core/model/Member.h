#pragma once

#include "ConnectionEnums.h"

#include <QDateTime>
#include <QString>

namespace ReleaseDeck {

// A workspace's member as people see it: the account and its role there.
struct Member
{
    qint64 accountId = 0;
    QString login; // on a shared server, the database user the person signs in as
    QString displayName;
    QString email;
    Role role = Role::Viewer;
    QDateTime since;
};

} // namespace ReleaseDeck
