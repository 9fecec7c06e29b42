#pragma once

#include "Result.h"
#include "model/ConnectionDraft.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>

namespace ReleaseDeck {

// How `connection add PROVIDER` flags become a connection's provider id and config:
// `github --owner O --repo R [--api-url U]`, `jira --site-url U [--email E]
// --project-key PLATFORM=KEY`, `github-actions … --workflow PURPOSE=FILE`, … Every flag is
// a registry field's name in kebab case (ProviderField::flagName); a name is a provider
// id or a family whose flags pick the member (github → github-enterprise with an API URL
// elsewhere, jira → jira-cloud with --email); the registry checks the values.
class ConnectionFlags
{
public:
    // Every provider flag, for the command's parser.
    static QList<QCommandLineOption> options();
    // The draft for PROVIDER from the parsed flags (no token); Usage errors name the flag.
    static Result<ConnectionDraft> draft(const QString& provider, const QCommandLineParser& parser);
    // The provider names the command accepts: the registry's ids and families.
    static QStringList providerNames();
};

} // namespace ReleaseDeck
