#pragma once

#include "ConnectionEnums.h"
#include "ReleaseEnums.h"
#include "ReleaseSettings.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace ReleaseDeck {

// One release of a workspace. rowVersion guards against overwriting a teammate's change.
struct Release
{
    qint64 id = 0;
    qint64 workspaceId = 0;
    qint64 configId = 0; // 0: none
    QString version;
    ReleaseType type = ReleaseType::Planned;
    QString baseBranch;
    QString releaseBranch;
    qint64 baseReleaseId = 0; // hotfixes: the release they fix
    ReleaseStatus status = ReleaseStatus::Pending;
    PauseReason pauseReason = PauseReason::None;
    Stage stage = Stage::Kickoff;
    QDateTime kickoffReminderAt;
    QDateTime kickoffAt;
    QDateTime targetAt;
    QDateTime releasedAt;
    QString releaseTag;
    qint64 createdBy = 0;
    qint64 pilotId = 0; // 0: none
    qint64 rowVersion = 0;
    QList<Platform> platforms;
    ReleaseSettings settings;
    QDateTime createdAt;
    QDateTime updatedAt;
};

} // namespace ReleaseDeck
