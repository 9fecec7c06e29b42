#include "GitHubApi.h"

#include "ProviderConfig.h"
#include "net/HttpFailure.h"
#include "net/Pagination.h"

#include <QLocale>
#include <QRegularExpression>

namespace ReleaseDeck {

Result<GitHubTarget> GitHubTarget::fromConfig(const QJsonObject& config, bool enterprise)
{
    GitHubTarget target;
    target.service = enterprise ? QStringLiteral("GitHub Enterprise") : QStringLiteral("GitHub");
    auto apiUrl = ProviderConfig::baseUrl(
        config, QStringLiteral("apiUrl"), QStringLiteral("API URL"),
        enterprise ? QUrl() : QUrl(QStringLiteral("https://api.github.com")));
    if (!apiUrl)
        return apiUrl.error();
    target.apiUrl = *apiUrl;
    // A GHES host given alone: its REST API lives under /api/v3.
    if (enterprise && target.apiUrl.path().isEmpty())
        target.apiUrl.setPath(QStringLiteral("/api/v3"));
    target.owner = config.value(QStringLiteral("owner")).toString().trimmed();
    target.repo = config.value(QStringLiteral("repo")).toString().trimmed();
    if (Status owner = ProviderConfig::repositoryPart(target.owner, QStringLiteral("owner"));
        !owner)
        return owner.error();
    if (Status repo = ProviderConfig::repositoryPart(target.repo, QStringLiteral("repository"));
        !repo)
        return repo.error();
    target.caBundle = config.value(QStringLiteral("caBundle")).toString();
    return target;
}

GitHubApi::GitHubApi(GitHubTarget target, const QString& token, const HttpClient& http)
    : m_target(std::move(target))
    , m_auth(HttpAuth::bearer(token))
    , m_http(http)
{}

HttpRequest GitHubApi::request(const QByteArray& method, const QString& repoPath,
                               const QUrlQuery& query) const
{
    HttpRequest request;
    request.method = method;
    request.url = m_target.apiUrl;
    request.url.setPath(m_target.apiUrl.path() + QStringLiteral("/repos/") + m_target.owner +
                        QLatin1Char('/') + m_target.repo + repoPath);
    request.url.setQuery(query);
    request.service = m_target.service;
    request.caBundlePath = m_target.caBundle;
    request.setHeader("Accept", "application/vnd.github+json");
    request.setHeader("X-GitHub-Api-Version", "2022-11-28");
    m_auth.applyTo(request);
    return request;
}

HttpRequest GitHubApi::request(const QByteArray& method, const QString& repoPath,
                               const QJsonObject& body) const
{
    HttpRequest result = request(method, repoPath);
    result.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    result.setHeader("Content-Type", "application/json");
    return result;
}

std::optional<QDateTime> GitHubApi::parseExpiration(const QByteArray& header)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^\s*(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})\s*(UTC|Z|[+-]\d{2}:?\d{2})?\s*$)"));
    const auto match = pattern.match(QString::fromLatin1(header));
    if (!match.hasMatch())
        return std::nullopt;
    QDateTime time = QDateTime::fromString(match.captured(1) + QLatin1Char('T') + match.captured(2),
                                           Qt::ISODate);
    time.setTimeSpec(Qt::UTC);
    const QString zone = match.captured(3).remove(QLatin1Char(':'));
    if (zone.startsWith(QLatin1Char('+')) || zone.startsWith(QLatin1Char('-'))) {
        const int sign = zone.startsWith(QLatin1Char('-')) ? -1 : 1;
        const int minutes = zone.mid(1, 2).toInt() * 60 + zone.mid(3, 2).toInt();
        time = time.addSecs(-sign * minutes * 60);
    }
    if (!time.isValid())
        return std::nullopt;
    return time;
}

Status GitHubApi::checkExpiration(const HttpResponse& response)
{
    const auto expiresAt =
        parseExpiration(response.header("github-authentication-token-expiration"));
    if (!expiresAt)
        return {};
    m_tokenExpiresAt = expiresAt;
    if (*expiresAt > QDateTime::currentDateTimeUtc())
        return {};
    return Error{ErrorKind::Expired,
                 QStringLiteral("%1 says the token expired on %2 UTC; create a new token.")
                     .arg(m_target.service,
                          QLocale::c().toString(*expiresAt, QStringLiteral("yyyy-MM-dd HH:mm"))),
                 {}};
}

Result<HttpResponse> GitHubApi::send(const HttpRequest& request)
{
    auto response = m_http.exchange(request);
    if (!response)
        return response.error();
    if (Status fresh = checkExpiration(*response); !fresh)
        return fresh.error();
    if (response->status >= 400)
        return HttpFailure::fromResponse(*response);
    return response;
}

Result<QJsonObject> GitHubApi::sendForObject(const HttpRequest& request)
{
    auto response = send(request);
    if (!response)
        return response.error();
    return response->jsonObject();
}

Result<QJsonArray> GitHubApi::sendForAllPages(const HttpRequest& first, const QString& arrayKey)
{
    return sendForAllPages(first, Pagination::linkedItems(arrayKey));
}

Result<QJsonArray> GitHubApi::sendForAllPages(const HttpRequest& first,
                                              const Pagination::PageReader& read)
{
    return Pagination::collect([this](const HttpRequest& request) { return send(request); },
                               m_http.settings().maxPages, first, read);
}

} // namespace ReleaseDeck
