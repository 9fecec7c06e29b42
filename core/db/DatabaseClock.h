#pragma once

#include "Result.h"

#include <QDateTime>

namespace ReleaseDeck {

class Database;

// The database's clock (UTC), which decides due times, leases and claims: machines' own
// clocks differ.
class DatabaseClock
{
public:
    static Result<QDateTime> now(Database& database);
};

} // namespace ReleaseDeck
