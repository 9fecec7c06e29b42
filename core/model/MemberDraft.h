#pragma once

#include "ConnectionEnums.h"
#include "Result.h"

#include <QString>

namespace ReleaseDeck {

// A member an owner adds on a shared server: who, in which role, and the database login
// they will sign in with (created on the server unless it exists there already).
struct MemberDraft
{
    QString email;
    QString displayName;
    Role role = Role::Viewer;
    QString dbUser;
    // The host the server sees the person connect from; "%" is any.
    QString dbHost = QStringLiteral("%");
    // For a login Release Deck creates; empty: it makes a one-time password.
    QString password;

    // Keys: email, displayName, dbUser, dbHost. The message for that field, or empty.
    QString fieldError(const QString& key) const;
    // Every field's rule; a Usage error naming the first field that breaks one.
    Status validate() const;

    // The documented database user name pattern, also checked by the server (migration
    // 010): 1 to 32 of A-Z a-z 0-9 _ . - not starting with . or -.
    static bool isUserName(const QString& name);
    // A host name, address or pattern: 1 to 60 of A-Z a-z 0-9 % _ . : -
    static bool isHost(const QString& host);
};

} // namespace ReleaseDeck
