#pragma once

#include "ProviderInfo.h"

#include <QList>

namespace ReleaseDeck {

// Every provider Release Deck can talk to, by id (github, github-enterprise, gitlab,
// bitbucket, slack, jira-cloud, jira-server, github-actions, jenkins).
class ProviderRegistry
{
public:
    // The providers built into Release Deck.
    static const ProviderRegistry& builtIn();

    void add(ProviderInfo info);

    QStringList providerIds() const;
    QStringList providerIds(ConnectionCategory category) const;
    const ProviderInfo* find(const QString& providerId) const;

    // An unknown provider, a missing required key or a malformed value: one sentence.
    Status validateConfig(const QString& providerId, const QJsonObject& config) const;

    // Usage errors for an unknown provider, another category, a bad config or no token.
    Result<std::unique_ptr<ScmClient>> createScm(const Connection& connection, const QString& token,
                                                 const HttpClient& http) const;
    Result<std::unique_ptr<ChatClient>>
    createChat(const Connection& connection, const QString& token, const HttpClient& http) const;
    Result<std::unique_ptr<IssuesClient>>
    createIssues(const Connection& connection, const QString& token, const HttpClient& http) const;
    Result<std::unique_ptr<CiClient>> createCi(const Connection& connection, const QString& token,
                                               const HttpClient& http) const;

    // Builds the connection's client, whatever its category, and runs its verify().
    Result<VerificationReport> verify(const Connection& connection, const QString& token,
                                      const HttpClient& http) const;

private:
    Result<const ProviderInfo*> usable(const Connection& connection, const QString& token,
                                       ConnectionCategory category) const;

    QList<ProviderInfo> m_providers;
};

} // namespace ReleaseDeck
