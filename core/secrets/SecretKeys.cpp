#include "SecretKeys.h"

#include <QUuid>

namespace ReleaseDeck::SecretKeys {

QString newConnectionKey(qint64 workspaceId)
{
    return QStringLiteral("workspace-%1/connection-%2")
        .arg(workspaceId)
        .arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
}

QString databasePassword(const QString& databaseUrl)
{
    return QStringLiteral("database/") + databaseUrl;
}

} // namespace ReleaseDeck::SecretKeys
