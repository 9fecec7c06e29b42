#pragma once

#include <QString>
#include <QStringList>

namespace ReleaseDeck {

// One numbered schema step of a dialect, as shipped in the binary
// (:/migrations/<dialect>/NNN_name.up.sql and .down.sql).
struct Migration
{
    int number = 0;
    QString name;     // "workspaces"
    QString upPath;   // ":/migrations/sqlite/001_workspaces.up.sql"
    QString downPath; // may be empty when the step has no down script
    QByteArray up;
    QByteArray down;
    QString checksum; // SHA-256 of the up script, hex

    // The statements of a script: each ends with ';' at the end of a line; "--" lines are
    // comments. A routine's or trigger's body, whose inner statements end with ';' too, runs
    // from a line ending in BEGIN to a line that is exactly "END;" (not indented).
    static QStringList statements(const QByteArray& script);
};

} // namespace ReleaseDeck
