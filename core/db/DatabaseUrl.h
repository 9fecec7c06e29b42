#pragma once

#include "Result.h"

#include <QString>

namespace ReleaseDeck {

// Which SQL the database speaks.
enum class Dialect
{
    Sqlite,
    MySql
};

// Where the database is: "sqlite:PATH" or "mysql://USER@HOST:PORT/DB[?socket=PATH&ssl=required]".
// Never carries a password: that lives in the keychain, keyed by toString().
struct DatabaseUrl
{
    Dialect dialect = Dialect::Sqlite;
    QString path; // SQLite file
    QString user;
    QString host;
    int port = 3306;
    QString database;
    QString socket;
    bool sslRequired = false;

    static Result<DatabaseUrl> parse(const QString& text);
    // The file "releasedeck.sqlite" in the user's data folder (AppDataLocation).
    static DatabaseUrl defaultLocal();
    // An empty text means the default.
    static Result<DatabaseUrl> parseOrDefault(const QString& text);

    QString toString() const;
    // For people and error messages: "the local database PATH", "the server HOST:PORT".
    QString where() const;
    bool isShared() const { return dialect == Dialect::MySql; }
};

} // namespace ReleaseDeck
