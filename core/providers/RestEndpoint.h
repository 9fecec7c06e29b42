#pragma once

#include "Result.h"
#include "net/HttpAuth.h"
#include "net/HttpClient.h"
#include "net/Pagination.h"

#include <QJsonObject>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace ReleaseDeck {

// One provider's REST API as its clients see it: a base URL, the token's header, the name
// people know it by and an optional CA bundle. Builds requests below the base URL and sends
// them through the shared HttpClient.
class RestEndpoint
{
public:
    RestEndpoint(QUrl baseUrl, HttpAuth auth, QString service, const HttpClient& http,
                 QString caBundle = {});

    // Each segment is percent-encoded on its own, so "group/app" becomes "group%2Fapp".
    static QString path(const QStringList& segments);
    // baseUrl + an already encoded path (e.g. from path()) + query.
    QUrl url(const QString& encodedPath, const QUrlQuery& query = {}) const;

    HttpRequest get(const QString& encodedPath, const QUrlQuery& query = {}) const;
    HttpRequest json(const QByteArray& method, const QString& encodedPath, const QJsonObject& body,
                     const QUrlQuery& query = {}) const;
    HttpRequest form(const QByteArray& method, const QString& encodedPath,
                     const QUrlQuery& fields) const;
    // Auth, service and CA bundle on a request to an absolute URL of this server.
    HttpRequest prepared(HttpRequest request) const;

    Result<HttpResponse> send(const HttpRequest& request) const;
    Result<QJsonObject> sendForObject(const HttpRequest& request) const;
    Result<QJsonArray> collect(const HttpRequest& first, const Pagination::PageReader& read) const;

    // Whether an Error is the server saying "not found" (a 404).
    static bool isNotFound(const Error& error) { return error.kind == ErrorKind::NotFound; }

private:
    QUrl m_baseUrl;
    HttpAuth m_auth;
    QString m_service;
    const HttpClient& m_http;
    QString m_caBundle;
};

} // namespace ReleaseDeck
