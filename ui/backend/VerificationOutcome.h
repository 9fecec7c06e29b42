#pragma once

#include "model/ConnectionEnums.h"

#include <QJsonObject>
#include <QString>

namespace ReleaseDeck {

// What one verification learned. When the provider could not be reached nothing was
// learned about the credentials: reached is false and status says nothing new.
struct VerificationOutcome
{
    bool reached = true;
    VerificationStatus status = VerificationStatus::Pending;
    // One plain sentence: the provider's reason, or why it could not be reached.
    QString error;
    // What the check found, e.g. {"defaultBranch": "main"} or {"botName": "release-bot"}.
    QJsonObject details;

    static VerificationOutcome valid(const QJsonObject& details = {})
    {
        return {true, VerificationStatus::Valid, {}, details};
    }
    static VerificationOutcome refused(VerificationStatus status, const QString& error)
    {
        return {true, status, error, {}};
    }
    static VerificationOutcome unreachable(const QString& error)
    {
        return {false, VerificationStatus::Pending, error, {}};
    }
};

} // namespace ReleaseDeck
