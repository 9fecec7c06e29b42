#pragma once

#include <QDateTime>
#include <QString>

namespace ReleaseDeck {

// A person (or a build host's local user); login is unique, e.g. "ana@laptop".
struct Account
{
    qint64 id = 0;
    QString login;
    QString displayName;
    QString email;
    QDateTime createdAt;
};

} // namespace ReleaseDeck
