#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace ReleaseDeck {

struct ReleaseConfig;

// A train's kickoff as the Trains page, the train dialog and the dashboard say it, in the
// train's own time zone and this computer's language.
class KickoffWords
{
    Q_DECLARE_TR_FUNCTIONS(KickoffWords)

public:
    // "Tue 10:00": the weekday and time in the train's zone.
    static QString brief(const QDateTime& kickoff, const QString& timeZone);
    // "Tue 8 Dec 2026 10:00 Europe/Berlin (09:00 here)": for tooltips and the preview.
    static QString exact(const QDateTime& kickoff, const QString& timeZone);
    // "in 3 days", or why there is no next kickoff.
    static QString relative(const ReleaseConfig& train, const QDateTime& now);
};

} // namespace ReleaseDeck
