#include "WhenText.h"

#include <QRegularExpression>

namespace ReleaseDeck {

Result<qint64> WhenText::seconds(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral(R"(^\+?(\d{1,6})([smhdw])$)"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return Error::usage(QStringLiteral("'%1' is not a duration like 30m, 2h or 3d.").arg(text));
    const qint64 amount = match.captured(1).toLongLong();
    switch (match.captured(2).at(0).toLatin1()) {
    case 's':
        return amount;
    case 'm':
        return amount * 60;
    case 'h':
        return amount * 3600;
    case 'd':
        return amount * 86400;
    default:
        return amount * 7 * 86400;
    }
}

QString WhenText::durationText(qint64 seconds)
{
    const std::pair<qint64, char> units[] = {
        {7 * 86400, 'w'}, {86400, 'd'}, {3600, 'h'}, {60, 'm'}};
    if (seconds == 0)
        return QStringLiteral("0m");
    for (const auto& [size, unit] : units) {
        if (seconds % size == 0)
            return QString::number(seconds / size) + QLatin1Char(unit);
    }
    return QString::number(seconds) + QLatin1Char('s');
}

Result<QDateTime> WhenText::parse(const QString& text, const QDateTime& now)
{
    const QString trimmed = text.trimmed();
    if (trimmed.compare(QLatin1String("now"), Qt::CaseInsensitive) == 0)
        return now.toUTC();
    if (trimmed.startsWith(QLatin1Char('+'))) {
        Result<qint64> offset = seconds(trimmed);
        if (!offset)
            return Error::usage(
                QStringLiteral("'%1' is not a time: use ISO 8601, 'now' or +30m / +2h / +3d.")
                    .arg(text));
        return now.toUTC().addSecs(*offset);
    }
    QString iso = trimmed;
    iso.replace(QLatin1Char(' '), QLatin1Char('T'));
    QDateTime time = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::fromString(iso, Qt::ISODate);
    if (!time.isValid())
        return Error::usage(
            QStringLiteral("'%1' is not a time: use ISO 8601 (2026-12-02T14:00Z), 'now' or "
                           "+30m / +2h / +3d.")
                .arg(text));
    // No zone given: the contract's times are UTC.
    if (time.timeSpec() == Qt::LocalTime)
        time = QDateTime(time.date(), time.time(), Qt::UTC);
    return time.toUTC();
}

} // namespace ReleaseDeck
