#pragma once

#include "Result.h"
#include "net/HttpAuth.h"
#include "net/HttpClient.h"
#include "net/Pagination.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

#include <optional>

namespace ReleaseDeck {

// Where a GitHub or GitHub Enterprise Server repository lives, from a connection's config
// (owner, repo, apiUrl, caBundle).
struct GitHubTarget
{
    QUrl apiUrl; // https://api.github.com or https://HOST/api/v3
    QString owner;
    QString repo;
    QString caBundle;
    QString service; // "GitHub", "GitHub Enterprise"

    QString fullName() const { return owner + QLatin1Char('/') + repo; }
    static Result<GitHubTarget> fromConfig(const QJsonObject& config, bool enterprise);
};

// The REST calls GitHub's SCM and Actions clients share: the repository's URLs, Bearer
// auth and API version headers, and the token-expiration check.
class GitHubApi
{
public:
    GitHubApi(GitHubTarget target, const QString& token, const HttpClient& http);

    const GitHubTarget& target() const { return m_target; }
    // From the last answer's github-authentication-token-expiration header, when sent.
    std::optional<QDateTime> tokenExpiresAt() const { return m_tokenExpiresAt; }

    // A request to /repos/OWNER/REPO followed by repoPath.
    HttpRequest request(const QByteArray& method, const QString& repoPath,
                        const QUrlQuery& query = {}) const;
    HttpRequest request(const QByteArray& method, const QString& repoPath,
                        const QJsonObject& body) const;

    // Maps failures like HttpClient::send and reports a token GitHub says has expired.
    Result<HttpResponse> send(const HttpRequest& request);
    Result<QJsonObject> sendForObject(const HttpRequest& request);
    // Every page of a list: arrayKey names the list inside each page's object, or is empty
    // when each page is a JSON array.
    Result<QJsonArray> sendForAllPages(const HttpRequest& first, const QString& arrayKey = {});
    Result<QJsonArray> sendForAllPages(const HttpRequest& first,
                                       const Pagination::PageReader& read);

    // "2026-11-21 14:05:00 UTC" (or a numeric offset) as GitHub sends it.
    static std::optional<QDateTime> parseExpiration(const QByteArray& header);

private:
    Status checkExpiration(const HttpResponse& response);

    GitHubTarget m_target;
    HttpAuth m_auth;
    const HttpClient& m_http;
    std::optional<QDateTime> m_tokenExpiresAt;
};

} // namespace ReleaseDeck
