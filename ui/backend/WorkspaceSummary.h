#pragma once

#include "model/ConnectionEnums.h"

#include <QString>

namespace ReleaseDeck {

// A workspace as the switcher and the wizard show it, with the current account's role.
struct WorkspaceSummary
{
    qint64 id = 0;
    QString name;
    Role role = Role::Viewer;
};

} // namespace ReleaseDeck
