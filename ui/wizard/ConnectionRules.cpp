#include "wizard/ConnectionRules.h"

#include "wizard/FieldRules.h"

#include <QUrl>

namespace ReleaseDeck {

namespace {

const QString Owner = QStringLiteral("owner");
const QString Repo = QStringLiteral("repo");
const QString Workspace = QStringLiteral("workspace");
const QString Project = QStringLiteral("project");
const QString ApiUrl = QStringLiteral("apiUrl");
const QString DefaultBranch = QStringLiteral("defaultBranch");
const QString Channel = QStringLiteral("channel");
const QString ChannelName = QStringLiteral("channelName");
const QString SiteUrl = QStringLiteral("siteUrl");
const QString Email = QStringLiteral("email");
const QString Url = QStringLiteral("url");
const QString User = QStringLiteral("user");

QString projectKeyField(Platform platform)
{
    return QStringLiteral("projectKey.") + toText(platform);
}

QString readyStateField(Platform platform)
{
    return QStringLiteral("readyState.") + toText(platform);
}

void put(QHash<QString, QString>& errors, const QString& key, const QString& message)
{
    if (!message.isEmpty())
        errors.insert(key, message);
}

QString purposePrefix(const QString& provider)
{
    return provider == u"jenkins" ? QStringLiteral("job.") : QStringLiteral("workflow.");
}

} // namespace

QList<ConnectionRules::Provider> ConnectionRules::providers(ConnectionCategory category)
{
    switch (category) {
    case ConnectionCategory::Scm:
        return {{QStringLiteral("github"), tr("GitHub")},
                {QStringLiteral("github-enterprise"), tr("GitHub Enterprise Server")},
                {QStringLiteral("gitlab"), tr("GitLab")},
                {QStringLiteral("bitbucket"), tr("Bitbucket Cloud")}};
    case ConnectionCategory::Chat:
        return {{QStringLiteral("slack"), tr("Slack")}};
    case ConnectionCategory::Issues:
        return {{QStringLiteral("jira-cloud"), tr("Jira Cloud")},
                {QStringLiteral("jira-server"), tr("Jira Server / Data Center")}};
    case ConnectionCategory::Ci:
        return {{QStringLiteral("github-actions"), tr("GitHub Actions")},
                {QStringLiteral("jenkins"), tr("Jenkins")}};
    case ConnectionCategory::Tests:
    case ConnectionCategory::Store:
        break;
    }
    return {};
}

QString ConnectionRules::providerName(const QString& provider)
{
    for (ConnectionCategory category : {ConnectionCategory::Scm, ConnectionCategory::Chat,
                                        ConnectionCategory::Issues, ConnectionCategory::Ci}) {
        for (const Provider& candidate : providers(category)) {
            if (candidate.id == provider)
                return candidate.name;
        }
    }
    return provider;
}

ConnectionRules::ChoiceList ConnectionRules::choiceList(const QString& provider)
{
    if (provider == u"github" || provider == u"github-enterprise" || provider == u"gitlab" ||
        provider == u"bitbucket")
        return ChoiceList::Branches;
    if (provider == u"slack")
        return ChoiceList::Channels;
    if (provider == u"github-actions")
        return ChoiceList::Workflows;
    return ChoiceList::None;
}

QStringList ConnectionRules::purposes()
{
    return {QStringLiteral("PRE_REGRESSION_BUILD"), QStringLiteral("REGRESSION_BUILD"),
            QStringLiteral("AUTOMATION"), QStringLiteral("TESTFLIGHT"),
            QStringLiteral("ANDROID_BUNDLE")};
}

QString ConnectionRules::purposeName(const QString& purpose)
{
    if (purpose == u"PRE_REGRESSION_BUILD")
        return tr("Pre-regression build");
    if (purpose == u"REGRESSION_BUILD")
        return tr("Regression build");
    if (purpose == u"AUTOMATION")
        return tr("Automation");
    if (purpose == u"TESTFLIGHT")
        return tr("TestFlight");
    if (purpose == u"ANDROID_BUNDLE")
        return tr("Android bundle");
    return purpose;
}

QList<Platform> ConnectionRules::platforms()
{
    return {Platform::Android, Platform::Ios, Platform::Web};
}

QHash<QString, QString> ConnectionRules::check(const QString& provider,
                                               const QHash<QString, QString>& fields,
                                               const QString& token)
{
    QHash<QString, QString> errors;
    put(errors, QStringLiteral("token"), FieldRules::token(token));
    const auto value = [&](const QString& key) {
        return fields.value(key);
    };
    if (provider == u"github" || provider == u"github-enterprise" ||
        provider == u"github-actions") {
        put(errors, Owner, FieldRules::slug(value(Owner), tr("the owner")));
        put(errors, Repo, FieldRules::slug(value(Repo), tr("the repository")));
        if (provider == u"github-enterprise" || !value(ApiUrl).isEmpty())
            put(errors, ApiUrl, FieldRules::url(value(ApiUrl), tr("the API address")));
    } else if (provider == u"gitlab") {
        put(errors, Project, FieldRules::projectPath(value(Project)));
        if (!value(ApiUrl).isEmpty())
            put(errors, ApiUrl, FieldRules::url(value(ApiUrl), tr("the API address")));
    } else if (provider == u"bitbucket") {
        put(errors, Workspace, FieldRules::slug(value(Workspace), tr("the workspace")));
        put(errors, Repo, FieldRules::slug(value(Repo), tr("the repository")));
    } else if (provider == u"jira-cloud" || provider == u"jira-server") {
        put(errors, SiteUrl, FieldRules::url(value(SiteUrl), tr("the site address")));
        if (provider == u"jira-cloud")
            put(errors, Email, FieldRules::email(value(Email)));
        bool anyKey = false;
        for (Platform platform : platforms()) {
            const QString key = value(projectKeyField(platform));
            put(errors, projectKeyField(platform), FieldRules::jiraKey(key));
            if (key.isEmpty())
                continue;
            anyKey = true;
            put(errors, readyStateField(platform),
                FieldRules::text(value(readyStateField(platform)), tr("the ready state")));
        }
        if (!anyKey && !errors.contains(projectKeyField(Platform::Android)))
            errors.insert(projectKeyField(Platform::Android),
                          tr("Enter the project key of at least one platform."));
    } else if (provider == u"jenkins") {
        put(errors, Url, FieldRules::url(value(Url), tr("the Jenkins address")));
        put(errors, User, FieldRules::text(value(User), tr("the user name")));
        bool anyJob = false;
        for (const QString& purpose : purposes()) {
            const QString job = value(QStringLiteral("job.") + purpose);
            anyJob = anyJob || !job.trimmed().isEmpty();
            if (job.size() > FieldRules::MaxNameLength * 2)
                errors.insert(QStringLiteral("job.") + purpose,
                              tr("Shorten the job name to at most 200 characters."));
        }
        if (!anyJob)
            errors.insert(QStringLiteral("job.PRE_REGRESSION_BUILD"),
                          tr("Enter the job of at least one purpose."));
    }
    return errors;
}

QString ConnectionRules::missingChoice(const QString& provider,
                                       const QHash<QString, QString>& fields)
{
    switch (choiceList(provider)) {
    case ChoiceList::Branches:
        return fields.value(DefaultBranch).isEmpty() ? tr("Pick the default branch.") : QString();
    case ChoiceList::Channels:
        return fields.value(Channel).isEmpty() ? tr("Pick the channel to post in.") : QString();
    case ChoiceList::Workflows:
        for (const QString& purpose : purposes()) {
            if (!fields.value(QStringLiteral("workflow.") + purpose).isEmpty())
                return {};
        }
        return tr("Pick the workflow of at least one purpose.");
    case ChoiceList::None:
        break;
    }
    return {};
}

bool ConnectionRules::isChoiceKey(const QString& key)
{
    return key == DefaultBranch || key == Channel || key == ChannelName ||
           key.startsWith(QStringLiteral("workflow."));
}

QJsonObject ConnectionRules::config(const QString& provider, const QHash<QString, QString>& fields)
{
    QJsonObject config;
    QJsonObject nested;
    QJsonObject states;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        const QString value =
            it.key().startsWith(QStringLiteral("job.")) ? it.value().trimmed() : it.value();
        if (value.isEmpty())
            continue;
        const qsizetype dot = it.key().indexOf(u'.');
        if (dot < 0) {
            config.insert(it.key(), value.trimmed());
            continue;
        }
        const QString group = it.key().left(dot);
        const QString member = it.key().mid(dot + 1);
        if (group == u"readyState")
            states.insert(member, value.trimmed());
        else
            nested.insert(member, value.trimmed());
    }
    if (provider == u"jira-cloud" || provider == u"jira-server") {
        config.insert(QStringLiteral("projectKeys"), nested);
        config.insert(QStringLiteral("readyStates"), states);
    } else if (provider == u"github-actions") {
        config.insert(QStringLiteral("workflows"), nested);
    } else if (provider == u"jenkins") {
        config.insert(QStringLiteral("jobs"), nested);
    }
    return config;
}

