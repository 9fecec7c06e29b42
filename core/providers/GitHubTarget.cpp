#include "GitHubTarget.h"

#include "ProviderConfig.h"

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

RestEndpoint GitHubTarget::endpoint(const QString& token, const HttpClient& http) const
{
    RestEndpoint api(apiUrl, HttpAuth::bearer(token), service, http, caBundle);
    api.setHeader("Accept", "application/vnd.github+json");
    api.setHeader("X-GitHub-Api-Version", "2022-11-28");
    api.readTokenExpiry([](const HttpResponse& response) {
        return parseExpiration(response.header("github-authentication-token-expiration"));
    });
    return api;
}

QString GitHubTarget::repoPath(const QStringList& segments) const
{
    return RestEndpoint::path(QStringList{QStringLiteral("repos"), owner, repo} + segments);
}

QStringList GitHubTarget::refSegments(const QString& name)
{
    return name.split(QLatin1Char('/'));
}

std::optional<QDateTime> GitHubTarget::parseExpiration(const QByteArray& header)
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

} // namespace ReleaseDeck
