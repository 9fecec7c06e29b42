#include "ReleaseVersion.h"

#include <QRegularExpression>

#include <tuple>

namespace ReleaseDeck {

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
