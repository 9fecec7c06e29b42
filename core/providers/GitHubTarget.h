#pragma once

#include "ProviderField.h"
#include "RestEndpoint.h"
#include "Result.h"

#include <QJsonObject>

#include <optional>

namespace ReleaseDeck {

// Where a GitHub or GitHub Enterprise Server repository lives, from a connection's config
// (owner, repo, apiUrl, caBundle), and the REST endpoint GitHub's SCM and Actions clients
// share: Bearer auth, GitHub's API version headers and its token-expiration header.
struct GitHubTarget
{
    QUrl apiUrl; // https://api.github.com or https://HOST/api/v3
    QString owner;
    QString repo;
    QString caBundle;
    QString service; // "GitHub", "GitHub Enterprise"

    QString fullName() const { return owner + QLatin1Char('/') + repo; }
    // owner, repo and apiUrl (required for Enterprise Server, else optional).
    static QList<ProviderField> fields(bool enterprise);
    static Result<GitHubTarget> fromConfig(const QJsonObject& config, bool enterprise);
    // An apiUrl on another host than api.github.com: GitHub Enterprise Server.
    static bool isEnterprise(const QJsonObject& config);

    RestEndpoint endpoint(const QString& token, const HttpClient& http) const;
    // /repos/OWNER/REPO followed by the segments, each percent-encoded on its own.
    QString repoPath(const QStringList& segments = {}) const;
    // A branch, tag or ref name as path segments: GitHub reads "release/1.4" with its slash.
    static QStringList refSegments(const QString& name);

    // "2026-11-21 14:05:00 UTC" (or a numeric offset) as GitHub sends it.
    static std::optional<QDateTime> parseExpiration(const QByteArray& header);
};

} // namespace ReleaseDeck
