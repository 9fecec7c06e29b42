#pragma once

#include "Result.h"
#include "net/HttpAuth.h"
#include "net/HttpClient.h"
#include "net/Pagination.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace ReleaseDeck {

// One provider's REST API as its clients see it: a base URL, the token's header, the name
// people know it by and an optional CA bundle. Builds requests below the base URL and sends
// them through the shared HttpClient. Every provider client talks through one of these.
class RestEndpoint
{
public:
    // When the token expires, as a provider says in each answer (GitHub's header); none
    // when the answer does not say.
    using ExpiryReader = std::function<std::optional<QDateTime>(const HttpResponse&)>;

    RestEndpoint(QUrl baseUrl, HttpAuth auth, QString service, const HttpClient& http,
                 QString caBundle = {});

    // A header every request carries, replacing a default of the same name (Accept).
    void setHeader(const QByteArray& name, const QByteArray& value);
    // Reads the token's expiry from every answer: a time already past fails the call as
    // Expired, whatever the status.
    void readTokenExpiry(ExpiryReader reader);
    // What the last answer said of the token's expiry, when it said anything.
    std::optional<QDateTime> tokenExpiresAt() const { return m_tokenExpiresAt; }

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

    // An answer below 400, or the Error for anything else (HttpFailure's mapping).
    Result<HttpResponse> send(const HttpRequest& request) const;
    Result<QJsonObject> sendForObject(const HttpRequest& request) const;
    // Every page of a list, each fetched through send().
    Result<QJsonArray> collect(const HttpRequest& first, const Pagination::PageReader& read) const;

    // Whether an Error is the server saying "not found" (a 404).
    static bool isNotFound(const Error& error) { return error.kind == ErrorKind::NotFound; }

private:
    QUrl m_baseUrl;
    HttpAuth m_auth;
    QString m_service;
    const HttpClient& m_http;
    QString m_caBundle;
    HttpHeaders m_headers;
    ExpiryReader m_readExpiry;
    // An observation of the answers, kept for verify() reports; sending stays const.
    mutable std::optional<QDateTime> m_tokenExpiresAt;
};

} // namespace ReleaseDeck
