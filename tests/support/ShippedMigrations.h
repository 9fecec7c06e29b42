#pragma once

#include <QDir>

#include <algorithm>

namespace ReleaseDeck::Test {

// How many migrations this build ships (the programs under test embed the same ones), so
// tests about "all of them" need no edit when a migration is added.
inline int shippedMigrations()
{
    return int(QDir(QStringLiteral(":/migrations/sqlite"))
                   .entryList({QStringLiteral("*.up.sql")}, QDir::Files)
                   .size());
}

// The highest migration number shipped: the schema version after migrating. Numbers may
// have gaps (a step another branch adds later), so it is not the count.
inline int latestMigration()
{
    int latest = 0;
    const QStringList files =
        QDir(QStringLiteral(":/migrations/sqlite")).entryList({QStringLiteral("*.up.sql")});
    for (const QString& file : files)
        latest = std::max(latest, file.section(QLatin1Char('_'), 0, 0).toInt());
    return latest;
}

} // namespace ReleaseDeck::Test
