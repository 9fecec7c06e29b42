#pragma once

#include "services/ReleaseDetail.h"

#include <QJsonObject>
#include <QStringList>

namespace ReleaseDeck {

// The contract's JSON of `release show --json` and `release list --json`, and the text
// people read instead.
class ReleaseJson
{
public:
    // Every field of `release show --json`; tasks left out for `release list --json`.
    static QJsonObject release(const ReleaseDetail& detail, bool withTasks);
    static QStringList text(const ReleaseDetail& detail);
    // One line of `release list`.
    static QString summaryLine(const ReleaseDetail& detail);
};

} // namespace ReleaseDeck
