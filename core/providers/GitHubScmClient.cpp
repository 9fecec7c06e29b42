#include "GitHubScmClient.h"

#include "RepositoryFields.h"

namespace ReleaseDeck {

namespace {

// Commits shortened as the provider shows them.
constexpr qsizetype ShortShaLength = 7;

ScmRelease releaseFrom(const QJsonObject& json)
{
    return {QString::number(json.value(QStringLiteral("id")).toInteger()),
            json.value(QStringLiteral("tag_name")).toString(),
            json.value(QStringLiteral("name")).toString(),
            QUrl(json.value(QStringLiteral("html_url")).toString())};
}

bool alreadyExists(const Error& error)
{
    return error.kind == ErrorKind::Validation &&
           (error.message.contains(QStringLiteral("already exists"), Qt::CaseInsensitive) ||
            error.message.contains(QStringLiteral("already_exists"), Qt::CaseInsensitive));
}

} // namespace

GitHubScmClient::GitHubScmClient(GitHubTarget target, const QString& token, const HttpClient& http)
    : m_target(std::move(target))
    , m_api(m_target.endpoint(token, http))
{}

ProviderInfo GitHubScmClient::provider(bool enterprise)
{
    ProviderInfo info;
    info.id = enterprise ? QStringLiteral("github-enterprise") : QStringLiteral("github");
    info.category = ConnectionCategory::Scm;
    info.displayName = QString::fromUtf8(
        enterprise ? QT_TRANSLATE_NOOP("ProviderRegistry", "GitHub Enterprise Server")
                   : QT_TRANSLATE_NOOP("ProviderRegistry", "GitHub"));
    info.family = QStringLiteral("github");
    info.fitsConfig = [enterprise](const QJsonObject& config) {
        return GitHubTarget::isEnterprise(config) == enterprise;
    };
    for (const ProviderField& field : GitHubTarget::fields(enterprise))
        // People pick GitHub Enterprise Server for their own host; GitHub.com's API address
        // stays a command-line option.
        info.fields << (field.key == QLatin1String("apiUrl") && !enterprise
                            ? field.commandLineOnly()
                            : field);
    info.fields << RepositoryFields::defaultBranch();
    info.createScm = [enterprise](const Connection& connection, const QString& token,
                                  const HttpClient& http, Database*) -> std::unique_ptr<ScmClient> {
        auto target = GitHubTarget::fromConfig(connection.config, enterprise);
        return std::make_unique<GitHubScmClient>(target.value(), token, http);
    };
    return info;
}

Result<VerificationReport> GitHubScmClient::verify()
{
    auto repo = repository();
    if (!repo) {
        if (repo.error().kind == ErrorKind::NotFound)
            return Error::notFound(
                QStringLiteral("The repository %1 does not exist on %2 or the token cannot see "
                               "it.")
                    .arg(m_target.fullName(), m_target.service));
        return repo.error();
    }
    if (!repo->canPush)
        return Error::forbidden(
            QStringLiteral("The token can read %1 on %2 but cannot push to it; give it write "
                           "access to the repository's contents.")
                .arg(repo->fullName, m_target.service));
    VerificationReport report;
    report.summary =
        QStringLiteral("Push access to %1 on %2.").arg(repo->fullName, m_target.service);
    report.details = {{QStringLiteral("repository"), repo->fullName},
                      {QStringLiteral("defaultBranch"), repo->defaultBranch},
                      {QStringLiteral("webUrl"), repo->webUrl.toString()},
                      {QStringLiteral("apiUrl"), m_target.apiUrl.toString()}};
    if (const auto expiresAt = m_api.tokenExpiresAt())
        report.details.insert(QStringLiteral("tokenExpiresAt"), expiresAt->toString(Qt::ISODate));
    return report;
}

Result<ScmRepository> GitHubScmClient::repository()
{
    auto json = m_api.sendForObject(m_api.get(m_target.repoPath()));
    if (!json)
        return json.error();
    ScmRepository repo;
    repo.fullName = json->value(QStringLiteral("full_name")).toString();
    repo.defaultBranch = json->value(QStringLiteral("default_branch")).toString();
    repo.canPush = json->value(QStringLiteral("permissions"))
                       .toObject()
                       .value(QStringLiteral("push"))
                       .toBool();
    repo.webUrl = QUrl(json->value(QStringLiteral("html_url")).toString());
    return repo;
}

Result<QList<ScmBranch>> GitHubScmClient::listBranches()
{
    auto items =
        m_api.collect(m_api.get(m_target.repoPath({QStringLiteral("branches")}),
                                QUrlQuery{{QStringLiteral("per_page"), QStringLiteral("100")}}),
                      Pagination::linkedItems());
    if (!items)
        return items.error();
    QList<ScmBranch> branches;
    for (const QJsonValue& item : std::as_const(*items)) {
        const QJsonObject branch = item.toObject();
        branches.append(
            {branch.value(QStringLiteral("name")).toString(), branch.value(QStringLiteral("commit"))
                                                                  .toObject()
                                                                  .value(QStringLiteral("sha"))
                                                                  .toString()});
    }
    return branches;
}

Result<std::optional<QString>> GitHubScmClient::refCommit(const QString& kind, const QString& name)
{
    auto ref = m_api.sendForObject(m_api.get(
        m_target.repoPath(QStringList{QStringLiteral("git"), QStringLiteral("ref"), kind} +
                          GitHubTarget::refSegments(name))));
    if (!ref) {
        if (ref.error().kind == ErrorKind::NotFound)
            return std::optional<QString>();
        return ref.error();
    }
    const QJsonObject object = ref->value(QStringLiteral("object")).toObject();
    const QString sha = object.value(QStringLiteral("sha")).toString();
    if (object.value(QStringLiteral("type")).toString() != QLatin1String("tag"))
        return std::optional<QString>(sha);
    auto tag = m_api.sendForObject(
        m_api.get(m_target.repoPath({QStringLiteral("git"), QStringLiteral("tags"), sha})));
    if (!tag)
        return tag.error();
    return std::optional<QString>(
        tag->value(QStringLiteral("object")).toObject().value(QStringLiteral("sha")).toString());
}

Result<QString> GitHubScmClient::commitOf(const QString& ref)
{
    auto commit = m_api.sendForObject(m_api.get(m_target.repoPath(
        QStringList{QStringLiteral("commits")} + GitHubTarget::refSegments(ref))));
    if (!commit) {
        if (commit.error().kind == ErrorKind::NotFound ||
            commit.error().kind == ErrorKind::Validation)
            return Error::notFound(QStringLiteral("%1 has no branch, tag or commit \"%2\" in %3.")
                                       .arg(m_target.service, ref, m_target.fullName()));
        return commit.error();
    }
    return commit->value(QStringLiteral("sha")).toString();
}

Result<bool> GitHubScmClient::branchExists(const QString& name)
{
    return exists(refCommit(QStringLiteral("heads"), name));
}

Result<bool> GitHubScmClient::tagExists(const QString& name)
{
    return exists(refCommit(QStringLiteral("tags"), name));
}

Status GitHubScmClient::postRef(const QString& kind, const QString& name, const QString& sha)
{
    auto created = m_api.send(m_api.json(
        "POST", m_target.repoPath({QStringLiteral("git"), QStringLiteral("refs")}),
        QJsonObject{{QStringLiteral("ref"), QStringLiteral("refs/%1/%2").arg(kind, name)},
                    {QStringLiteral("sha"), sha}}));
    return created ? Status() : Status(created.error());
}

Status GitHubScmClient::createRef(const QString& kind, const QString& name,
                                  const QString& commitSha, const QString& fromRef,
                                  const std::function<Status()>& create)
{
    return createUnlessSame(
        {kind == QLatin1String("heads") ? QStringLiteral("branch") : QStringLiteral("tag"), name,
         commitSha, fromRef, ShortShaLength, [this, &kind, &name] { return refCommit(kind, name); },
         create, &alreadyExists});
}

Result<ScmBranch> GitHubScmClient::createBranch(const QString& name, const QString& fromRef)
{
    auto sha = commitOf(fromRef);
    if (!sha)
        return sha.error();
    const QString heads = QStringLiteral("heads");
    if (Status created =
            createRef(heads, name, *sha, fromRef, [&] { return postRef(heads, name, *sha); });
        !created)
        return created.error();
    return ScmBranch{name, *sha};
}

Result<ScmTag> GitHubScmClient::createTag(const QString& name, const QString& ref,
                                          const QString& message)
{
    auto sha = commitOf(ref);
    if (!sha)
        return sha.error();
    const QString tags = QStringLiteral("tags");
    const auto create = [&]() -> Status {
        if (message.isEmpty())
            return postRef(tags, name, *sha);
        // An annotated tag: the tag object first, then the ref pointing at it.
        auto tagObject = m_api.sendForObject(
            m_api.json("POST", m_target.repoPath({QStringLiteral("git"), tags}),
                       QJsonObject{{QStringLiteral("tag"), name},
                                   {QStringLiteral("message"), message},
                                   {QStringLiteral("object"), *sha},
                                   {QStringLiteral("type"), QStringLiteral("commit")}}));
        if (!tagObject)
            return tagObject.error();
        return postRef(tags, name, tagObject->value(QStringLiteral("sha")).toString());
    };
    if (Status created = createRef(tags, name, *sha, ref, create); !created)
        return created.error();
    return ScmTag{name, *sha};
}

Result<QString> GitHubScmClient::generateReleaseNotes(const QString& fromTag, const QString& toTag)
{
    QJsonObject body{{QStringLiteral("tag_name"), toTag}};
    if (!fromTag.isEmpty())
        body.insert(QStringLiteral("previous_tag_name"), fromTag);
    auto notes = m_api.sendForObject(m_api.json(
        "POST", m_target.repoPath({QStringLiteral("releases"), QStringLiteral("generate-notes")}),
        body));
    if (!notes)
        return notes.error();
    return notes->value(QStringLiteral("body")).toString();
}

Result<std::optional<ScmRelease>> GitHubScmClient::releaseForTag(const QString& tag)
{
    auto release = m_api.sendForObject(m_api.get(
        m_target.repoPath(QStringList{QStringLiteral("releases"), QStringLiteral("tags")} +
                          GitHubTarget::refSegments(tag))));
    if (!release) {
        if (release.error().kind == ErrorKind::NotFound)
            return std::optional<ScmRelease>();
        return release.error();
    }
    return std::optional<ScmRelease>(releaseFrom(*release));
}

Result<ScmRelease> GitHubScmClient::createRelease(const QString& tag, const QString& name,
                                                  const QString& notes)
{
    auto existing = releaseForTag(tag);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return **existing;
    auto created =
        m_api.sendForObject(m_api.json("POST", m_target.repoPath({QStringLiteral("releases")}),
                                       QJsonObject{{QStringLiteral("tag_name"), tag},
                                                   {QStringLiteral("name"), name},
                                                   {QStringLiteral("body"), notes}}));
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

Result<ScmComparison> GitHubScmClient::compare(const QString& base, const QString& head)
{
    QJsonObject firstPage;
    auto commits = m_api.collect(
        m_api.get(m_target.repoPath(QStringList{QStringLiteral("compare")} +
                                    GitHubTarget::refSegments(base + QStringLiteral("...") + head)),
                  QUrlQuery{{QStringLiteral("per_page"), QStringLiteral("100")}}),
        [&firstPage](const HttpRequest& sent,
                     const HttpResponse& response) -> Result<Pagination::Page> {
            auto object = response.jsonObject();
            if (!object)
                return object.error();
            if (firstPage.isEmpty())
                firstPage = *object;
            return Pagination::linkedItems(QStringLiteral("commits"))(sent, response);
        });
    if (!commits)
        return commits.error();
    ScmComparison comparison;
    comparison.base = base;
    comparison.head = head;
    comparison.aheadBy = firstPage.value(QStringLiteral("ahead_by")).toInt();
    comparison.behindBy = firstPage.value(QStringLiteral("behind_by")).toInt();
    comparison.webUrl = QUrl(firstPage.value(QStringLiteral("html_url")).toString());
    for (const QJsonValue& item : std::as_const(*commits)) {
        const QJsonObject commit = item.toObject();
        const QJsonObject details = commit.value(QStringLiteral("commit")).toObject();
        comparison.commits.append(
            {commit.value(QStringLiteral("sha")).toString(),
             details.value(QStringLiteral("message")).toString().section(QLatin1Char('\n'), 0, 0),
             details.value(QStringLiteral("author"))
                 .toObject()
                 .value(QStringLiteral("name"))
                 .toString()});
    }
    return comparison;
}

} // namespace ReleaseDeck
