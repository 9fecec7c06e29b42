#pragma once

#include "Error.h"
#include "model/ConnectionEnums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace ReleaseDeck {

// What one verification means for a connection, by the product's rules; the caller
// writes status, lastVerifiedAt and verificationError as given and appends an event.
struct VerificationOutcome
{
    qint64 connectionId = 0;
    VerificationStatus status = VerificationStatus::Pending; // the status to store
    QDateTime lastVerifiedAt;                                // the value to store (UTC)
    QString error;                                           // empty: cleared
    // False when nothing was learned about the credentials (unreachable, timeout, 5xx,
    // rate limit): status and lastVerifiedAt are the connection's previous values.
    bool conclusive = false;
    std::optional<ErrorKind> errorKind;
    QString summary; // what a VALID verification proved
    QJsonObject details;
};

} // namespace ReleaseDeck
