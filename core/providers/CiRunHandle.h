#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ReleaseDeck {

// Identifies a triggered CI run across restarts: tasks store it as JSON and poll with it.
struct CiRunHandle
{
    QString workflow;      // the workflow file / job it was triggered on
    QString ref;           // branch or tag
    QDateTime triggeredAt; // UTC
    QString runId;         // empty until the provider's run is found
    QString queueUrl;      // Jenkins queue item, followed to the build
    qint64 buildNumber = 0;
    QString marker; // the trigger's release_deck_task input, which finds the run again

    QJsonObject toJson() const;
    static CiRunHandle fromJson(const QJsonObject& json);
};

} // namespace ReleaseDeck
