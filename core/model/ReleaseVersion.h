#pragma once

#include <QString>

#include <optional>

namespace ReleaseDeck {

// Which number a train's next release raises: 1.4.2 → 2.0.0, 1.5.0 or 1.4.3.
enum class VersionBump
{
    Major,
    Minor,
    Patch
};

// "MAJOR", "MINOR", "PATCH"; parsing is case-insensitive.
QString toText(VersionBump value);
std::optional<VersionBump> versionBumpFromText(const QString& text);

// A release version: MAJOR.MINOR.PATCH, optionally followed by -suffix ("1.4.0-beta.1").
struct ReleaseVersion
{
    int major = 0;
    int minor = 0;
    int patch = 0;
    QString suffix; // without the dash

    static std::optional<ReleaseVersion> parse(const QString& text);
    QString toString() const;

    ReleaseVersion nextMajor() const { return {major + 1, 0, 0, {}}; }
    ReleaseVersion nextMinor() const { return {major, minor + 1, 0, {}}; }
    ReleaseVersion nextPatch() const { return {major, minor, patch + 1, {}}; }
    ReleaseVersion bumped(VersionBump bump) const;

    // Orders by numbers; a suffixed version comes before the plain one.
    friend bool operator<(const ReleaseVersion& a, const ReleaseVersion& b);
    friend bool operator==(const ReleaseVersion& a, const ReleaseVersion& b) = default;
};

} // namespace ReleaseDeck
