#include "ProviderRegistry.h"

#include "BitbucketScmClient.h"
#include "GitHubActionsClient.h"
#include "GitHubScmClient.h"
#include "GitLabScmClient.h"
#include "JenkinsCiClient.h"
#include "JiraIssuesClient.h"
#include "SlackChatClient.h"
#include "sandbox/SandboxChatClient.h"
#include "sandbox/SandboxCiClient.h"
#include "sandbox/SandboxIssuesClient.h"
#include "sandbox/SandboxScmClient.h"

namespace ReleaseDeck {

namespace {

ProviderRegistry makeBuiltIn()
{
    ProviderRegistry registry;
    registry.add(GitHubScmClient::provider(false));
    registry.add(GitHubScmClient::provider(true));
    registry.add(GitLabScmClient::provider());
    registry.add(BitbucketScmClient::provider());
    registry.add(SlackChatClient::provider());
    registry.add(JiraIssuesClient::provider(true));
    registry.add(JiraIssuesClient::provider(false));
    registry.add(GitHubActionsClient::provider());
    registry.add(JenkinsCiClient::provider());
    registry.add(SandboxScmClient::provider());
    registry.add(SandboxChatClient::provider());
    registry.add(SandboxIssuesClient::provider());
    registry.add(SandboxCiClient::provider());
    return registry;
}

template<typename Client>
Result<std::unique_ptr<Client>> build(const ProviderInfo::Factory<Client>& factory,
                                      const Connection& connection, const QString& token,
                                      const HttpClient& http, Database* database)
{
    if (!factory)
        return Error::internal(
            QStringLiteral("The %1 provider has no client factory.").arg(connection.provider));
    return factory(connection, token, http, database);
}

} // namespace

const ProviderRegistry& ProviderRegistry::builtIn()
{
    static const ProviderRegistry registry = makeBuiltIn();
    return registry;
}

void ProviderRegistry::add(ProviderInfo info)
{
    m_providers.removeIf([&info](const ProviderInfo& known) { return known.id == info.id; });
    m_providers.append(std::move(info));
}

QStringList ProviderRegistry::providerIds() const
{
    QStringList ids;
    for (const ProviderInfo& info : m_providers)
        ids << info.id;
    return ids;
}

QStringList ProviderRegistry::providerIds(ConnectionCategory category) const
{
    QStringList ids;
    for (const ProviderInfo& info : m_providers) {
        if (info.category == category)
            ids << info.id;
    }
    return ids;
}

const ProviderInfo* ProviderRegistry::find(const QString& providerId) const
{
    for (const ProviderInfo& info : m_providers) {
        if (info.id == providerId)
            return &info;
    }
    return nullptr;
}

QList<const ProviderInfo*> ProviderRegistry::providers(ConnectionCategory category) const
{
    QList<const ProviderInfo*> found;
    for (const ProviderInfo& info : m_providers) {
        if (info.category == category)
            found << &info;
    }
    return found;
}

QStringList ProviderRegistry::names() const
{
    QStringList names;
    for (const ProviderInfo& info : m_providers) {
        // The sandbox's simulated services come with it; nobody adds them by name.
        if (info.simulated)
            continue;
        if (!info.family.isEmpty() && !names.contains(info.family))
            names << info.family;
        if (!names.contains(info.id))
            names << info.id;
    }
    return names;
}

QList<const ProviderInfo*> ProviderRegistry::providersNamed(const QString& name) const
{
    QList<const ProviderInfo*> family;
    for (const ProviderInfo& info : m_providers) {
        if (info.family == name)
            family << &info;
    }
    if (!family.isEmpty())
        return family;
    if (const ProviderInfo* info = find(name))
        return {info};
    return {};
}

const ProviderInfo* ProviderRegistry::providerFor(const QString& name,
                                                  const QJsonObject& config) const
{
    const QList<const ProviderInfo*> candidates = providersNamed(name);
    for (const ProviderInfo* candidate : candidates) {
        if (candidate->fitsConfig && candidate->fitsConfig(config))
            return candidate;
    }
    return candidates.value(0);
}

Status ProviderRegistry::validateConfig(const QString& providerId, const QJsonObject& config) const
{
    return check(providerId, config, true);
}

Status ProviderRegistry::validateDraft(const QString& providerId, const QJsonObject& config) const
{
    return check(providerId, config, false);
}

Status ProviderRegistry::check(const QString& providerId, const QJsonObject& config,
                               bool saving) const
{
    const ProviderInfo* info = find(providerId);
    if (!info)
        return Error::usage(QStringLiteral("Unknown provider \"%1\"; known providers: %2.")
                                .arg(providerId, providerIds().join(QStringLiteral(", "))));
    return ProviderField::checkConfig(info->fields, config, saving);
}

QString ProviderRegistry::ciWorkflow(const Connection& ci, CiPurpose purpose) const
{
    const ProviderInfo* info = find(ci.provider);
    const ProviderField* field = info ? info->purposeField() : nullptr;
    if (!field)
        return {};
    return ci.config.value(field->key).toObject().value(toText(purpose)).toString().trimmed();
}

bool ProviderRegistry::needsToken(const QString& providerId) const
{
    const ProviderInfo* info = find(providerId);
    return !info || info->needsToken;
}

bool ProviderRegistry::isSimulated(const QString& providerId) const
{
    const ProviderInfo* info = find(providerId);
    return info && info->simulated;
}

Result<const ProviderInfo*> ProviderRegistry::usable(const Connection& connection,
                                                     const QString& token,
                                                     ConnectionCategory category) const
{
    const ProviderInfo* info = find(connection.provider);
    if (!info)
        return Error::usage(QStringLiteral("Unknown provider \"%1\".").arg(connection.provider));
    if (info->category != category)
        return Error::usage(
            QStringLiteral("%1 is a %2 provider, not %3.")
                .arg(info->displayName, displayName(info->category), displayName(category)));
    // A client may be built for a draft whose list-picked key is still open; what is
    // saved passed validateConfig.
    if (Status valid = validateDraft(info->id, connection.config); !valid)
        return valid.error();
    if (info->needsToken && token.trimmed().isEmpty())
        return Error::usage(
            QStringLiteral("The %1 connection has no token.").arg(info->displayName));
    return info;
}

Result<std::unique_ptr<ScmClient>> ProviderRegistry::createScm(const Connection& connection,
                                                               const QString& token,
                                                               const HttpClient& http,
                                                               Database* database) const
{
    auto info = usable(connection, token, ConnectionCategory::Scm);
    if (!info)
        return info.error();
    return build((*info)->createScm, connection, token, http, database);
}

Result<std::unique_ptr<ChatClient>> ProviderRegistry::createChat(const Connection& connection,
                                                                 const QString& token,
                                                                 const HttpClient& http,
                                                                 Database* database) const
{
    auto info = usable(connection, token, ConnectionCategory::Chat);
    if (!info)
        return info.error();
    return build((*info)->createChat, connection, token, http, database);
}

Result<std::unique_ptr<IssuesClient>> ProviderRegistry::createIssues(const Connection& connection,
                                                                     const QString& token,
                                                                     const HttpClient& http,
                                                                     Database* database) const
{
    auto info = usable(connection, token, ConnectionCategory::Issues);
    if (!info)
        return info.error();
    return build((*info)->createIssues, connection, token, http, database);
}

Result<std::unique_ptr<CiClient>> ProviderRegistry::createCi(const Connection& connection,
                                                             const QString& token,
                                                             const HttpClient& http,
                                                             Database* database) const
{
    auto info = usable(connection, token, ConnectionCategory::Ci);
    if (!info)
        return info.error();
    return build((*info)->createCi, connection, token, http, database);
}

Result<VerificationReport> ProviderRegistry::verify(const Connection& connection,
                                                    const QString& token,
                                                    const HttpClient& http) const
{
    switch (connection.category) {
    case ConnectionCategory::Scm: {
        auto client = createScm(connection, token, http);
        return client ? (*client)->verify() : Result<VerificationReport>(client.error());
    }
    case ConnectionCategory::Chat: {
        auto client = createChat(connection, token, http);
        return client ? (*client)->verify() : Result<VerificationReport>(client.error());
    }
    case ConnectionCategory::Issues: {
        auto client = createIssues(connection, token, http);
        return client ? (*client)->verify() : Result<VerificationReport>(client.error());
    }
    case ConnectionCategory::Ci: {
        auto client = createCi(connection, token, http);
        return client ? (*client)->verify() : Result<VerificationReport>(client.error());
    }
    case ConnectionCategory::Tests:
    case ConnectionCategory::Store:
        break;
    }
    return Error::usage(QStringLiteral("Release Deck cannot verify %1 connections yet.")
                            .arg(displayName(connection.category)));
}

} // namespace ReleaseDeck
