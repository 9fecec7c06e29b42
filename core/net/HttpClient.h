#pragma once

#include "HttpRequest.h"
#include "HttpResponse.h"
#include "HttpSettings.h"
#include "Result.h"

namespace ReleaseDeck {

// Synchronous HTTP for provider code running on a worker thread (or the CLI's main
// thread): send() waits in a local event loop on the calling thread's own
// QNetworkAccessManager, so one HttpClient may be used from any thread.
// Adds User-Agent, TLS (always verified; optional extra CA bundle), the system proxy,
// timeouts and retries of transient failures; maps failures with HttpFailure.
class HttpClient
{
public:
    explicit HttpClient(HttpSettings settings = {});

    // An answer below 400, or the Error (HttpFailure) for anything else once retries are spent.
    Result<HttpResponse> send(const HttpRequest& request) const;
    // The last answer whatever its status, once retries are spent; an Error only when
    // no answer came (network failure, timeout). For clients that read error answers.
    Result<HttpResponse> exchange(const HttpRequest& request) const;

    const HttpSettings& settings() const { return m_settings; }

private:
    // One attempt: an answer with any HTTP status, or a network failure.
    Result<HttpResponse> attempt(const HttpRequest& request) const;
    // Waits on this thread's event loop; returns early when stop is requested.
    void pause(int milliseconds) const;
    Error stopped(const HttpRequest& request) const;

    HttpSettings m_settings;
};

} // namespace ReleaseDeck
