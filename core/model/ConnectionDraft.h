#pragma once

#include "ConnectionEnums.h"

#include <QJsonObject>
#include <QString>

namespace ReleaseDeck {

// A connection as someone is setting it up, before anything is saved. The token lives
// only in memory until it is written to the keychain; it never reaches a row or a log.
struct ConnectionDraft
{
    ConnectionCategory category = ConnectionCategory::Scm;
    // Same provider ids as Connection::provider: github, gitlab, slack, jira-cloud…
    QString provider;
    QString displayName;
    // Same keys as Connection::config: owner, repo, apiUrl, channel, projectKeys…
    QJsonObject config;
    QString token;
};

} // namespace ReleaseDeck
