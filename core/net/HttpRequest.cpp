#include "HttpRequest.h"

namespace ReleaseDeck {

HttpRequest HttpRequest::get(const QUrl& url)
{
    HttpRequest request;
    request.url = url;
    return request;
}

HttpRequest HttpRequest::withJson(const QByteArray& method, const QUrl& url,
                                  const QJsonDocument& body)
{
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.body = body.toJson(QJsonDocument::Compact);
    request.setHeader("Content-Type", "application/json");
    return request;
}

HttpRequest& HttpRequest::setHeader(const QByteArray& name, const QByteArray& value)
{
    headers.removeIf([&name](const auto& header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
    headers.append({name, value});
    return *this;
}

QByteArray HttpRequest::header(const QByteArray& name) const
{
    for (const auto& header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

QString HttpRequest::serviceName() const
{
    return service.isEmpty() ? url.host() : service;
}

} // namespace ReleaseDeck
