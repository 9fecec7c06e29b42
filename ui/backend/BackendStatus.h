#pragma once

#include <QString>

namespace ReleaseDeck {

// What the status bar shows: where the database is, whether it answers, and whether
// the keychain can hold tokens; and who is signed in (0 and empty before that).
struct BackendStatus
{
    bool sharedDatabase = false;
    QString databaseHost; // empty for the local file
    bool databaseReachable = true;
    QString databaseError; // why not, when not reachable
    bool keychainAvailable = true;
    qint64 accountId = 0;
    QString login = {}; // what events record for this person's own actions
};

} // namespace ReleaseDeck
