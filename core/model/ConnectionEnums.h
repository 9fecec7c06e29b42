#pragma once

#include <QString>

#include <optional>

namespace ReleaseDeck {

// Membership roles: OWNER manages connections and members, EDITOR runs releases,
// VIEWER only reads.
enum class Role
{
    Owner,
    Editor,
    Viewer
};

// What an integration is for; at most one active connection per workspace and category.
enum class ConnectionCategory
{
    Scm,
    Chat,
    Issues,
    Ci,
    Tests,
    Store
};

enum class VerificationStatus
{
    Pending,
    Valid,
    Invalid,
    Expired
};

enum class Platform
{
    Android,
    Ios,
    Web
};

// Database/JSON spelling: "OWNER", "SCM", "VALID", "ANDROID"; parsing is case-insensitive.
QString toText(Role value);
QString toText(ConnectionCategory value);
QString toText(VerificationStatus value);
QString toText(Platform value);

std::optional<Role> roleFromText(const QString& text);
std::optional<ConnectionCategory> categoryFromText(const QString& text);
std::optional<VerificationStatus> verificationStatusFromText(const QString& text);
std::optional<Platform> platformFromText(const QString& text);

// For people: "Source control", "Valid", "iOS".
QString displayName(ConnectionCategory value);
QString displayName(VerificationStatus value);
QString displayName(Platform value);

// Whether a role may do something.
bool canManageConnections(Role role); // OWNER
bool canRunReleases(Role role);       // OWNER, EDITOR

} // namespace ReleaseDeck
