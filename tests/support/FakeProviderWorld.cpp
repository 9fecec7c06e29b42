#include "FakeProviderWorld.h"

#include "providers/ProviderRegistry.h"

namespace ReleaseDeck::Test {

namespace {

// Test tokens, not secrets: each fake accepts only its own.
QString tokenFor(const QString& provider)
{
    return QStringLiteral("world-%1-token-not-real").arg(provider);
}

} // namespace

FakeProviderWorld::FakeProviderWorld()
    : m_github(QStringLiteral("/api/v3"))
{
    m_github.setToken(tokenFor(QStringLiteral("github")));
    m_github.pushCommit(QStringLiteral("main"), QStringLiteral("Initial commit"));
    m_github.pushCommit(QStringLiteral("main"), QStringLiteral("Add login screen"));
    m_github.pushCommit(QStringLiteral("main"), QStringLiteral("Fix crash on start"),
                        QStringLiteral("Grace Hopper"));
    const QJsonObject workflows = purposeWorkflows();
    qint64 id = 161335;
    for (auto it = workflows.begin(); it != workflows.end(); ++it) {
        const QString file = it.value().toString();
        m_github.actions().addWorkflow(++id, it.key(), QStringLiteral(".github/workflows/") + file);
        m_github.actions().declareInputs(
            file, {QStringLiteral("release_deck_task"), QStringLiteral("platform"),
                   QStringLiteral("version"), QStringLiteral("commit")});
    }
    m_slack.setToken(tokenFor(QStringLiteral("slack")));
    m_jira.setToken(tokenFor(QStringLiteral("jira")));
    m_jenkins.setToken(tokenFor(QStringLiteral("jenkins")));
}

QJsonObject FakeProviderWorld::purposeWorkflows()
{
    return {{QStringLiteral("PRE_REGRESSION_BUILD"), QStringLiteral("pre-regression.yml")},
            {QStringLiteral("REGRESSION_BUILD"), QStringLiteral("regression.yml")},
            {QStringLiteral("AUTOMATION"), QStringLiteral("automation.yml")},
            {QStringLiteral("TESTFLIGHT"), QStringLiteral("testflight.yml")},
            {QStringLiteral("ANDROID_BUNDLE"), QStringLiteral("android-bundle.yml")}};
}

ConnectionDraft FakeProviderWorld::draft(const QString& provider) const
{
    ConnectionDraft draft;
    draft.provider = provider;
    if (provider == QLatin1String("github-enterprise")) {
        draft.category = ConnectionCategory::Scm;
        draft.config = m_github.config();
        draft.token = tokenFor(QStringLiteral("github"));
    } else if (provider == QLatin1String("github-actions")) {
        draft.category = ConnectionCategory::Ci;
        draft.config = m_github.config();
        draft.config.insert(QStringLiteral("workflows"), purposeWorkflows());
        draft.token = tokenFor(QStringLiteral("github"));
    } else if (provider == QLatin1String("slack")) {
        draft.category = ConnectionCategory::Chat;
        draft.config = m_slack.config();
        draft.token = tokenFor(QStringLiteral("slack"));
    } else if (provider == QLatin1String("jira-cloud")) {
        draft.category = ConnectionCategory::Issues;
        draft.config = m_jira.config();
        draft.token = tokenFor(QStringLiteral("jira"));
    } else if (provider == QLatin1String("jenkins")) {
        draft.category = ConnectionCategory::Ci;
        draft.config = m_jenkins.config();
        draft.token = tokenFor(QStringLiteral("jenkins"));
    } else {
        qFatal("FakeProviderWorld has no provider %s", qPrintable(provider));
    }
    draft.displayName = provider;
    return draft;
}

QStringList FakeProviderWorld::cliArguments(const ConnectionDraft& draft)
{
    const ProviderRegistry& registry = ProviderRegistry::builtIn();
    const ProviderInfo* provider = registry.find(draft.provider);
    if (!provider)
        qFatal("The registry has no provider %s", qPrintable(draft.provider));
    // The name people type: the family (github, jira), whose member the flags then pick.
    const QString name = provider->family.isEmpty() ? provider->id : provider->family;
    if (registry.providerFor(name, draft.config) != provider)
        qFatal("The flags of this %s draft do not pick %s", qPrintable(name),
               qPrintable(draft.provider));
    QStringList arguments{name};
    for (auto it = draft.config.begin(); it != draft.config.end(); ++it) {
        const ProviderField* field = provider->field(it.key());
        if (!field)
            qFatal("%s has no flag for %s", qPrintable(draft.provider), qPrintable(it.key()));
        const QString flag = QStringLiteral("--") + field->flagName();
        if (!field->isMap()) {
            arguments << flag << it.value().toString();
            continue;
        }
        const QJsonObject pairs = it.value().toObject();
        for (auto pair = pairs.begin(); pair != pairs.end(); ++pair)
            arguments << flag << pair.key() + QLatin1Char('=') + pair.value().toString();
    }
    arguments << QStringLiteral("--token-stdin");
    return arguments;
}

} // namespace ReleaseDeck::Test
