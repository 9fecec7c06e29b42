#include "CiRunHandle.h"

namespace ReleaseDeck {

QJsonObject CiRunHandle::toJson() const
{
    return {{QStringLiteral("workflow"), workflow},
            {QStringLiteral("ref"), ref},
            {QStringLiteral("triggeredAt"), triggeredAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("runId"), runId},
            {QStringLiteral("queueUrl"), queueUrl},
            {QStringLiteral("buildNumber"), buildNumber},
            {QStringLiteral("marker"), marker}};
}

CiRunHandle CiRunHandle::fromJson(const QJsonObject& json)
{
    CiRunHandle handle;
    handle.workflow = json.value(QStringLiteral("workflow")).toString();
    handle.ref = json.value(QStringLiteral("ref")).toString();
    handle.triggeredAt = QDateTime::fromString(json.value(QStringLiteral("triggeredAt")).toString(),
                                               Qt::ISODateWithMs)
                             .toUTC();
    handle.runId = json.value(QStringLiteral("runId")).toString();
    handle.queueUrl = json.value(QStringLiteral("queueUrl")).toString();
    handle.buildNumber = json.value(QStringLiteral("buildNumber")).toInteger();
    handle.marker = json.value(QStringLiteral("marker")).toString();
    return handle;
}

} // namespace ReleaseDeck
