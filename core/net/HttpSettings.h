#pragma once

#include <stop_token>

namespace ReleaseDeck {

// Timeouts and retry policy of an HttpClient; tests shorten them.
struct HttpSettings
{
    // Until the TLS handshake is done (DNS, TCP, TLS) for https:// URLs.
    int connectTimeoutMs = 10000;
    // One attempt, from start to the last byte of the answer.
    int totalTimeoutMs = 30000;
    // Attempts for transient failures, the first one included.
    int maxAttempts = 4;
    // Backoff before retry n: a random wait between half and all of
    // initialBackoffMs * 2^(n-1), capped at maxBackoffMs.
    int initialBackoffMs = 500;
    int maxBackoffMs = 8000;
    // All attempts and waits together; a retry that cannot finish in time is not started.
    int retryBudgetMs = 90000;
    // A rate limit that resets later than this is reported instead of waited out.
    int maxRateLimitWaitMs = 60000;
    // Pagination stops with an error after this many pages.
    int maxPages = 100;
    // When stop is requested (the app quits), calls in flight are aborted and no new or
    // repeated attempt starts; they fail as Unavailable.
    std::stop_token stop;
};

} // namespace ReleaseDeck
