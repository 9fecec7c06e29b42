#pragma once

#include "Error.h"
#include "HttpResponse.h"

#include <QDateTime>

#include <optional>

namespace ReleaseDeck {

// The one mapping from HTTP answers to Error kinds and plain sentences:
// 401 Unauthorized (Expired when the provider says so), 403 Forbidden, 404 NotFound,
// 409 Conflict, 422 and other 4xx Validation, 429 and exhausted rate limits RateLimited,
// 5xx Transient. Messages carry the provider's own words and never a secret.
class HttpFailure
{
public:
    static Error fromResponse(const HttpResponse& response);
    static Error rateLimited(const QString& service, const QDateTime& resetsAt);

    // The provider's own explanation: JSON message/error/errors, else a trimmed
    // plain-text body; empty for an HTML page or no body.
    static QString providerMessage(const HttpResponse& response);

    // When a rate limit on this answer lifts: Retry-After (seconds or HTTP date) or an
    // exhausted x-ratelimit-remaining with x-ratelimit-reset (epoch seconds).
    static std::optional<QDateTime> rateLimitReset(const HttpResponse& response,
                                                   const QDateTime& now);

    // Ends a sentence with a single full stop.
    static QString sentence(const QString& text);
};

} // namespace ReleaseDeck
