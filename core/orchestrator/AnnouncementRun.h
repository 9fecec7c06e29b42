#pragma once

#include "OrchestratorContext.h"

#include <QStringList>

namespace ReleaseDeck {

// Posts one queued announcement to the workspace's chat channel on a worker thread, under a
// claim like a task. Once per announcement: the post carries the announcement's marker as
// message metadata, and a post that may have gone out before a crash (its first attempt is
// recorded before posting) is looked for in the channel before posting again.
class AnnouncementRun
{
public:
    static QStringList run(const OrchestratorContext& context, qint64 announcementId);
};

} // namespace ReleaseDeck
