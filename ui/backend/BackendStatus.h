#pragma once

#include <QString>

namespace ReleaseDeck {

// What the status bar shows: where the database is, whether it answers, and whether
// the keychain can hold tokens.
struct BackendStatus
{
    bool sharedDatabase = false;
    QString databaseHost; // empty for the local file
    bool databaseReachable = true;
    QString databaseError; // why not, when not reachable
    bool keychainAvailable = true;
};

} // namespace ReleaseDeck
