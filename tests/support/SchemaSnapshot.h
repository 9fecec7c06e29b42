#pragma once

#include "db/Database.h"

#include <QMap>
#include <QStringList>

namespace ReleaseDeck::Test {

// A dialect-neutral picture of a database's schema, to compare SQLite with MariaDB:
// per table, sorted lines "column NAME null|not null", "primary key (A, B)",
// "unique (A, B)", "foreign key (A) references T (B) on delete RULE".
class SchemaSnapshot
{
public:
    static QMap<QString, QStringList> take(Database& database, QString* error);
    static QStringList tables(Database& database, QString* error);
    // Lines only one side has, prefixed "- table: " (left only) or "+ table: " (right only).
    static QStringList differences(const QMap<QString, QStringList>& left,
                                   const QMap<QString, QStringList>& right);
};

} // namespace ReleaseDeck::Test
