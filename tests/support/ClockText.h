#pragma once

#include <QRegularExpression>
#include <QString>

namespace ReleaseDeck::Test {

// A message with its clock times ("resets at 14:05 UTC") blanked, so two messages built a
// moment apart, possibly across a minute boundary, compare equal.
inline QString withoutClockTimes(QString message)
{
    static const QRegularExpression time(QStringLiteral("\\b\\d{2}:\\d{2}\\b"));
    return message.replace(time, QStringLiteral("HH:mm"));
}

} // namespace ReleaseDeck::Test
