#pragma once

#include <QString>

#include <array>
#include <optional>
#include <utility>

namespace ReleaseDeck {

// A fixed table of enum values and their stable database/JSON spelling.
template<typename Enum, std::size_t N>
using EnumTable = std::array<std::pair<Enum, const char*>, N>;

template<typename Enum, std::size_t N>
QString enumToText(const EnumTable<Enum, N>& table, Enum value)
{
    for (const auto& [candidate, text] : table) {
        if (candidate == value)
            return QString::fromLatin1(text);
    }
    return {};
}

template<typename Enum, std::size_t N>
std::optional<Enum> enumFromText(const EnumTable<Enum, N>& table, const QString& text)
{
    for (const auto& [candidate, spelling] : table) {
        if (text.compare(QLatin1String(spelling), Qt::CaseInsensitive) == 0)
            return candidate;
    }
    return std::nullopt;
}

} // namespace ReleaseDeck
