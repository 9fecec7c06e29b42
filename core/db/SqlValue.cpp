#include "SqlValue.h"

#include <QJsonDocument>

namespace ReleaseDeck {

QVariant SqlValue::id(qint64 value)
{
    return value == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(value);
}

QVariant SqlValue::text(const QString& value)
{
    return value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value);
}

QVariant SqlValue::json(const QJsonObject& value)
{
    return QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact));
}

QJsonObject SqlValue::jsonFrom(const QVariant& column)
{
    if (column.isNull())
        return {};
    return QJsonDocument::fromJson(column.toString().toUtf8()).object();
}

QString SqlValue::placeholders(qsizetype count)
{
    QString text;
    text.reserve(count * 3);
    for (qsizetype i = 0; i < count; ++i)
        text += i == 0 ? QStringLiteral("?") : QStringLiteral(", ?");
    return text;
}

} // namespace ReleaseDeck
