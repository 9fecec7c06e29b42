#pragma once

#include "ReleaseEnums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace ReleaseDeck {

// A unit of work of a release; unique per (release, type, cycle number).
struct Task
{
    qint64 id = 0;
    qint64 workspaceId = 0;
    qint64 releaseId = 0;
    Stage stage = Stage::Kickoff;
    TaskType type = TaskType::ForkBranch;
    qint64 cycleId = 0;  // 0: not a cycle task
    int cycleNumber = 0; // 0: not a cycle task
    TaskStatus status = TaskStatus::Pending;
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
    QString externalId;
    QString externalUrl;
    QJsonObject externalData; // per platform: ticket keys, run ids…
    QString claimOwner;       // the instance holding the claim ("orchestrator@host")
    QString claimToken;       // this claim; a result is written only while it still holds
    QDateTime claimExpiresAt;
    // Why the task is not running now, in words ("CI run 4512 in progress, next poll in 40 s").
    QString waitingFor;
    QDateTime startedAt;
    QDateTime finishedAt;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace ReleaseDeck