QHash<QString, QString> ConnectionRules::fields(const QString& provider, const QJsonObject& config)
{
    QHash<QString, QString> fields;
    for (auto it = config.constBegin(); it != config.constEnd(); ++it) {
        if (it.value().isString()) {
            fields.insert(it.key(), it.value().toString());
            continue;
        }
        QString prefix;
        if (it.key() == u"projectKeys")
            prefix = QStringLiteral("projectKey.");
        else if (it.key() == u"readyStates")
            prefix = QStringLiteral("readyState.");
        else if (it.key() == u"workflows" || it.key() == u"jobs")
            prefix = purposePrefix(provider);
        const QJsonObject members = it.value().toObject();
        for (auto member = members.constBegin(); member != members.constEnd(); ++member)
            fields.insert(prefix + member.key(), member.value().toString());
    }
    return fields;
}

QString ConnectionRules::displayName(const QString& provider, const QHash<QString, QString>& fields)
{
    if (provider == u"gitlab")
        return fields.value(Project);
    if (provider == u"bitbucket")
        return fields.value(Workspace) + u'/' + fields.value(Repo);
    if (provider == u"slack")
        return fields.value(ChannelName).isEmpty()
                   ? tr("Slack")
                   : QStringLiteral("#") + fields.value(ChannelName);
    if (provider == u"jira-cloud" || provider == u"jira-server") {
        QStringList keys;
        for (Platform platform : platforms()) {
            if (!fields.value(projectKeyField(platform)).isEmpty())
                keys << fields.value(projectKeyField(platform));
        }
        return tr("Jira %1").arg(keys.join(QStringLiteral(", ")));
    }
    if (provider == u"jenkins")
        return tr("Jenkins at %1").arg(QUrl(fields.value(Url)).host());
    return fields.value(Owner) + u'/' + fields.value(Repo);
}

} // namespace ReleaseDeck
