#pragma once

#include "db/DatabaseUrl.h"

#include <QByteArray>

namespace ReleaseDeck::Test {

// Runs sql through the database's own command-line client (sqlite3, or mariadb against
// the test server) with its output thrown away; the milliseconds it took including the
// client's start, or -1 when the client is missing or failed.
qint64 timeSqlClient(const DatabaseUrl& url, const QByteArray& sql);

} // namespace ReleaseDeck::Test
