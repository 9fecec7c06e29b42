#include "widgets/RelativeTime.h"

#include <QLocale>

namespace ReleaseDeck {

QString RelativeTime::describe(const QDateTime& then, const QDateTime& now)
{
    if (!then.isValid())
        return tr("Never");
    const qint64 seconds = then.secsTo(now); // above 0: in the past
    const qint64 distance = qAbs(seconds);
    // Under a minute either way is now (the database clock and this one may differ a little).
    if (distance < 60)
        return tr("Just now");
    const bool past = seconds > 0;
    if (distance < 3600) {
        const int minutes = int(distance / 60);
        return past ? tr("%n minute(s) ago", nullptr, minutes)
                    : tr("in %n minute(s)", nullptr, minutes);
    }
    if (distance < 86400) {
        const int hours = int(distance / 3600);
        return past ? tr("%n hour(s) ago", nullptr, hours) : tr("in %n hour(s)", nullptr, hours);
    }
    // Days count calendar days where the user is: 23:00 to 01:00 two days on is "in 2 days".
    const qint64 days = qAbs(now.toLocalTime().date().daysTo(then.toLocalTime().date()));
    if (days <= 1)
        return past ? tr("Yesterday") : tr("Tomorrow");
    if (days < 30)
        return past ? tr("%n day(s) ago", nullptr, int(days))
                    : tr("in %n day(s)", nullptr, int(days));
    return QLocale().toString(then.toLocalTime().date(), QLocale::ShortFormat);
}

QString RelativeTime::exact(const QDateTime& then)
{
    if (!then.isValid())
        return tr("Never verified");
    return QLocale().toString(then.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
}

} // namespace ReleaseDeck
