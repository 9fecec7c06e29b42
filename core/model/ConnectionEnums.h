#pragma once

#include <QList>
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

// What a CI workflow or job is for, in the order a release uses them. The orchestrator
// finds a connection's workflows and jobs by these spellings.
enum class CiPurpose
{
    PreRegressionBuild,
    RegressionBuild,
    Automation,
    TestFlight,
    AndroidBundle
};

// Database/JSON spelling: "OWNER", "SCM", "VALID", "ANDROID"; parsing is case-insensitive.
QString toText(Role value);
QString toText(ConnectionCategory value);
QString toText(VerificationStatus value);
QString toText(Platform value);
QString toText(CiPurpose value); // "PRE_REGRESSION_BUILD"

std::optional<Role> roleFromText(const QString& text);
std::optional<ConnectionCategory> categoryFromText(const QString& text);
std::optional<VerificationStatus> verificationStatusFromText(const QString& text);
std::optional<Platform> platformFromText(const QString& text);
// Exact spelling only: a workflow is looked up by its purpose's text as stored.
std::optional<CiPurpose> ciPurposeFromText(const QString& text);

// For people: "Source control", "Valid", "iOS". English; the names of platforms and CI
// purposes are also marked for translation under the context "ConnectionEnums".
QString displayName(ConnectionCategory value);
QString displayName(VerificationStatus value);
QString displayName(Platform value);
QString displayName(CiPurpose value); // "Pre-regression build"

// Every value, in order.
QList<Platform> allPlatforms();
QList<CiPurpose> allCiPurposes();

// Whether a role may do something.
bool canManageConnections(Role role); // OWNER
bool canRunReleases(Role role);       // OWNER, EDITOR

} // namespace ReleaseDeck
