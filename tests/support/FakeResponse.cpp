#include "FakeResponse.h"

#include <QDateTime>

namespace ReleaseDeck::Test {

FakeResponse FakeResponse::json(int status, const QJsonDocument& body)
{
    return json(status, body.toJson(QJsonDocument::Compact));
}

FakeResponse FakeResponse::json(int status, const QByteArray& rawJson)
{
    FakeResponse response;
    response.status = status;
    response.body = rawJson;
    response.withHeader("Content-Type", "application/json; charset=utf-8");
    return response;
}

FakeResponse FakeResponse::empty(int status)
{
    FakeResponse response;
    response.status = status;
    return response;
}

FakeResponse FakeResponse::malformedJson(int status)
{
    return json(status, QByteArray(R"({"id": 1, "name": "truncated)"));
}

FakeResponse FakeResponse::htmlPage(int status)
{
    FakeResponse response;
    response.status = status;
    response.body = "<!DOCTYPE html><html><head><title>" + QByteArray::number(status) +
                    " Bad Gateway</title></head><body><h1>Bad Gateway</h1>"
                    "<p>The upstream server did not answer.</p></body></html>";
    response.withHeader("Content-Type", "text/html");
    return response;
}

FakeResponse FakeResponse::dropConnection()
{
    FakeResponse response;
    response.fault = Fault::Drop;
    return response;
}

FakeResponse FakeResponse::rateLimited(int resetInSeconds)
{
    FakeResponse response =
        json(403, QByteArray(R"({"message":"API rate limit exceeded for installation ID 1.",)"
                             R"("documentation_url":"https://docs.github.com/rest/rate-limit"})"));
    response.withHeader("x-ratelimit-limit", "5000")
        .withHeader("x-ratelimit-remaining", "0")
        .withHeader("x-ratelimit-reset",
                    QByteArray::number(QDateTime::currentSecsSinceEpoch() + resetInSeconds));
    return response;
}

FakeResponse FakeResponse::tooManyRequests(int retryAfterSeconds, const QByteArray& rawJson)
{
    FakeResponse response = json(429, rawJson);
    response.withHeader("Retry-After", QByteArray::number(retryAfterSeconds));
    return response;
}

FakeResponse& FakeResponse::withHeader(const QByteArray& name, const QByteArray& value)
{
    headers.append(qMakePair(name, value));
    return *this;
}

FakeResponse& FakeResponse::withDelay(int milliseconds)
{
    delayMs = milliseconds;
    return *this;
}

} // namespace ReleaseDeck::Test
