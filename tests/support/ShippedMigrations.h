#pragma once

#include <QDir>

namespace ReleaseDeck::Test {

// How many migrations this build ships (the programs under test embed the same ones), so
// tests about "all of them" need no edit when a migration is added.
inline int shippedMigrations()
{
    return int(QDir(QStringLiteral(":/migrations/sqlite"))
                   .entryList({QStringLiteral("*.up.sql")}, QDir::Files)
                   .size());
}

} // namespace ReleaseDeck::Test
