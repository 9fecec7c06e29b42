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
    QList<const ProviderInfo*> providers(ConnectionCategory category) const;

    // What people may type for a provider: every id, each family before its first member;
    // never a simulated provider (those come with the sandbox).
    QStringList names() const;
    // The providers a typed name stands for: every member of that family, else the one
    // with that id; none for an unknown name.
    QList<const ProviderInfo*> providersNamed(const QString& name) const;
    // The one a name and a config mean: the family member whose config fits (else the
    // first); none for an unknown name.
    const ProviderInfo* providerFor(const QString& name, const QJsonObject& config) const;

    // What is saved: every field present when needed and well-formed. An unknown
    // provider, a missing value or a malformed one: one sentence (Usage).
    Status validateConfig(const QString& providerId, const QJsonObject& config) const;
    // What a verification needs: as validateConfig, but a value given or picked once the
    // credentials work (Slack's channel, the CI workflows or jobs) may still be missing.
    Status validateDraft(const QString& providerId, const QJsonObject& config) const;

    // What a CI connection runs for purpose (a workflow file, a job), as its provider's
    // per-purpose field names it; empty when the connection names none.
    QString ciWorkflow(const Connection& ci, CiPurpose purpose) const;

    // Whether the secret store holds a token for connections of this provider; the one
    // rule every reader of tokens asks (unknown providers: yes).
    bool needsToken(const QString& providerId) const;
    // Whether the provider is one of the sandbox's simulated services.
    bool isSimulated(const QString& providerId) const;

    // Usage errors for an unknown provider, another category, a bad config or no token
    // (when it needs one). database: the calling thread's, which simulated providers keep
    // their state in; without one they answer only verify().
    Result<std::unique_ptr<ScmClient>> createScm(const Connection& connection, const QString& token,
                                                 const HttpClient& http,
                                                 Database* database = nullptr) const;
    Result<std::unique_ptr<ChatClient>> createChat(const Connection& connection,
                                                   const QString& token, const HttpClient& http,
                                                   Database* database = nullptr) const;
    Result<std::unique_ptr<IssuesClient>> createIssues(const Connection& connection,
                                                       const QString& token, const HttpClient& http,
                                                       Database* database = nullptr) const;
    Result<std::unique_ptr<CiClient>> createCi(const Connection& connection, const QString& token,
                                               const HttpClient& http,
                                               Database* database = nullptr) const;

    // Builds the connection's client, whatever its category, and runs its verify().
    Result<VerificationReport> verify(const Connection& connection, const QString& token,
                                      const HttpClient& http) const;

private:
    Status check(const QString& providerId, const QJsonObject& config, bool saving) const;
    Result<const ProviderInfo*> usable(const Connection& connection, const QString& token,
                                       ConnectionCategory category) const;

    QList<ProviderInfo> m_providers;
};

} // namespace ReleaseDeck
