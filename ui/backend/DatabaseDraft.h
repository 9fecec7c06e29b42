#pragma once

#include <QString>

namespace ReleaseDeck {

// Where the workspace's data will live, as chosen in the wizard. The password is
// memory-only until the backend writes it to the keychain.
struct DatabaseDraft
{
    bool shared = false; // false: a SQLite file on this computer
    QString host;
    int port = 3306;
    QString database;
    QString user;
    QString password;
    bool tls = true;
};

} // namespace ReleaseDeck
