#pragma once

#include <QDateTime>
#include <QVariant>

namespace ReleaseDeck {

// Times are stored in UTC as "yyyy-MM-dd HH:mm:ss.zzz" (TEXT in SQLite, DATETIME(3) in MariaDB).
class SqlTime
{
public:
    static QVariant toColumn(const QDateTime& time);
    static QDateTime fromColumn(const QVariant& value);
};

} // namespace ReleaseDeck
