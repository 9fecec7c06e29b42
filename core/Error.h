#pragma once

#include <QDateTime>
#include <QString>

namespace ReleaseDeck {

// What kind of failure an Error is; callers decide on the kind, people read the message.
enum class ErrorKind
{
    Internal,     // a bug or an impossible state
    Usage,        // bad input from a person: a flag, a field, a config value
    Validation,   // the other side refused the content (HTTP 422, a constraint)
    NotFound,     // the thing does not exist
    Conflict,     // it exists differently, or a stale write (optimistic concurrency)
    Forbidden,    // authenticated but not allowed: a role, a missing permission
    Unauthorized, // credentials refused
    Expired,      // credentials expired
    RateLimited,  // slow down; retryAt says until when, when known
    Transient,    // timeout, reset, 5xx: trying again may work
    Unavailable,  // a required service is missing: no keychain, database unreachable
};

struct Error
{
    ErrorKind kind = ErrorKind::Internal;
    // One plain sentence a person can act on; never contains a secret.
    QString message;
    // For RateLimited: when the limit resets (UTC), when the provider says.
    QDateTime retryAt;

    static Error internal(const QString& message) { return {ErrorKind::Internal, message, {}}; }
    static Error usage(const QString& message) { return {ErrorKind::Usage, message, {}}; }
    static Error notFound(const QString& message) { return {ErrorKind::NotFound, message, {}}; }
    static Error conflict(const QString& message) { return {ErrorKind::Conflict, message, {}}; }
    static Error forbidden(const QString& message) { return {ErrorKind::Forbidden, message, {}}; }
    static Error unavailable(const QString& message)
    {
        return {ErrorKind::Unavailable, message, {}};
    }

    bool isTransient() const
    {
        return kind == ErrorKind::Transient || kind == ErrorKind::RateLimited ||
               kind == ErrorKind::Unavailable;
    }
};

} // namespace ReleaseDeck
