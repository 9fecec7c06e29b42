#include "GitHubTarget.h"

#include "ProviderConfig.h"
#include "RepositoryFields.h"

#include <QRegularExpression>

namespace ReleaseDeck {

QList<ProviderField> GitHubTarget::fields(bool enterprise)
{
    const ProviderField apiUrl =
        ProviderField(QStringLiteral("apiUrl"), FieldKind::Url,
                      QT_TRANSLATE_NOOP("ProviderField", "API address"),
                      QT_TRANSLATE_NOOP("ProviderField", "the API address"))
            .value(QStringLiteral("URL"));
    return {ProviderField(QStringLiteral("owner"), FieldKind::Slug,
                          QT_TRANSLATE_NOOP("ProviderField", "Owner"),
                          QT_TRANSLATE_NOOP("ProviderField", "the owner"))
                .example(QT_TRANSLATE_NOOP("ProviderField", "acme"))
                .value(QStringLiteral("OWNER")),
            RepositoryFields::repository(),
            enterprise ? apiUrl.example(QT_TRANSLATE_NOOP("ProviderField",
                                                          "https://github.example.com/api/v3"))
                       : apiUrl.optional().example(QT_TRANSLATE_NOOP(
                             "ProviderField", "https://api.github.com when empty"))};
}

Result<GitHubTarget> GitHubTarget::fromConfig(const QJsonObject& config, bool enterprise)
{
    if (Status checked = ProviderField::checkConfig(fields(enterprise), config, false); !checked)
        return checked.error();
    GitHubTarget target;
    target.service = enterprise ? QStringLiteral("GitHub Enterprise") : QStringLiteral("GitHub");
    target.apiUrl =
        ProviderConfig::url(config, QStringLiteral("apiUrl"),
                            enterprise ? QUrl() : QUrl(QStringLiteral("https://api.github.com")));
    // A GHES host given alone: its REST API lives under /api/v3.
    if (enterprise && target.apiUrl.path().isEmpty())
        target.apiUrl.setPath(QStringLiteral("/api/v3"));
    target.owner = ProviderConfig::text(config, QStringLiteral("owner"));
    target.repo = ProviderConfig::text(config, QStringLiteral("repo"));
    target.caBundle = config.value(QStringLiteral("caBundle")).toString();
    return target;
}

bool GitHubTarget::isEnterprise(const QJsonObject& config)
{
    const QString api = ProviderConfig::text(config, QStringLiteral("apiUrl"));
    return !api.isEmpty() && QUrl(api).host() != QLatin1String("api.github.com");
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
