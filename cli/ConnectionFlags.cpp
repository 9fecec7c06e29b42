#include "ConnectionFlags.h"

#include "providers/ProviderRegistry.h"

#include <QUrl>

#include <array>

namespace ReleaseDeck {

namespace {

// A flag's value is text, or a repeatable NAME=VALUE pair collected into an object.
enum class FlagShape
{
    Text,
    Pairs
};

struct Flag
{
    const char* name;
    const char* configKey;
    FlagShape shape;
    const char* valueName;
    const char* description;
};

constexpr std::array flags{
    Flag{"owner", "owner", FlagShape::Text, "OWNER", "repository owner (GitHub)"},
    Flag{"repo", "repo", FlagShape::Text, "REPO", "repository name (GitHub, Bitbucket)"},
    Flag{"api-url", "apiUrl", FlagShape::Text, "URL",
         "API base URL (GitHub Enterprise, GitLab, Bitbucket, Slack, GitHub Actions)"},
    Flag{"default-branch", "defaultBranch", FlagShape::Text, "BRANCH", "base branch of releases"},
    Flag{"project", "project", FlagShape::Text, "PATH", "project path, e.g. group/app (GitLab)"},
    Flag{"token-type", "tokenType", FlagShape::Text, "TYPE",
         "GitLab token: private (default) or oauth"},
    Flag{"workspace", "workspace", FlagShape::Text, "WORKSPACE", "Bitbucket workspace"},
    Flag{"username", "username", FlagShape::Text, "NAME", "Bitbucket user for an app password"},
    Flag{"channel", "channel", FlagShape::Text, "ID", "Slack channel id"},
    Flag{"site-url", "siteUrl", FlagShape::Text, "URL", "Jira site URL"},
    Flag{"email", "email", FlagShape::Text, "EMAIL", "Jira Cloud account email"},
    Flag{"project-key", "projectKeys", FlagShape::Pairs, "PLATFORM=KEY",
         "Jira project per platform (ANDROID, IOS, WEB); repeatable"},
    Flag{"ready-state", "readyStates", FlagShape::Pairs, "PLATFORM=STATE",
         "Jira status meaning ready to release; repeatable"},
    Flag{"workflow", "workflows", FlagShape::Pairs, "PURPOSE=FILE",
         "GitHub Actions workflow per purpose; repeatable"},
    Flag{"url", "url", FlagShape::Text, "URL", "Jenkins URL"},
    Flag{"user", "user", FlagShape::Text, "NAME", "Jenkins user"},
    Flag{"job", "jobs", FlagShape::Pairs, "PURPOSE=NAME", "Jenkins job per purpose; repeatable"},
    Flag{"name", "", FlagShape::Text, "TEXT", "display name of the connection"},
};

// Which flags each command-line provider name takes; the registry id may depend on them.
struct ProviderFlags
{
    const char* name;
    std::initializer_list<const char*> flags;
};

const std::array providers{
    ProviderFlags{"github", {"owner", "repo", "api-url", "default-branch"}},
    ProviderFlags{"github-enterprise", {"owner", "repo", "api-url", "default-branch"}},
    ProviderFlags{"gitlab", {"project", "api-url", "token-type", "default-branch"}},
    ProviderFlags{"bitbucket", {"workspace", "repo", "username", "api-url", "default-branch"}},
    ProviderFlags{"slack", {"api-url", "channel"}},
    ProviderFlags{"jira", {"site-url", "email", "project-key", "ready-state"}},
    ProviderFlags{"jira-cloud", {"site-url", "email", "project-key", "ready-state"}},
    ProviderFlags{"jira-server", {"site-url", "project-key", "ready-state"}},
    ProviderFlags{"github-actions", {"owner", "repo", "api-url", "workflow"}},
    ProviderFlags{"jenkins", {"url", "user", "job"}},
};

const ProviderFlags* findProvider(const QString& name)
{
    for (const ProviderFlags& provider : providers) {
        if (name == QLatin1String(provider.name))
            return &provider;
    }
    return nullptr;
}

bool takes(const ProviderFlags& provider, const char* flag)
{
    for (const char* name : provider.flags) {
        if (qstrcmp(name, flag) == 0)
            return true;
    }
    return false;
}

// The registry id for a command-line provider name and its flags.
QString registryId(const QString& name, const QJsonObject& config)
{
    if (name == QLatin1String("github")) {
        const QString api = config.value(QStringLiteral("apiUrl")).toString();
        const bool enterprise =
            !api.isEmpty() && QUrl(api).host() != QLatin1String("api.github.com");
        return enterprise ? QStringLiteral("github-enterprise") : name;
    }
    if (name == QLatin1String("jira"))
        return config.contains(QStringLiteral("email")) ? QStringLiteral("jira-cloud")
                                                        : QStringLiteral("jira-server");
    return name;
}

Result<QJsonObject> pairs(const QString& flag, const QStringList& values)
{
    QJsonObject object;
    for (const QString& value : values) {
        const qsizetype equals = value.indexOf(QLatin1Char('='));
        const QString name = value.left(equals).trimmed();
        const QString text = value.mid(equals + 1).trimmed();
        if (equals <= 0 || name.isEmpty() || text.isEmpty())
            return Error::usage(
                QStringLiteral("--%1 takes NAME=VALUE, not '%2'.").arg(flag, value));
        if (object.contains(name))
            return Error::usage(QStringLiteral("--%1 names %2 twice.").arg(flag, name));
        object.insert(name, text);
    }
    return object;
}

} // namespace

QList<QCommandLineOption> ConnectionFlags::options()
{
    QList<QCommandLineOption> options;
    for (const Flag& flag : flags)
        options.append(QCommandLineOption(QString::fromLatin1(flag.name),
                                          QString::fromLatin1(flag.description),
                                          QString::fromLatin1(flag.valueName)));
    return options;
}

QStringList ConnectionFlags::providerNames()
{
    QStringList names;
    for (const ProviderFlags& provider : providers)
        names.append(QString::fromLatin1(provider.name));
    return names;
}

Result<ConnectionDraft> ConnectionFlags::draft(const QString& providerName,
                                               const QCommandLineParser& parser)
{
    const ProviderFlags* provider = findProvider(providerName);
    if (!provider)
        return Error::usage(QStringLiteral("Unknown provider '%1'; known providers: %2.")
                                .arg(providerName, providerNames().join(QStringLiteral(", "))));
    ConnectionDraft draft;
    for (const Flag& flag : flags) {
        const QString name = QString::fromLatin1(flag.name);
        if (!parser.isSet(name))
            continue;
        if (flag.configKey[0] == '\0') {
            draft.displayName = parser.value(name).trimmed();
            continue;
        }
        if (!takes(*provider, flag.name))
            return Error::usage(
                QStringLiteral("--%1 does not apply to %2.").arg(name, providerName));
        const QString key = QString::fromLatin1(flag.configKey);
        if (flag.shape == FlagShape::Pairs) {
            Result<QJsonObject> object = pairs(name, parser.values(name));
            if (!object)
                return object.error();
            draft.config.insert(key, *object);
        } else {
            if (parser.values(name).size() > 1)
                return Error::usage(QStringLiteral("--%1 is given more than once.").arg(name));
            draft.config.insert(key, parser.value(name));
        }
    }
    draft.provider = registryId(providerName, draft.config);
    const ProviderInfo* info = ProviderRegistry::builtIn().find(draft.provider);
    if (!info)
        return Error::usage(
            QStringLiteral("Release Deck cannot connect %1 yet.").arg(providerName));
    draft.category = info->category;
    if (Status valid = ProviderRegistry::builtIn().validateConfig(draft.provider, draft.config);
        !valid)
        return valid.error();
    return draft;
}

} // namespace ReleaseDeck
