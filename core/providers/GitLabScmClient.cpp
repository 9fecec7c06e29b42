#include "GitLabScmClient.h"

#include "ProviderConfig.h"
#include "RepositoryFields.h"

namespace ReleaseDeck {

namespace {

const QString Service = QStringLiteral("GitLab");
constexpr int DeveloperAccess = 30;

// Commits shortened as the provider shows them.
constexpr qsizetype ShortShaLength = 8;

QString shortSha(const QString& sha)
{
    return sha.left(ShortShaLength);
}

QString accessName(int level)
{
    switch (level) {
    case 0:
        return QStringLiteral("no");
    case 5:
        return QStringLiteral("Minimal");
    case 10:
        return QStringLiteral("Guest");
    case 15:
        return QStringLiteral("Planner");
    case 20:
        return QStringLiteral("Reporter");
    case 30:
        return QStringLiteral("Developer");
    case 40:
        return QStringLiteral("Maintainer");
    default:
        return QStringLiteral("Owner");
    }
}

int accessLevel(const QJsonObject& project)
{
    const QJsonObject permissions = project.value(QStringLiteral("permissions")).toObject();
    int level = 0;
    for (const char* scope : {"project_access", "group_access"})
        level = qMax(level, permissions.value(QLatin1String(scope))
                                .toObject()
                                .value(QStringLiteral("access_level"))
                                .toInt());
    return level;
}

// GitLab answers 400 "Branch already exists" / "Tag v1 already exists", 409 for releases.
bool alreadyExists(const Error& error)
{
    return (error.kind == ErrorKind::Validation || error.kind == ErrorKind::Conflict) &&
           error.message.contains(QStringLiteral("already exists"), Qt::CaseInsensitive);
}

ScmRelease releaseFrom(const QJsonObject& json)
{
    const QString tag = json.value(QStringLiteral("tag_name")).toString();
    return {tag, tag, json.value(QStringLiteral("name")).toString(),
            QUrl(json.value(QStringLiteral("_links"))
                     .toObject()
                     .value(QStringLiteral("self"))
                     .toString())};
}

ScmCommit commitFrom(const QJsonObject& json)
{
    return {json.value(QStringLiteral("id")).toString(),
            json.value(QStringLiteral("title")).toString(),
            json.value(QStringLiteral("author_name")).toString()};
}

// Offset pagination: the Link rel="next" header, or x-next-page when a proxy drops Link.
Result<Pagination::Page> readGitLabPage(const HttpRequest& sent, const HttpResponse& response)
{
    auto items = response.jsonArray();
    if (!items)
        return items.error();
    Pagination::Page page{*items, std::nullopt};
    HttpRequest next = sent;
    next.url = Pagination::nextLink(response);
    const QByteArray nextPage = response.header("x-next-page").trimmed();
    if (next.url.isEmpty() && !nextPage.isEmpty()) {
        next.url = sent.url;
        QUrlQuery query(next.url);
        query.removeAllQueryItems(QStringLiteral("page"));
        query.addQueryItem(QStringLiteral("page"), QString::fromLatin1(nextPage));
        next.url.setQuery(query);
    }
    if (!next.url.isEmpty())
        page.next = next;
    return page;
}

} // namespace

QList<ProviderField> GitLabTarget::fields()
{
    return {ProviderField(QStringLiteral("project"), FieldKind::ProjectPath,
                          QT_TRANSLATE_NOOP("ProviderField", "Project path"),
                          QT_TRANSLATE_NOOP("ProviderField", "the GitLab project path"))
                .example(QT_TRANSLATE_NOOP("ProviderField", "group/subgroup/app"))
                .value(QStringLiteral("PATH")),
            ProviderField(QStringLiteral("apiUrl"), FieldKind::Url,
                          QT_TRANSLATE_NOOP("ProviderField", "API address"),
                          QT_TRANSLATE_NOOP("ProviderField", "the GitLab API address"))
                .optional()
                .example(QT_TRANSLATE_NOOP("ProviderField", "https://gitlab.com/api/v4 when empty"))
                .value(QStringLiteral("URL")),
            ProviderField(QStringLiteral("tokenType"), FieldKind::Choice,
                          QT_TRANSLATE_NOOP("ProviderField", "Token type"),
                          QT_TRANSLATE_NOOP("ProviderField", "the GitLab token type"))
                .optional()
                .choices({QStringLiteral("private"), QStringLiteral("oauth")})
                .example(QT_TRANSLATE_NOOP("ProviderField", "private when empty"))
                .value(QStringLiteral("TYPE"))
                .commandLineOnly()};
}

Result<GitLabTarget> GitLabTarget::fromConfig(const QJsonObject& config)
{
    if (Status checked = ProviderField::checkConfig(fields(), config, false); !checked)
        return checked.error();
    GitLabTarget target;
    target.apiUrl = ProviderConfig::url(config, QStringLiteral("apiUrl"),
                                        QUrl(QStringLiteral("https://gitlab.com/api/v4")));
    // A self-managed host (or relative-URL install) given alone: its REST API is below /api/v4.
    if (!target.apiUrl.path().endsWith(QLatin1String("/api/v4")))
        target.apiUrl.setPath(target.apiUrl.path() + QStringLiteral("/api/v4"));
    target.project = ProviderConfig::text(config, QStringLiteral("project"));
    while (target.project.endsWith(QLatin1Char('/')))
        target.project.chop(1);
    target.oauthToken =
        ProviderConfig::text(config, QStringLiteral("tokenType")) == QLatin1String("oauth");
    target.caBundle = config.value(QStringLiteral("caBundle")).toString();
    return target;
}

GitLabScmClient::GitLabScmClient(const GitLabTarget& target, const QString& token,
                                 const HttpClient& http)
    : m_target(target)
    , m_api(target.apiUrl,
            target.oauthToken ? HttpAuth::bearer(token) : HttpAuth::header("PRIVATE-TOKEN", token),
            Service, http, target.caBundle)
{}

ProviderInfo GitLabScmClient::provider()
{
    ProviderInfo info;
    info.id = QStringLiteral("gitlab");
    info.category = ConnectionCategory::Scm;
    info.displayName = QString::fromUtf8(QT_TRANSLATE_NOOP("ProviderRegistry", "GitLab"));
    info.fields = GitLabTarget::fields();
    info.fields << RepositoryFields::defaultBranch();
    info.createScm = [](const Connection& connection, const QString& token, const HttpClient& http,
                        Database*) -> std::unique_ptr<ScmClient> {
        return std::make_unique<GitLabScmClient>(
            GitLabTarget::fromConfig(connection.config).value(), token, http);
    };
    return info;
}

QString GitLabScmClient::projectPath(const QStringList& segments) const
{
    return RestEndpoint::path(QStringList{QStringLiteral("projects"), m_target.project} + segments);
}

Result<VerificationReport> GitLabScmClient::verify()
{
    auto project = m_api.sendForObject(m_api.get(projectPath()));
    if (!project) {
        if (RestEndpoint::isNotFound(project.error()))
            return Error::notFound(QStringLiteral("The project %1 does not exist on %2 or the "
                                                  "token cannot see it.")
                                       .arg(m_target.project, m_target.apiUrl.host()));
        return project.error();
    }
    const int level = accessLevel(*project);
    if (level < DeveloperAccess)
        return Error::forbidden(QStringLiteral("The token has %1 access to %2 on GitLab; pushing "
                                               "branches and tags needs Developer or higher.")
                                    .arg(accessName(level), m_target.project));
    VerificationReport report;
    report.summary = QStringLiteral("%1 access to %2 on %3.")
                         .arg(accessName(level), m_target.project, m_target.apiUrl.host());
    report.details = {{QStringLiteral("repository"),
                       project->value(QStringLiteral("path_with_namespace")).toString()},
                      {QStringLiteral("defaultBranch"),
                       project->value(QStringLiteral("default_branch")).toString()},
                      {QStringLiteral("accessLevel"), level},
                      {QStringLiteral("apiUrl"), m_target.apiUrl.toString()}};
    return report;
}

Result<ScmRepository> GitLabScmClient::repository()
{
    auto project = m_api.sendForObject(m_api.get(projectPath()));
    if (!project)
        return project.error();
    return ScmRepository{project->value(QStringLiteral("path_with_namespace")).toString(),
                         project->value(QStringLiteral("default_branch")).toString(),
                         accessLevel(*project) >= DeveloperAccess,
                         QUrl(project->value(QStringLiteral("web_url")).toString())};
}

Result<QList<ScmBranch>> GitLabScmClient::listBranches()
{
    auto items = m_api.collect(
        m_api.get(projectPath({QStringLiteral("repository"), QStringLiteral("branches")}),
                  QUrlQuery{{QStringLiteral("per_page"), QStringLiteral("100")}}),
        &readGitLabPage);
    if (!items)
        return items.error();
    QList<ScmBranch> branches;
    for (const QJsonValue& item : std::as_const(*items)) {
        const QJsonObject branch = item.toObject();
        branches.append(
            {branch.value(QStringLiteral("name")).toString(), branch.value(QStringLiteral("commit"))
                                                                  .toObject()
                                                                  .value(QStringLiteral("id"))
                                                                  .toString()});
    }
    return branches;
}

Result<std::optional<QString>> GitLabScmClient::refCommit(const QString& kind, const QString& name)
{
    auto ref =
        m_api.sendForObject(m_api.get(projectPath({QStringLiteral("repository"), kind, name})));
    if (!ref) {
        if (RestEndpoint::isNotFound(ref.error()))
            return std::optional<QString>();
        return ref.error();
    }
    return std::optional<QString>(
        ref->value(QStringLiteral("commit")).toObject().value(QStringLiteral("id")).toString());
}

Result<QString> GitLabScmClient::commitOf(const QString& ref)
{
    auto commit = m_api.sendForObject(
        m_api.get(projectPath({QStringLiteral("repository"), QStringLiteral("commits"), ref})));
    if (!commit) {
        if (RestEndpoint::isNotFound(commit.error()))
            return Error::notFound(QStringLiteral("GitLab has no branch, tag or commit \"%1\" in "
                                                  "%2.")
                                       .arg(ref, m_target.project));
        return commit.error();
    }
    return commit->value(QStringLiteral("id")).toString();
}

Result<bool> GitLabScmClient::branchExists(const QString& name)
{
    return exists(refCommit(QStringLiteral("branches"), name));
}

Result<bool> GitLabScmClient::tagExists(const QString& name)
{
    return exists(refCommit(QStringLiteral("tags"), name));
}

Status GitLabScmClient::createRef(const QString& kind, const QString& name,
                                  const QString& commitSha, const QString& fromRef,
                                  const QJsonObject& body)
{
    return createUnlessSame(
        {kind == QLatin1String("branches") ? QStringLiteral("branch") : QStringLiteral("tag"), name,
         commitSha, fromRef, ShortShaLength, [this, &kind, &name] { return refCommit(kind, name); },
         [this, &kind, &body]() -> Status {
             auto created = m_api.sendForObject(
                 m_api.json("POST", projectPath({QStringLiteral("repository"), kind}), body));
             return created ? Status() : Status(created.error());
         },
         &alreadyExists});
}

Result<ScmBranch> GitLabScmClient::createBranch(const QString& name, const QString& fromRef)
{
    auto sha = commitOf(fromRef);
    if (!sha)
        return sha.error();
    if (Status created =
            createRef(QStringLiteral("branches"), name, *sha, fromRef,
                      {{QStringLiteral("branch"), name}, {QStringLiteral("ref"), *sha}});
        !created)
        return created.error();
    return ScmBranch{name, *sha};
}

Result<ScmTag> GitLabScmClient::createTag(const QString& name, const QString& ref,
                                          const QString& message)
{
    auto sha = commitOf(ref);
    if (!sha)
        return sha.error();
    QJsonObject body{{QStringLiteral("tag_name"), name}, {QStringLiteral("ref"), *sha}};
    if (!message.isEmpty())
        body.insert(QStringLiteral("message"), message);
    if (Status created = createRef(QStringLiteral("tags"), name, *sha, ref, body); !created)
        return created.error();
    return ScmTag{name, *sha};
}

Result<QList<ScmCommit>> GitLabScmClient::commitsBetween(const QString& from, const QString& to,
                                                         QUrl* webUrl)
{
    QList<ScmCommit> commits;
    if (from.isEmpty()) {
        auto items = m_api.collect(
            m_api.get(projectPath({QStringLiteral("repository"), QStringLiteral("commits")}),
                      QUrlQuery{{QStringLiteral("ref_name"), to},
                                {QStringLiteral("per_page"), QStringLiteral("100")}}),
            &readGitLabPage);
        if (!items)
            return items.error();
        for (const QJsonValue& item : std::as_const(*items))
            commits.append(commitFrom(item.toObject()));
        return commits;
    }
    auto comparison = m_api.sendForObject(
        m_api.get(projectPath({QStringLiteral("repository"), QStringLiteral("compare")}),
                  QUrlQuery{{QStringLiteral("from"), from}, {QStringLiteral("to"), to}}));
    if (!comparison)
        return comparison.error();
    const QJsonArray items = comparison->value(QStringLiteral("commits")).toArray();
    for (const QJsonValue& item : items)
        commits.append(commitFrom(item.toObject()));
    if (webUrl)
        *webUrl = QUrl(comparison->value(QStringLiteral("web_url")).toString());
    return commits;
}

Result<QString> GitLabScmClient::generateReleaseNotes(const QString& fromTag, const QString& toTag)
{
    auto commits = commitsBetween(fromTag, toTag);
    if (!commits)
        return commits.error();
    QString notes = fromTag.isEmpty() ? QStringLiteral("## Changes in %1\n\n").arg(toTag)
                                      : QStringLiteral("## Changes since %1\n\n").arg(fromTag);
    if (commits->isEmpty())
        notes += QStringLiteral("No changes.\n");
    for (const ScmCommit& commit : std::as_const(*commits))
        notes += QStringLiteral("- %1 (%2, %3)\n")
                     .arg(commit.title, shortSha(commit.sha), commit.author);
    return notes;
}

Result<std::optional<ScmRelease>> GitLabScmClient::releaseForTag(const QString& tag)
{
    auto release = m_api.sendForObject(m_api.get(projectPath({QStringLiteral("releases"), tag})));
    if (!release) {
        if (RestEndpoint::isNotFound(release.error()))
            return std::optional<ScmRelease>();
        return release.error();
    }
    return std::optional<ScmRelease>(releaseFrom(*release));
}

Result<ScmRelease> GitLabScmClient::createRelease(const QString& tag, const QString& name,
                                                  const QString& notes)
{
    auto existing = releaseForTag(tag);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return **existing;
    auto created = m_api.sendForObject(m_api.json("POST", projectPath({QStringLiteral("releases")}),
                                                  {{QStringLiteral("tag_name"), tag},
                                                   {QStringLiteral("name"), name},
                                                   {QStringLiteral("description"), notes}}));
    if (created)
        return releaseFrom(*created);
    if (!alreadyExists(created.error()))
        return created.error();
    auto raced = releaseForTag(tag);
    if (!raced)
        return raced.error();
    if (!raced->has_value())
        return created.error();
    return **raced;
}

Result<ScmComparison> GitLabScmClient::compare(const QString& base, const QString& head)
{
    ScmComparison comparison;
    comparison.base = base;
    comparison.head = head;
    auto ahead = commitsBetween(base, head, &comparison.webUrl);
    if (!ahead)
        return ahead.error();
    auto behind = commitsBetween(head, base);
    if (!behind)
        return behind.error();
    comparison.commits = *ahead;
    comparison.aheadBy = int(ahead->size());
    comparison.behindBy = int(behind->size());
    return comparison;
}

} // namespace ReleaseDeck
