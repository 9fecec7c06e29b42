#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>

namespace ReleaseDeck::Test {

// What a FakeHttpServer route answers, including the faults a provider can throw at us.
struct FakeResponse
{
    enum class Fault
    {
        None,
        // Close the connection without answering.
        Drop,
    };

    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Wait this long before answering (past the client's timeout = a slow server).
    int delayMs = 0;
    Fault fault = Fault::None;

    static FakeResponse json(int status, const QJsonDocument& body);
    static FakeResponse json(int status, const QByteArray& rawJson);
    static FakeResponse empty(int status);
    // A body that claims to be JSON and is not.
    static FakeResponse malformedJson(int status = 200);
    // What a proxy or load balancer sends: an HTML error page.
    static FakeResponse htmlPage(int status);
    static FakeResponse dropConnection();
    // GitHub's primary rate limit: 403, x-ratelimit-remaining: 0 and the reset this many
    // seconds from now.
    static FakeResponse rateLimited(int resetInSeconds);
    // 429 with Retry-After (seconds) and this JSON body.
    static FakeResponse
    tooManyRequests(int retryAfterSeconds,
                    const QByteArray& rawJson = R"({"message":"Too Many Requests"})");

    FakeResponse& withHeader(const QByteArray& name, const QByteArray& value);
    FakeResponse& withDelay(int milliseconds);
};

} // namespace ReleaseDeck::Test
