#include "LocalLogin.h"

#include <QSysInfo>

namespace ReleaseDeck {

QString localLogin()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME", QStringLiteral("user"));
    return user + QLatin1Char('@') + QSysInfo::machineHostName();
}

} // namespace ReleaseDeck
