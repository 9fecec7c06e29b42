#include "NotificationRules.h"

#include "model/ConnectionEnums.h"

namespace ReleaseDeck {

std::optional<NotificationKind> NotificationRules::kindOf(const Event& event)
{
    if (event.kind == QLatin1String("release.awaiting_approval"))
        return NotificationKind::ApprovalNeeded;
    if (event.kind == QLatin1String("task.failed"))
        return NotificationKind::TaskFailed;
    if (event.kind == QLatin1String("release.completed"))
        return NotificationKind::ReleaseCompleted;
    if (event.kind == QLatin1String("connection.verified")) {
        const std::optional<VerificationStatus> now =
            verificationStatusFromText(event.data.value(QLatin1String("status")).toString());
        const std::optional<VerificationStatus> before = verificationStatusFromText(
            event.data.value(QLatin1String("previousStatus")).toString());
        const bool bad = now == VerificationStatus::Invalid || now == VerificationStatus::Expired;
        // Turned bad: a verification that finds it as bad as before says nothing new.
        if (bad && before != now)
            return NotificationKind::ConnectionProblem;
    }
    return std::nullopt;
}

bool NotificationRules::isOwnAction(const Event& event, const SignedInPerson& person)
{
    return person.accountId != 0 && event.accountId == person.accountId &&
           event.actor == person.login;
}

std::optional<NotificationKind> NotificationRules::notificationFor(const Event& event,
                                                                   const SignedInPerson& person)
{
    if (isOwnAction(event, person))
        return std::nullopt;
    return kindOf(event);
}

bool NotificationRules::needsPerson(const Release& release)
{
    return release.status == ReleaseStatus::Paused &&
           (release.pauseReason == PauseReason::AwaitingStageTrigger ||
            release.pauseReason == PauseReason::TaskFailure);
}

} // namespace ReleaseDeck
