#include "widgets/RelativeTime.h"

#include <QCoreApplication>
#include <QLocale>

namespace ReleaseDeck {

QString RelativeTime::describe(const QDateTime& then, const QDateTime& now)
{
    if (!then.isValid())
        return QCoreApplication::translate("RelativeTime", "Never");
    const qint64 seconds = qMax<qint64>(0, then.secsTo(now));
    // Plurals spelled out: without a loaded translation "%n minute(s)" would show as is.
    const auto tr = [](const char* one, const char* many, qint64 n) {
        return n == 1 ? QCoreApplication::translate("RelativeTime", one)
                      : QCoreApplication::translate("RelativeTime", many).arg(n);
    };
    if (seconds < 60)
        return QCoreApplication::translate("RelativeTime", "Just now");
    if (seconds < 3600)
        return tr("1 minute ago", "%1 minutes ago", seconds / 60);
    if (seconds < 86400)
        return tr("1 hour ago", "%1 hours ago", seconds / 3600);
    if (seconds < 2 * 86400)
        return QCoreApplication::translate("RelativeTime", "Yesterday");
    if (seconds < 30 * 86400)
        return tr("1 day ago", "%1 days ago", seconds / 86400);
    return QLocale().toString(then.toLocalTime().date(), QLocale::ShortFormat);
}

QString RelativeTime::exact(const QDateTime& then)
{
    if (!then.isValid())
        return QCoreApplication::translate("RelativeTime", "Never verified");
    return QLocale().toString(then.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss t"));
}

} // namespace ReleaseDeck
