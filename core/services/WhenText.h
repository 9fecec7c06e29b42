#pragma once

#include "Result.h"

#include <QDateTime>

namespace ReleaseDeck {

// A time as people type it on the command line: ISO 8601 ("2026-12-02T14:00Z",
// "2026-12-02 14:00" in UTC when no zone is given), "now", or an offset from now such as
// "+30m", "+2h", "+3d".
class WhenText
{
public:
    static Result<QDateTime> parse(const QString& text, const QDateTime& now);
    // "+90m" → 5400; for durations such as "2h" (the sign is optional).
    static Result<qint64> seconds(const QString& text);
    // 5400 → "90m", 7200 → "2h", 604800 → "1w": the largest unit that divides it.
    static QString durationText(qint64 seconds);
};

} // namespace ReleaseDeck
