#pragma once

#include "net/HttpSettings.h"

namespace ReleaseDeck::Test {

// Timeouts and backoff short enough for provider tests against fake servers on 127.0.0.1.
inline HttpSettings fastSettings()
{
    HttpSettings settings;
    settings.connectTimeoutMs = 2000;
    settings.totalTimeoutMs = 2000;
    settings.initialBackoffMs = 10;
    settings.maxBackoffMs = 20;
    settings.maxRateLimitWaitMs = 1000;
    return settings;
}

} // namespace ReleaseDeck::Test
