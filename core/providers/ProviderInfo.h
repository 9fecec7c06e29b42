#pragma once

#include "ChatClient.h"
#include "CiClient.h"
#include "IssuesClient.h"
#include "ScmClient.h"
#include "model/Connection.h"
#include "net/HttpClient.h"

#include <QStringList>

#include <functional>
#include <memory>

namespace ReleaseDeck {

// What the registry knows of one provider: its category, what its config needs, and how
// to build its client. Exactly one factory is set, the one of its category.
struct ProviderInfo
{
    template<typename Client>
    using Factory = std::function<std::unique_ptr<Client>(const Connection&, const QString& token,
                                                          const HttpClient&)>;

    QString id; // "github"
    ConnectionCategory category = ConnectionCategory::Scm;
    QString displayName; // "GitHub"
    QStringList requiredKeys;
    QStringList optionalKeys;
    // Plain-sentence Usage errors for a config the provider cannot work with.
    std::function<Status(const QJsonObject& config)> validateConfig;
    // What a draft needs before its first verification, when a key is picked from the
    // provider's own list only after the credentials work (Slack's channel, the CI
    // workflows or jobs): the config without that key. Unset: validateConfig.
    std::function<Status(const QJsonObject& config)> validateDraft;

    Factory<ScmClient> createScm;
    Factory<ChatClient> createChat;
    Factory<IssuesClient> createIssues;
    Factory<CiClient> createCi;
};

} // namespace ReleaseDeck
