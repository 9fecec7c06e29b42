#include "ReleaseVersion.h"

#include "EnumText.h"

#include <QRegularExpression>

#include <tuple>

namespace ReleaseDeck {

namespace {

constexpr EnumTable<VersionBump, 3> versionBumps{{
    {VersionBump::Major, "MAJOR"},
    {VersionBump::Minor, "MINOR"},
    {VersionBump::Patch, "PATCH"},
}};

} // namespace

QString toText(VersionBump value)
{
    return enumToText(versionBumps, value);
}

std::optional<VersionBump> versionBumpFromText(const QString& text)
{
    return enumFromText(versionBumps, text);
}

ReleaseVersion ReleaseVersion::bumped(VersionBump bump) const
{
    switch (bump) {
    case VersionBump::Major:
        return nextMajor();
    case VersionBump::Minor:
        return nextMinor();
    case VersionBump::Patch:
        break;
    }
    return nextPatch();
}

std::optional<ReleaseVersion> ReleaseVersion::parse(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})\.(0|[1-9]\d{0,8})(?:-([0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*))?$)"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    return ReleaseVersion{match.captured(1).toInt(), match.captured(2).toInt(),
                          match.captured(3).toInt(), match.captured(4)};
}

QString ReleaseVersion::toString() const
{
    QString text = QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(patch);
    if (!suffix.isEmpty())
        text += QLatin1Char('-') + suffix;
    return text;
}

bool operator<(const ReleaseVersion& a, const ReleaseVersion& b)
{
    if (std::tie(a.major, a.minor, a.patch) != std::tie(b.major, b.minor, b.patch))
        return std::tie(a.major, a.minor, a.patch) < std::tie(b.major, b.minor, b.patch);
    if (a.suffix.isEmpty() != b.suffix.isEmpty())
        return !a.suffix.isEmpty();
    return a.suffix < b.suffix;
}

} // namespace ReleaseDeck
