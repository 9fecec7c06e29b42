#include "SqlTime.h"

#include <QTimeZone>

namespace ReleaseDeck {

QVariant SqlTime::toColumn(const QDateTime& time)
{
    if (!time.isValid())
        return QVariant(QMetaType::fromType<QString>());
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QDateTime SqlTime::fromColumn(const QVariant& value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::QDateTime) {
        // The driver reads DATETIME as local time; the column holds UTC.
        const QDateTime local = value.toDateTime();
        return QDateTime(local.date(), local.time(), Qt::UTC);
    }
    const QString text = value.toString();
    // The stored form is fixed; reading it by position is several times faster than
    // QDateTime::fromString, which matters when the dashboard reads thousands of rows.
    const QStringView view(text);
    if (view.size() >= 19 && view.at(4) == QLatin1Char('-') && view.at(10) == QLatin1Char(' ')) {
        const QDate date(view.mid(0, 4).toInt(), view.mid(5, 2).toInt(), view.mid(8, 2).toInt());
        const int msec = view.size() >= 23 ? view.mid(20, 3).toInt() : 0;
        const QTime time(view.mid(11, 2).toInt(), view.mid(14, 2).toInt(), view.mid(17, 2).toInt(),
                         msec);
        if (date.isValid() && time.isValid())
            return QDateTime(date, time, Qt::UTC);
    }
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    return QDateTime(time.date(), time.time(), Qt::UTC);
}

} // namespace ReleaseDeck
