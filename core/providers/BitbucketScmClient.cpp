#include "BitbucketScmClient.h"

#include "ProviderConfig.h"
#include "RepositoryFields.h"

namespace ReleaseDeck {

namespace {

const QString Service = QStringLiteral("Bitbucket");

// Commits shortened as Bitbucket shows them.
constexpr qsizetype ShortShaLength = 12;

// Bitbucket 2.0 pages: {"values": [...], "next": "<absolute URL>"}.
Result<Pagination::Page> readBitbucketPage(const HttpRequest& sent, const HttpResponse& response)
{
    auto object = response.jsonObject();
    if (!object)
        return object.error();
    Pagination::Page page{object->value(QStringLiteral("values")).toArray(), std::nullopt};
    const QString next = object->value(QStringLiteral("next")).toString();
    if (!next.isEmpty()) {
        HttpRequest request = sent;
        request.url = response.url.resolved(QUrl(next));
        page.next = request;
    }
    return page;
}

ScmCommit commitFrom(const QJsonObject& json)
{
    const QJsonObject author = json.value(QStringLiteral("author")).toObject();
    QString name = author.value(QStringLiteral("user"))
                       .toObject()
                       .value(QStringLiteral("display_name"))
                       .toString();
    if (name.isEmpty())
        name = author.value(QStringLiteral("raw")).toString().section(QStringLiteral(" <"), 0, 0);
    return {json.value(QStringLiteral("hash")).toString(),
            json.value(QStringLiteral("message")).toString().section(QLatin1Char('\n'), 0, 0),
            name};
}

bool canWrite(const QString& permission)
{
    return permission == QLatin1String("write") || permission == QLatin1String("admin");
}

// Access tokens name their scopes in x-oauth-scopes, e.g. "repository:write, pullrequest".
bool scopesAllowWrite(const QByteArray& scopes)
{
    for (const QByteArray& scope : scopes.split(',')) {
        const QByteArray trimmed = scope.trimmed();
        if (trimmed == "repository:write" || trimmed == "repository:admin")
            return true;
    }
    return false;
}

} // namespace

QList<ProviderField> BitbucketTarget::fields()
{
    return {
        ProviderField(QStringLiteral("workspace"), FieldKind::Slug,
                      QT_TRANSLATE_NOOP("ProviderField", "Workspace"),
                      QT_TRANSLATE_NOOP("ProviderField", "the workspace"))
            .example(QT_TRANSLATE_NOOP("ProviderField", "acme"))
            .value(QStringLiteral("WORKSPACE")),
        RepositoryFields::repository(),
        ProviderField(QStringLiteral("username"), FieldKind::UserName,
                      QT_TRANSLATE_NOOP("ProviderField", "User name"),
                      QT_TRANSLATE_NOOP("ProviderField", "the Bitbucket user name"))
            .optional()
            .example(QT_TRANSLATE_NOOP("ProviderField", "for an app password"))
            .value(QStringLiteral("NAME"))
            .commandLineOnly(),
        ProviderField(QStringLiteral("apiUrl"), FieldKind::Url,
                      QT_TRANSLATE_NOOP("ProviderField", "API address"),
                      QT_TRANSLATE_NOOP("ProviderField", "the Bitbucket API address"))
            .optional()
            .example(QT_TRANSLATE_NOOP("ProviderField", "https://api.bitbucket.org/2.0 when empty"))
            .value(QStringLiteral("URL"))
            .commandLineOnly()};
}

Result<BitbucketTarget> BitbucketTarget::fromConfig(const QJsonObject& config)
{
    if (Status checked = ProviderField::checkConfig(fields(), config, false); !checked)
        return checked.error();
    BitbucketTarget target;
    target.apiUrl = ProviderConfig::url(config, QStringLiteral("apiUrl"),
                                        QUrl(QStringLiteral("https://api.bitbucket.org/2.0")));
    target.workspace = ProviderConfig::text(config, QStringLiteral("workspace"));
    target.repo = ProviderConfig::text(config, QStringLiteral("repo"));
    target.username = ProviderConfig::text(config, QStringLiteral("username"));
    return target;
}

BitbucketScmClient::BitbucketScmClient(const BitbucketTarget& target, const QString& token,
                                       const HttpClient& http)
    : m_target(target)
    , m_api(target.apiUrl,
            target.username.isEmpty() ? HttpAuth::bearer(token)
                                      : HttpAuth::basic(target.username, token),
            Service, http)
{}

ProviderInfo BitbucketScmClient::provider()
{
    ProviderInfo info;
    info.id = QStringLiteral("bitbucket");
    info.category = ConnectionCategory::Scm;
    info.displayName = QString::fromUtf8(QT_TRANSLATE_NOOP("ProviderRegistry", "Bitbucket Cloud"));
    info.fields = BitbucketTarget::fields();
    info.fields << RepositoryFields::defaultBranch();
    info.createScm = [](const Connection& connection, const QString& token, const HttpClient& http,
                        Database*) -> std::unique_ptr<ScmClient> {
        return std::make_unique<BitbucketScmClient>(
            BitbucketTarget::fromConfig(connection.config).value(), token, http);
    };
    return info;
}

QString BitbucketScmClient::repoPath(const QStringList& segments) const
{
    return RestEndpoint::path(
        QStringList{QStringLiteral("repositories"), m_target.workspace, m_target.repo} + segments);
}

Result<QString> BitbucketScmClient::permission(const HttpResponse& repositoryAnswer)
{
    const QString query = QStringLiteral("repository.full_name=\"%1\"").arg(m_target.fullName());
    auto answer = m_api.sendForObject(
        m_api.get(RestEndpoint::path({QStringLiteral("user"), QStringLiteral("permissions"),
                                      QStringLiteral("repositories")}),
                  QUrlQuery{{QStringLiteral("q"), query}}));
    if (!answer) {
        // Repository and workspace access tokens are no user: their scopes tell instead.
        if ((answer.error().kind == ErrorKind::Unauthorized ||
             answer.error().kind == ErrorKind::Forbidden) &&
            m_target.username.isEmpty() && !repositoryAnswer.header("x-oauth-scopes").isEmpty())
            return scopesAllowWrite(repositoryAnswer.header("x-oauth-scopes"))
                       ? QStringLiteral("write")
                       : QStringLiteral("read");
        return answer.error();
    }
    const QJsonArray values = answer->value(QStringLiteral("values")).toArray();
    for (const QJsonValue& value : values) {
        const QJsonObject entry = value.toObject();
        if (entry.value(QStringLiteral("repository"))
                .toObject()
                .value(QStringLiteral("full_name"))
                .toString()
                .compare(m_target.fullName(), Qt::CaseInsensitive) == 0)
            return entry.value(QStringLiteral("permission")).toString();
    }
    return QString();
}

Result<VerificationReport> BitbucketScmClient::verify()
{
    auto answer = m_api.send(m_api.get(repoPath()));
    if (!answer) {
        if (RestEndpoint::isNotFound(answer.error()))
            return Error::notFound(QStringLiteral("The repository %1 does not exist on Bitbucket "
                                                  "or the credentials cannot see it.")
                                       .arg(m_target.fullName()));
        return answer.error();
    }
    auto json = answer->jsonObject();
    if (!json)
        return json.error();
    auto access = permission(*answer);
    if (!access)
        return access.error();
    if (!canWrite(*access))
        return Error::forbidden(
            QStringLiteral("The credentials can read %1 on Bitbucket but cannot push to it; "
                           "grant write access to the repository.")
                .arg(m_target.fullName()));
    VerificationReport report;
    report.summary = QStringLiteral("%1 access to %2 on Bitbucket.")
                         .arg(access->left(1).toUpper() + access->mid(1), m_target.fullName());
    report.details = {{QStringLiteral("repository"), m_target.fullName()},
                      {QStringLiteral("permission"), *access},
                      {QStringLiteral("defaultBranch"), json->value(QStringLiteral("mainbranch"))
                                                            .toObject()
                                                            .value(QStringLiteral("name"))
                                                            .toString()}};
    return report;
}

Result<ScmRepository> BitbucketScmClient::repository()
{
    auto answer = m_api.send(m_api.get(repoPath()));
    if (!answer)
        return answer.error();
    auto json = answer->jsonObject();
    if (!json)
        return json.error();
    auto access = permission(*answer);
    if (!access)
        return access.error();
    return ScmRepository{json->value(QStringLiteral("full_name")).toString(),
                         json->value(QStringLiteral("mainbranch"))
                             .toObject()
                             .value(QStringLiteral("name"))
                             .toString(),
                         canWrite(*access),
                         QUrl(json->value(QStringLiteral("links"))
                                  .toObject()
                                  .value(QStringLiteral("html"))
                                  .toObject()
                                  .value(QStringLiteral("href"))
                                  .toString())};
}

Result<QList<ScmBranch>> BitbucketScmClient::listBranches()
{
    auto items =
        m_api.collect(m_api.get(repoPath({QStringLiteral("refs"), QStringLiteral("branches")}),
                                QUrlQuery{{QStringLiteral("pagelen"), QStringLiteral("100")}}),
                      &readBitbucketPage);
    if (!items)
        return items.error();
    QList<ScmBranch> branches;
    for (const QJsonValue& item : std::as_const(*items)) {
        const QJsonObject branch = item.toObject();
        branches.append(
            {branch.value(QStringLiteral("name")).toString(), branch.value(QStringLiteral("target"))
                                                                  .toObject()
                                                                  .value(QStringLiteral("hash"))
                                                                  .toString()});
    }
    return branches;
}

Result<std::optional<QString>> BitbucketScmClient::refCommit(const QString& kind,
                                                             const QString& name)
{
    auto ref = m_api.sendForObject(m_api.get(repoPath({QStringLiteral("refs"), kind, name})));
    if (!ref) {
        if (RestEndpoint::isNotFound(ref.error()))
            return std::optional<QString>();
        return ref.error();
    }
    return std::optional<QString>(
        ref->value(QStringLiteral("target")).toObject().value(QStringLiteral("hash")).toString());
}

Result<QString> BitbucketScmClient::commitOf(const QString& ref)
{
    auto commit = m_api.sendForObject(m_api.get(repoPath({QStringLiteral("commit"), ref})));
    if (!commit) {
        if (RestEndpoint::isNotFound(commit.error()))
            return Error::notFound(
                QStringLiteral("Bitbucket has no branch, tag or commit \"%1\" in %2.")
                    .arg(ref, m_target.fullName()));
        return commit.error();
    }
    return commit->value(QStringLiteral("hash")).toString();
}

Result<bool> BitbucketScmClient::branchExists(const QString& name)
{
    return exists(refCommit(QStringLiteral("branches"), name));
}

Result<bool> BitbucketScmClient::tagExists(const QString& name)
{
    return exists(refCommit(QStringLiteral("tags"), name));
}

Status BitbucketScmClient::createRef(const QString& kind, const QString& name, const QString& sha,
                                     const QString& fromRef, const QString& message)
{
    return createUnlessSame(
        {kind == QLatin1String("branches") ? QStringLiteral("branch") : QStringLiteral("tag"), name,
         sha, fromRef, ShortShaLength, [this, &kind, &name] { return refCommit(kind, name); },
         [&]() -> Status {
             QJsonObject body{
                 {QStringLiteral("name"), name},
                 {QStringLiteral("target"), QJsonObject{{QStringLiteral("hash"), sha}}}};
             if (!message.isEmpty())
                 body.insert(QStringLiteral("message"), message);
             auto created =
                 m_api.send(m_api.json("POST", repoPath({QStringLiteral("refs"), kind}), body));
             return created ? Status() : Status(created.error());
         },
         // Bitbucket refuses an existing ref with 400 or 409 and varying words.
         [](const Error& error) {
             return error.kind == ErrorKind::Validation || error.kind == ErrorKind::Conflict;
         }});
}

Result<ScmBranch> BitbucketScmClient::createBranch(const QString& name, const QString& fromRef)
{
    auto sha = commitOf(fromRef);
    if (!sha)
        return sha.error();
    if (Status created = createRef(QStringLiteral("branches"), name, *sha, fromRef, {}); !created)
        return created.error();
    return ScmBranch{name, *sha};
}

Result<ScmTag> BitbucketScmClient::createTag(const QString& name, const QString& ref,
                                             const QString& message)
{
    auto sha = commitOf(ref);
    if (!sha)
        return sha.error();
    if (Status created = createRef(QStringLiteral("tags"), name, *sha, ref, message); !created)
        return created.error();
    return ScmTag{name, *sha};
}

Result<QList<ScmCommit>> BitbucketScmClient::commitsBetween(const QString& exclude,
                                                            const QString& include)
{
    QUrlQuery query{{QStringLiteral("include"), include},
                    {QStringLiteral("pagelen"), QStringLiteral("100")}};
    if (!exclude.isEmpty())
        query.addQueryItem(QStringLiteral("exclude"), exclude);
    auto items =
        m_api.collect(m_api.get(repoPath({QStringLiteral("commits")}), query), &readBitbucketPage);
    if (!items)
        return items.error();
    QList<ScmCommit> commits;
    for (const QJsonValue& item : std::as_const(*items))
        commits.append(commitFrom(item.toObject()));
    return commits;
}

Result<QString> BitbucketScmClient::generateReleaseNotes(const QString& fromTag,
                                                         const QString& toTag)
{
    auto commits = commitsBetween(fromTag, toTag);
    if (!commits)
        return commits.error();
    QString notes = fromTag.isEmpty() ? QStringLiteral("## Changes in %1\n\n").arg(toTag)
                                      : QStringLiteral("## Changes since %1\n\n").arg(fromTag);
    if (commits->isEmpty())
        notes += QStringLiteral("No changes.\n");
    for (const ScmCommit& commit : std::as_const(*commits))
        notes +=
            QStringLiteral("- %1 (%2, %3)\n").arg(commit.title, commit.sha.left(8), commit.author);
    return notes;
}

Result<ScmRelease> BitbucketScmClient::createRelease(const QString& tag, const QString&,
                                                     const QString&)
{
    return Error{ErrorKind::Validation,
                 QStringLiteral("Bitbucket has no releases; the tag %1 exists and its notes are "
                                "posted to chat instead.")
                     .arg(tag),
                 {}};
}

Result<ScmComparison> BitbucketScmClient::compare(const QString& base, const QString& head)
{
    auto ahead = commitsBetween(base, head);
    if (!ahead)
        return ahead.error();
    auto behind = commitsBetween(head, base);
    if (!behind)
        return behind.error();
    ScmComparison comparison;
    comparison.base = base;
    comparison.head = head;
    comparison.commits = *ahead;
    comparison.aheadBy = int(ahead->size());
    comparison.behindBy = int(behind->size());
    return comparison;
}

} // namespace ReleaseDeck
