#include "DatabaseClock.h"

#include "Database.h"
#include "SqlTime.h"

namespace ReleaseDeck {

Result<QDateTime> DatabaseClock::now(Database& database)
{
    Result<QSqlQuery> query = database.run(QStringLiteral("SELECT ") + database.nowSql());
    if (!query)
        return query.error();
    if (!query->next())
        return Error::internal(QStringLiteral("The database did not tell its time."));
    return SqlTime::fromColumn(query->value(0));
}

} // namespace ReleaseDeck
