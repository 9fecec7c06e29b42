#include "releases/ReleaseText.h"

#include "widgets/DisplayNames.h"

#include <QLocale>
#include <QRegularExpression>

namespace ReleaseDeck {

QString ReleaseText::status(const ReleaseSummary& summary)
{
    const Release& release = summary.release;
    if (release.status != ReleaseStatus::Paused)
        return DisplayNames::releaseStatus(release.status);
    switch (release.pauseReason) {
    case PauseReason::AwaitingStageTrigger:
        return tr("Paused — waiting for approval");
    case PauseReason::TaskFailure:
        return summary.failedTask ? tr("Paused — %1 failed").arg(toText(*summary.failedTask))
                                  : tr("Paused — a task failed");
    case PauseReason::UserRequested:
    case PauseReason::None:
        break;
    }
    return tr("Paused — on request");
}

QString ReleaseText::when(const QDateTime& time, const QDateTime& now)
{
    const QDateTime local = time.toLocalTime();
    const qint64 days = now.toLocalTime().date().daysTo(local.date());
    const QLocale locale;
    // The locale's short time without seconds: "14:00", "2:00 PM".
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QRegularExpression(QStringLiteral("[:.]ss?")));
    const QString clock = locale.toString(local.time(), format);
    if (days == 0)
        return clock;
    if (days > 0 && days < 7)
        return tr("%1 %2").arg(locale.dayName(local.date().dayOfWeek(), QLocale::ShortFormat),
                               clock);
    return tr("%1 %2").arg(locale.toString(local.date(), QLocale::ShortFormat), clock);
}

QString ReleaseText::nextStep(const NextStep& step, const QDateTime& now)
{
    switch (step.kind) {
    case NextStep::Kind::None:
        return {};
    case NextStep::Kind::Kickoff:
        return tr("Kickoff at %1").arg(when(step.at, now));
    case NextStep::Kind::AwaitingRegressionApproval:
        return tr("Awaiting approval to start regression");
    case NextStep::Kind::AwaitingApproval:
        return tr("Awaiting approval");
    case NextStep::Kind::TaskFailed:
        return step.task ? tr("Retry or skip %1").arg(toText(*step.task))
                         : tr("Retry or skip the failed task");
    case NextStep::Kind::Paused:
        return tr("Resume to continue");
    case NextStep::Kind::Released:
        return tr("Released %1").arg(when(step.at, now));
    case NextStep::Kind::Cancelled:
        return tr("Cancelled");
    case NextStep::Kind::Archived:
        return tr("Archived");
    case NextStep::Kind::KickoffRunning:
        return tr("Kickoff tasks running");
    case NextStep::Kind::CycleRunning:
        return tr("RC %1 in regression").arg(step.cycle);
    case NextStep::Kind::CycleAt:
        return tr("RC %1 at %2").arg(step.cycle).arg(when(step.at, now));
    case NextStep::Kind::RegressionFinishing:
        return tr("Regression finishing");
    case NextStep::Kind::PreReleaseRunning:
        return tr("Pre-release tasks running");
    }
    return {};
}

} // namespace ReleaseDeck
