#include "trains/KickoffWords.h"

#include "model/ReleaseConfig.h"
#include "widgets/RelativeTime.h"

#include <QLocale>
#include <QTimeZone>

namespace ReleaseDeck {

QString KickoffWords::brief(const QDateTime& kickoff, const QString& timeZone)
{
    return QLocale().toString(kickoff.toTimeZone(QTimeZone(timeZone.toUtf8())),
                              QStringLiteral("ddd HH:mm"));
}

QString KickoffWords::exact(const QDateTime& kickoff, const QString& timeZone)
{
    const QLocale locale;
    const QString there = locale.toString(kickoff.toTimeZone(QTimeZone(timeZone.toUtf8())),
                                          QStringLiteral("ddd d MMM yyyy HH:mm"));
    return tr("%1 %2 (%3 here)")
        .arg(there, timeZone, locale.toString(kickoff.toLocalTime(), QStringLiteral("HH:mm")));
}

QString KickoffWords::relative(const ReleaseConfig& train, const QDateTime& now)
{
    if (train.paused)
        return tr("None while paused");
    if (!train.nextKickoffAt.isValid())
        return tr("None");
    return RelativeTime::describe(train.nextKickoffAt, now);
}

} // namespace ReleaseDeck
