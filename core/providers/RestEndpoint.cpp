#include "RestEndpoint.h"

#include "net/HttpFailure.h"

#include <QJsonDocument>
#include <QLocale>

#include <utility>

namespace ReleaseDeck {

namespace {

// Every key and value fully percent-encoded, '+' included (servers read a bare '+' as a space).
QString encodedPairs(const QUrlQuery& pairs)
{
    QStringList parts;
    for (const auto& [key, value] : pairs.queryItems(QUrl::FullyDecoded))
        parts << QString::fromLatin1(QUrl::toPercentEncoding(key) + '=' +
                                     QUrl::toPercentEncoding(value));
    return parts.join(QLatin1Char('&'));
}

} // namespace

RestEndpoint::RestEndpoint(QUrl baseUrl, HttpAuth auth, QString service, const HttpClient& http,
                           QString caBundle)
    : m_baseUrl(std::move(baseUrl))
    , m_auth(std::move(auth))
    , m_service(std::move(service))
    , m_http(http)
    , m_caBundle(std::move(caBundle))
{}

void RestEndpoint::setHeader(const QByteArray& name, const QByteArray& value)
{
    m_headers.removeIf([&name](const auto& header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
    m_headers.append({name, value});
}

void RestEndpoint::readTokenExpiry(ExpiryReader reader)
{
    m_readExpiry = std::move(reader);
}

QString RestEndpoint::path(const QStringList& segments)
{
    QString encoded;
    for (const QString& segment : segments)
        encoded += QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(segment));
    return encoded;
}

QUrl RestEndpoint::url(const QString& encodedPath, const QUrlQuery& query) const
{
    QUrl url = m_baseUrl;
    QString base = url.path(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + encodedPath, QUrl::StrictMode);
    if (!query.isEmpty())
        url.setQuery(encodedPairs(query), QUrl::StrictMode);
    return url;
}

HttpRequest RestEndpoint::prepared(HttpRequest request) const
{
    m_auth.applyTo(request);
    request.setHeader("Accept", "application/json");
    for (const auto& [name, value] : std::as_const(m_headers))
        request.setHeader(name, value);
    request.service = m_service;
    request.caBundlePath = m_caBundle;
    return request;
}

HttpRequest RestEndpoint::get(const QString& encodedPath, const QUrlQuery& query) const
{
    return prepared(HttpRequest::get(url(encodedPath, query)));
}

HttpRequest RestEndpoint::json(const QByteArray& method, const QString& encodedPath,
                               const QJsonObject& body, const QUrlQuery& query) const
{
    return prepared(HttpRequest::withJson(method, url(encodedPath, query), QJsonDocument(body)));
}

HttpRequest RestEndpoint::form(const QByteArray& method, const QString& encodedPath,
                               const QUrlQuery& fields) const
{
    HttpRequest request;
    request.method = method;
    request.url = url(encodedPath);
    request.body = encodedPairs(fields).toLatin1();
    request.setHeader("Content-Type", "application/x-www-form-urlencoded");
    return prepared(std::move(request));
}

Result<HttpResponse> RestEndpoint::send(const HttpRequest& request) const
{
    if (!m_readExpiry)
        return m_http.send(request);
    auto response = m_http.exchange(request);
    if (!response)
        return response.error();
    if (const auto expiresAt = m_readExpiry(*response)) {
        m_tokenExpiresAt = expiresAt;
        if (*expiresAt <= QDateTime::currentDateTimeUtc())
            return Error{ErrorKind::Expired,
                         QStringLiteral("%1 says the token expired on %2 UTC; create a new token.")
                             .arg(m_service, QLocale::c().toString(
                                                 *expiresAt, QStringLiteral("yyyy-MM-dd HH:mm"))),
                         {}};
    }
    if (response->status >= 400)
        return HttpFailure::fromResponse(*response);
    return response;
}

Result<QJsonObject> RestEndpoint::sendForObject(const HttpRequest& request) const
{
    auto response = send(request);
    if (!response)
        return response.error();
    return response->jsonObject();
}

Result<QJsonArray> RestEndpoint::collect(const HttpRequest& first,
                                         const Pagination::PageReader& read) const
{
    return Pagination::collect([this](const HttpRequest& request) { return send(request); },
                               m_http.settings().maxPages, first, read);
}

} // namespace ReleaseDeck
