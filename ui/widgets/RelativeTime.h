#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace ReleaseDeck {

// "Just now", "3 minutes ago", "Yesterday", "in 2 hours", "Tomorrow": when something
// happened or will happen, for people. Plurals come from the catalogue (%n numerus forms),
// so every language gets its own.
class RelativeTime
{
    Q_DECLARE_TR_FUNCTIONS(RelativeTime)

public:
    static QString describe(const QDateTime& then, const QDateTime& now);
    // The exact moment in local time, for tooltips.
    static QString exact(const QDateTime& then);
};

} // namespace ReleaseDeck
