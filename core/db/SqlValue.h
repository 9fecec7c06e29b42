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
};

} // namespace ReleaseDeck
