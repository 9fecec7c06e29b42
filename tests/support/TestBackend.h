#pragma once

#include "db/Database.h"

#include <QString>

#include <memory>

namespace ReleaseDeck::Test {

// Runs the same test code on SQLite and on the MariaDB fixture: call addRows() in
// initTestCase_data(), then in init() QFETCH_GLOBAL(QString, backend) and database() for a
// fresh, migrated database of that backend.
class TestBackend
{
public:
    static void addRows();
    // A fresh database named after tag on backend ("sqlite" or "mariadb"); migrated
    // unless told not.
    static std::unique_ptr<Database> database(const QString& backend, const QString& tag,
                                              QString* error, bool migrated = true);
    // The URL a fresh empty database of that backend lives at.
    static QString freshUrl(const QString& backend, const QString& tag, QString* error);
};

} // namespace ReleaseDeck::Test
