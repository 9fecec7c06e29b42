#pragma once

#include <QString>

namespace ReleaseDeck {

// Routes every Qt log message, redacted, to stderr and to a log file in the
// user's state folder ($XDG_STATE_HOME/ReleaseDeck, else ~/.local/state/ReleaseDeck),
// or to $RELEASEDECK_LOG_FILE when set.
class LogFile
{
public:
    // Installs the message handler; returns the log file path ("" if it cannot be opened,
    // in which case messages still reach stderr).
    static QString install(const QString& fileName);
    static QString defaultDirectory();
    static QString path();
};

} // namespace ReleaseDeck
