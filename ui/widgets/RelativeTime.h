#pragma once

#include <QDateTime>
#include <QString>

namespace ReleaseDeck {

// "just now", "3 minutes ago", "yesterday": how long ago something happened, for people.
class RelativeTime
{
public:
    static QString describe(const QDateTime& then, const QDateTime& now);
    // The exact moment in local time, for tooltips.
    static QString exact(const QDateTime& then);
};

} // namespace ReleaseDeck
