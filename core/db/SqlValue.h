#pragma once

#include <QJsonObject>
#include <QString>
#include <QVariant>

namespace ReleaseDeck {

// Bound values for nullable columns: 0 ids and empty texts are stored as NULL.
class SqlValue
{
public:
    static QVariant id(qint64 value);
    static QVariant text(const QString& value);
    static QVariant json(const QJsonObject& value);
    static QJsonObject jsonFrom(const QVariant& column);
    // "?, ?, ?" for an IN list of count values.
    static QString placeholders(qsizetype count);
    // The most values one IN list binds; longer lists are read in chunks.
    static constexpr qsizetype MaxInList = 500;
};

} // namespace ReleaseDeck
