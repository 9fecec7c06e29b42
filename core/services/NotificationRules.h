#pragma once

#include "model/Event.h"
#include "model/Release.h"

#include <QString>

#include <optional>

namespace ReleaseDeck {

// What a person is told about as it happens, whatever shows it (the app's desktop
// notifications today).
enum class NotificationKind
{
    ApprovalNeeded,    // a release waits for an EDITOR or OWNER to approve it
    TaskFailed,        // a task failed for good (retries are not failures)
    ReleaseCompleted,  // a release is out
    ConnectionProblem, // a connection turned INVALID or EXPIRED
};

// Who is signed in: the account and the login events record for what that person does.
struct SignedInPerson
{
    qint64 accountId = 0;
    QString login;
};

// Which events are worth telling a person about, and which releases wait for one.
class NotificationRules
{
public:
    // The kind of notification an event makes, if any.
    static std::optional<NotificationKind> kindOf(const Event& event);
    // Whether the person did it themselves (from this app, the CLI or another computer):
    // recorded under their account with their login. An orchestrator running under their
    // account records its own name ("orchestrator@host"), so what it does is not theirs.
    static bool isOwnAction(const Event& event, const SignedInPerson& person);
    // kindOf() for someone else's event; nothing for the person's own.
    static std::optional<NotificationKind> notificationFor(const Event& event,
                                                           const SignedInPerson& person);
    // Whether a release waits for a person: paused for approval or on a failed task.
    static bool needsPerson(const Release& release);
};

} // namespace ReleaseDeck
