#pragma once

#include "FakeGitHub.h"
#include "FakeJenkins.h"
#include "FakeJira.h"
#include "FakeSlack.h"
#include "model/ConnectionDraft.h"

#include <QStringList>

namespace ReleaseDeck::Test {

// Every provider a release talks to, each a stateful fake on 127.0.0.1 with its own
// thread: GitHub Enterprise (/api/v3) with Actions, Slack, Jira Cloud and Jenkins, each
// accepting only its own token. main has a few commits; the Actions workflows and Jenkins
// jobs of every CI purpose declare Release Deck's inputs; Slack's release channel has the
// bot; Jira has DROID (ANDROID) and IOS. drafts() and cliArguments() set up connections
// with ConnectionService or the real CLI.
class FakeProviderWorld
{
public:
    FakeProviderWorld();

    FakeGitHub& github() { return m_github; }
    FakeSlack& slack() { return m_slack; }
    FakeJira& jira() { return m_jira; }
    FakeJenkins& jenkins() { return m_jenkins; }

    // purpose → workflow file of the Actions workflows it starts with.
    static QJsonObject purposeWorkflows();

    // A connection for each provider as ConnectionService::add takes it, token included:
    // "github-enterprise", "github-actions", "slack", "jira-cloud" or "jenkins".
    ConnectionDraft draft(const QString& provider) const;
    // The arguments after `releasedeck-cli connection add` that add draft: the provider's
    // family name (github, jira) or id, and each config key's flag as the registry's field
    // names it; the token goes on standard input (--token-stdin is among them).
    static QStringList cliArguments(const ConnectionDraft& draft);

private:
    FakeGitHub m_github;
    FakeSlack m_slack;
    FakeJira m_jira;
    FakeJenkins m_jenkins;
};

} // namespace ReleaseDeck::Test
