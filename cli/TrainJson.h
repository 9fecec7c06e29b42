#pragma once

#include "services/TrainService.h"

#include <QJsonObject>
#include <QStringList>

namespace ReleaseDeck {

// The JSON of `train list --json` and `train show --json` (times in ISO 8601 UTC, null
// when none), and the text people read instead.
class TrainJson
{
public:
    static QJsonObject train(const TrainSummary& summary);
    static QStringList text(const TrainSummary& summary);
    // One line of `train list`.
    static QString summaryLine(const TrainSummary& summary);
};

} // namespace ReleaseDeck
