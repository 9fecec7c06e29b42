#include "FakeProviderWorld.h"

namespace ReleaseDeck::Test {

namespace {

// Test tokens, not secrets: each fake accepts only its own.
QString tokenFor(const QString& provider)
{
    return QStringLiteral("world-%1-token-not-real").arg(provider);
}

// The command line's flag for a config key (see cli/ConnectionFlags).
QString flagFor(const QString& key)
{
    static const QHash<QString, QString> flags{
        {QStringLiteral("owner"), QStringLiteral("--owner")},
        {QStringLiteral("repo"), QStringLiteral("--repo")},
        {QStringLiteral("apiUrl"), QStringLiteral("--api-url")},
        {QStringLiteral("channel"), QStringLiteral("--channel")},
        {QStringLiteral("siteUrl"), QStringLiteral("--site-url")},
        {QStringLiteral("email"), QStringLiteral("--email")},
        {QStringLiteral("projectKeys"), QStringLiteral("--project-key")},
        {QStringLiteral("readyStates"), QStringLiteral("--ready-state")},
        {QStringLiteral("workflows"), QStringLiteral("--workflow")},
        {QStringLiteral("url"), QStringLiteral("--url")},
        {QStringLiteral("user"), QStringLiteral("--user")},
        {QStringLiteral("jobs"), QStringLiteral("--job")}};
    return flags.value(key);
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
    QString name = draft.provider;
    if (name == QLatin1String("github-enterprise"))
        name = QStringLiteral("github"); // an --api-url elsewhere than api.github.com
    else if (name == QLatin1String("jira-cloud"))
        name = QStringLiteral("jira"); // with --email
    QStringList arguments{name};
    for (auto it = draft.config.begin(); it != draft.config.end(); ++it) {
        const QString flag = flagFor(it.key());
        if (flag.isEmpty())
            qFatal("FakeProviderWorld has no flag for %s", qPrintable(it.key()));
        if (!it.value().isObject()) {
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
