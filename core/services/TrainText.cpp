#include "TrainText.h"

#include "WhenText.h"

#include <QCoreApplication>
#include <QStringList>

namespace ReleaseDeck {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("TrainText", text);
}

const QStringList weekdays{QStringLiteral("Mon"), QStringLiteral("Tue"), QStringLiteral("Wed"),
                           QStringLiteral("Thu"), QStringLiteral("Fri"), QStringLiteral("Sat"),
                           QStringLiteral("Sun")};

} // namespace

Result<int> TrainText::weekday(const QString& text)
{
    for (qsizetype i = 0; i < weekdays.size(); ++i) {
        if (text.trimmed().compare(weekdays.at(i), Qt::CaseInsensitive) == 0)
            return int(i + 1);
    }
    return Error::usage(
        tr("'%1' is not a weekday: use Mon, Tue, Wed, Thu, Fri, Sat or Sun.").arg(text));
}

QString TrainText::weekdayName(int weekday)
{
    return weekday >= 1 && weekday <= 7 ? weekdays.at(weekday - 1) : QString();
}

Result<KickoffText> TrainText::kickoff(const QString& text)
{
    const QStringList parts = text.trimmed().split(QLatin1Char('@'));
    const QString usage = tr("'%1' is not a kickoff: use WEEKDAY@HH:MM, e.g. Mon@09:00.").arg(text);
    if (parts.size() != 2)
        return Error::usage(usage);
    Result<int> day = weekday(parts.at(0));
    if (!day)
        return day.error();
    const QTime time = QTime::fromString(parts.at(1).trimmed(), QStringLiteral("HH:mm"));
    if (!time.isValid())
        return Error::usage(usage);
    return KickoffText{*day, time};
}

QString TrainText::kickoffText(int weekday, const QTime& time)
{
    return weekdayName(weekday) + QLatin1Char('@') + time.toString(QStringLiteral("HH:mm"));
}

QString TrainText::scheduleText(const ReleaseConfig& train)
{
    const QString when = weekdayName(train.kickoffWeekday) + QLatin1Char(' ') +
                         train.kickoffTime.toString(QStringLiteral("HH:mm")) + QLatin1Char(' ') +
                         train.timeZone;
    return train.repeatWeeks == 1 ? tr("every week, %1").arg(when)
                                  : tr("every %1 weeks, %2").arg(train.repeatWeeks).arg(when);
}

Result<RegressionSlotPlan> TrainText::slot(const QString& text)
{
    QStringList parts = text.split(QLatin1Char(','));
    const QString offsetText = parts.takeFirst().trimmed();
    Result<qint64> seconds = WhenText::seconds(offsetText);
    if (!seconds || !offsetText.startsWith(QLatin1Char('+')))
        return Error::usage(
            tr("'%1' is not a regression slot offset: use +DURATION after kickoff, e.g. +1d "
               "or +26h.")
                .arg(offsetText));
    if (*seconds % 60 != 0)
        return Error::usage(
            tr("The regression slot offset '%1' is not whole minutes.").arg(offsetText));
    RegressionSlotPlan slot{int(*seconds / 60), true, true};
    for (const QString& part : std::as_const(parts)) {
        if (part.trimmed() == QLatin1String("no-build"))
            slot.runBuild = false;
        else if (part.trimmed() == QLatin1String("no-automation"))
            slot.runAutomation = false;
        else
            return Error::usage(
                tr("'%1' is neither no-build nor no-automation.").arg(part.trimmed()));
    }
    return slot;
}

QString TrainText::slotText(const RegressionSlotPlan& slot)
{
    QString text = QLatin1Char('+') + WhenText::durationText(qint64(slot.offsetMinutes) * 60);
    if (!slot.runBuild)
        text += QStringLiteral(",no-build");
    if (!slot.runAutomation)
        text += QStringLiteral(",no-automation");
    return text;
}

} // namespace ReleaseDeck
