#pragma once

#include "ChatClient.h"
#include "CiClient.h"
#include "IssuesClient.h"
#include "ProviderField.h"
#include "ScmClient.h"
#include "model/Connection.h"
#include "net/HttpClient.h"

#include <QList>

#include <functional>
#include <memory>

namespace ReleaseDeck {

class Database;

// What the registry knows of one provider: its category, the fields of its config and how
// to build its client. Exactly one factory is set, the one of its category.
struct ProviderInfo
{
    // database: the calling thread's, for providers that keep their state there (the
    // sandbox's simulated services); network providers ignore it.
    template<typename Client>
    using Factory = std::function<std::unique_ptr<Client>(const Connection&, const QString& token,
                                                          const HttpClient&, Database* database)>;

    QString id; // "github"
    ConnectionCategory category = ConnectionCategory::Scm;
    // "GitHub": English, marked for translation under the context "ProviderRegistry".
    QString displayName;
    // What people may type for this provider and its siblings ("github", "jira"); the
    // config then decides which one it is (fitsConfig). Empty: the id alone.
    QString family;
    std::function<bool(const QJsonObject& config)> fitsConfig;
    // Every config key people give, in the order forms and usage text show them.
    QList<ProviderField> fields;
    // Whether its client needs a token from the secret store. The sandbox's simulated
    // services need none: nobody reads or writes the keychain for them.
    bool needsToken = true;
    // A simulated service of the sandbox, never a real one (labelled "Simulated").
    bool simulated = false;

    Factory<ScmClient> createScm;
    Factory<ChatClient> createChat;
    Factory<IssuesClient> createIssues;
    Factory<CiClient> createCi;

    const ProviderField* field(const QString& key) const;
    // The field holding a value per CI purpose (workflows, jobs); none when there is none.
    const ProviderField* purposeField() const;
    // The list people pick from once the token works (branches, channels, workflows).
    FieldChoices choiceList() const;
};

} // namespace ReleaseDeck
