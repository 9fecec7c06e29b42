#include "FakeGitHub.h"

#include "FakeGitHubPage.h"

#include <QMutexLocker>

namespace ReleaseDeck::Test {

struct FakeGitHub::State
{
    QMutex mutex;
    QString token;
    bool canPush = true;
    QByteArray tokenExpiration;
    FakeGitRepository git;
    QHash<QString, QJsonObject> releases; // tag → release
    QHash<QString, int> effects;          // "branch:NAME", "tag:NAME", "release:TAG", "notes:"
    qint64 nextId = 1000;

    int effectCount(const QString& kind, const QString& name) const
    {
        int count = 0;
        for (auto it = effects.cbegin(); it != effects.cend(); ++it) {
            if (name.isEmpty() ? it.key().startsWith(kind + QLatin1Char(':'))
                               : it.key() == kind + QLatin1Char(':') + name)
                count += it.value();
        }
        return count;
    }
};

namespace {

const QString WebUrl = QStringLiteral("https://github.example.test/octo/app");

FakeResponse json(int status, const QJsonObject& body)
{
    return FakeResponse::json(status, QJsonDocument(body));
}

FakeResponse notFound()
{
    return json(404, {{QStringLiteral("message"), QStringLiteral("Not Found")},
                      {QStringLiteral("documentation_url"),
                       QStringLiteral("https://docs.github.com/rest")}});
}

FakeResponse validationFailed(const QString& resource, const QString& code, const QString& field)
{
    return json(422, {{QStringLiteral("message"), QStringLiteral("Validation Failed")},
                      {QStringLiteral("errors"),
                       QJsonArray{QJsonObject{{QStringLiteral("resource"), resource},
                                              {QStringLiteral("code"), code},
                                              {QStringLiteral("field"), field}}}}});
}

QJsonObject commitJson(const FakeGitRepository::Commit& commit)
{
    return {{QStringLiteral("sha"), commit.sha},
            {QStringLiteral("commit"),
             QJsonObject{{QStringLiteral("message"), commit.message},
                         {QStringLiteral("author"),
                          QJsonObject{{QStringLiteral("name"), commit.author}}}}}};
}

} // namespace

FakeGitHub::FakeGitHub(const QString& apiPrefix, const QSslConfiguration& tls)
    : m_state(std::make_shared<State>())
    , m_actions(std::make_shared<FakeGitHubActions>())
    , m_apiPrefix(apiPrefix)
    , m_server(tls)
{
    for (const QByteArray& method : {QByteArray("GET"), QByteArray("POST")})
        m_server.onRequest(method, repoPath(QStringLiteral("*")),
                           [this](const RecordedRequest& request) { return answer(request); });
    m_server.onRequest("GET", repoPath(),
                       [this](const RecordedRequest& request) { return answer(request); });
}

QString FakeGitHub::repoPath(const QString& suffix) const
{
    return m_apiPrefix + QStringLiteral("/repos/") + owner() + QLatin1Char('/') + repo() + suffix;
}

QJsonObject FakeGitHub::config() const
{
    return {{QStringLiteral("owner"), owner()},
            {QStringLiteral("repo"), repo()},
            {QStringLiteral("apiUrl"), apiUrl().toString()}};
}

void FakeGitHub::setToken(const QString& token)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->token = token;
}

void FakeGitHub::setPushPermission(bool canPush)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->canPush = canPush;
}

void FakeGitHub::setTokenExpiration(const QByteArray& header)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->tokenExpiration = header;
}

void FakeGitHub::addCommit(const QString& ref, const QString& sha)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->git.addAlias(ref, sha);
}

void FakeGitHub::setBranch(const QString& name, const QString& sha)
{
    QMutexLocker lock(&m_state->mutex);
    m_state->git.setBranch(name, sha);
}

QString FakeGitHub::pushCommit(const QString& branch, const QString& message, const QString& author)
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->git.commit(branch, message, author);
}

QString FakeGitHub::commitOf(const QString& ref) const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->git.resolve(ref).value_or(QString());
}

void FakeGitHub::failNext(const QByteArray& method, const QString& suffix,
                          const FakeResponse& response, int times)
{
    m_server.failNext(method, repoPath(suffix), response, times);
}

int FakeGitHub::branchesCreated(const QString& name) const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->effectCount(QStringLiteral("branch"), name);
}

int FakeGitHub::tagsCreated(const QString& name) const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->effectCount(QStringLiteral("tag"), name);
}

int FakeGitHub::releasesCreated(const QString& tag) const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->effectCount(QStringLiteral("release"), tag);
}

int FakeGitHub::notesGenerated() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->effectCount(QStringLiteral("notes"), {});
}

QJsonObject FakeGitHub::release(const QString& tag) const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->releases.value(tag);
}

int FakeGitHub::count(const QByteArray& method, const QString& suffix) const
{
    return int(requests(method, suffix).size());
}

QList<RecordedRequest> FakeGitHub::requests(const QByteArray& method, const QString& suffix) const
{
    return m_server.requests(method, repoPath(suffix));
}

FakeResponse FakeGitHub::answer(const RecordedRequest& request)
{
    const QString path = request.path.mid(repoPath().size());
    FakeResponse response = notFound();
    QByteArray expiration;
    {
        QMutexLocker lock(&m_state->mutex);
        State& state = *m_state;
        expiration = state.tokenExpiration;
        if (!state.token.isEmpty() &&
            request.header("authorization") != "Bearer " + state.token.toUtf8())
            return json(401, {{QStringLiteral("message"), QStringLiteral("Bad credentials")},
                              {QStringLiteral("documentation_url"),
                               QStringLiteral("https://docs.github.com/rest")}});
        if (request.method == "GET" && path.isEmpty()) {
            response = json(
                200, {{QStringLiteral("full_name"), QString(owner() + QLatin1Char('/') + repo())},
                      {QStringLiteral("default_branch"), QStringLiteral("main")},
                      {QStringLiteral("html_url"), WebUrl},
                      {QStringLiteral("permissions"),
                       QJsonObject{{QStringLiteral("admin"), false},
                                   {QStringLiteral("push"), state.canPush},
                                   {QStringLiteral("pull"), true}}}});
        } else if (path.startsWith(QStringLiteral("/releases")) ||
                   path.startsWith(QStringLiteral("/compare/"))) {
            response = answerReleases(request, path, state);
        } else if (!path.startsWith(QStringLiteral("/actions/"))) {
            response = answerGitData(request, path, state);
        }
    }
    if (path.startsWith(QStringLiteral("/actions/")))
        response = m_actions->answer(request, path, m_server.url());
    if (!expiration.isEmpty())
        response.withHeader("github-authentication-token-expiration", expiration);
    return response;
}

FakeResponse FakeGitHub::answerGitData(const RecordedRequest& request, const QString& path,
                                       State& state)
{
    const QJsonObject body = request.json().object();
    const auto after = [&path](const QString& prefix) {
        return path.mid(prefix.size());
    };
    if (request.method == "GET" && path.startsWith(QStringLiteral("/commits/"))) {
        const QString ref = after(QStringLiteral("/commits/"));
        if (const auto sha = state.git.resolve(ref))
            return json(200, {{QStringLiteral("sha"), *sha}});
        return json(422, {{QStringLiteral("message"),
                           QString(QStringLiteral("No commit found for SHA: ") + ref)}});
    }
    if (request.method == "GET" && path == QLatin1String("/branches")) {
        QJsonArray branches;
        for (const QJsonObject& ref : state.git.refs(QStringLiteral("heads")))
            branches.append(QJsonObject{
                {QStringLiteral("name"), ref.value(QStringLiteral("ref")).toString().mid(11)},
                {QStringLiteral("commit"),
                 QJsonObject{{QStringLiteral("sha"), ref.value(QStringLiteral("object"))
                                                         .toObject()
                                                         .value(QStringLiteral("sha"))}}},
                {QStringLiteral("protected"), false}});
        const FakeGitHubPage page = FakeGitHubPage::of(branches, request, m_server.url());
        FakeResponse response = FakeResponse::json(200, QJsonDocument(page.items));
        if (!page.link.isEmpty())
            response.withHeader("Link", page.link);
        return response;
    }
    if (request.method == "GET" && path.startsWith(QStringLiteral("/git/ref/"))) {
        if (const auto ref = state.git.ref(after(QStringLiteral("/git/ref/"))))
            return json(200, *ref);
        return notFound();
    }
    if (request.method == "POST" && path == QLatin1String("/git/refs")) {
        const QString ref = body.value(QStringLiteral("ref")).toString().mid(5); // "refs/"
        const QString sha = body.value(QStringLiteral("sha")).toString();
        if (!state.git.knowsObject(sha))
            return json(422,
                        {{QStringLiteral("message"), QStringLiteral("Object does not exist")}});
        if (!state.git.createRef(ref, sha))
            return json(422,
                        {{QStringLiteral("message"), QStringLiteral("Reference already exists")}});
        const bool branch = ref.startsWith(QStringLiteral("heads/"));
        ++state.effects[(branch ? QStringLiteral("branch:") : QStringLiteral("tag:")) +
                        ref.section(QLatin1Char('/'), 1)];
        return json(201, *state.git.ref(ref));
    }
    if (request.method == "POST" && path == QLatin1String("/git/tags")) {
        const QString sha = body.value(QStringLiteral("object")).toString();
        if (!state.git.knowsObject(sha))
            return json(422,
                        {{QStringLiteral("message"), QStringLiteral("Object does not exist")}});
        return json(201, state.git.createTagObject(body.value(QStringLiteral("tag")).toString(),
                                                   body.value(QStringLiteral("message")).toString(),
                                                   sha));
    }
    if (request.method == "GET" && path.startsWith(QStringLiteral("/git/tags/"))) {
        if (const auto tag = state.git.tagObject(after(QStringLiteral("/git/tags/"))))
            return json(200, *tag);
    }
    return notFound();
}

FakeResponse FakeGitHub::answerReleases(const RecordedRequest& request, const QString& path,
                                        State& state)
{
    const QJsonObject body = request.json().object();
    if (request.method == "GET" && path.startsWith(QStringLiteral("/compare/")))
        return compare(request, path, state);
    if (request.method == "GET" && path.startsWith(QStringLiteral("/releases/tags/"))) {
        const QString tag = path.mid(QStringLiteral("/releases/tags/").size());
        if (state.releases.contains(tag))
            return json(200, state.releases.value(tag));
        return notFound();
    }
    if (request.method == "POST" && path == QLatin1String("/releases/generate-notes")) {
        const QString tag = body.value(QStringLiteral("tag_name")).toString();
        const QString previous = body.value(QStringLiteral("previous_tag_name")).toString();
        const QString target = body.value(QStringLiteral("target_commitish")).toString();
        const auto head =
            state.git.resolve(state.git.ref(QStringLiteral("tags/") + tag)
                                  ? tag
                                  : (target.isEmpty() ? QStringLiteral("main") : target));
        const auto base =
            previous.isEmpty() ? std::optional<QString>(QString()) : state.git.resolve(previous);
        if (!head || !base)
            return validationFailed(QStringLiteral("Release"), QStringLiteral("invalid"),
                                    head ? QStringLiteral("previous_tag_name")
                                         : QStringLiteral("target_commitish"));
        QString notes = QStringLiteral("## What's Changed\n");
        for (const auto& commit : state.git.commitsBetween(*base, *head))
            notes += QStringLiteral("* %1 by @%2 in %3\n")
                         .arg(commit.message.section(QLatin1Char('\n'), 0, 0), commit.author,
                              commit.sha.left(7));
        notes += QStringLiteral("\n**Full Changelog**: %1/compare/%2...%3")
                     .arg(WebUrl, previous.isEmpty() ? *head : previous, tag);
        ++state.effects[QStringLiteral("notes:")];
        return json(200, {{QStringLiteral("name"), tag}, {QStringLiteral("body"), notes}});
    }
    if (request.method == "POST" && path == QLatin1String("/releases")) {
        const QString tag = body.value(QStringLiteral("tag_name")).toString();
        if (state.releases.contains(tag))
            return validationFailed(QStringLiteral("Release"), QStringLiteral("already_exists"),
                                    QStringLiteral("tag_name"));
        if (!state.git.ref(QStringLiteral("tags/") + tag)) {
            // GitHub tags target_commitish (the default branch) for a release of a new tag.
            const QString target = body.value(QStringLiteral("target_commitish")).toString();
            const auto sha = state.git.resolve(target.isEmpty() ? QStringLiteral("main") : target);
            if (!sha)
                return validationFailed(QStringLiteral("Release"), QStringLiteral("invalid"),
                                        QStringLiteral("target_commitish"));
            state.git.createRef(QStringLiteral("tags/") + tag, *sha);
            ++state.effects[QStringLiteral("tag:") + tag];
        }
        const qint64 id = ++state.nextId;
        const QJsonObject release{
            {QStringLiteral("id"), id},
            {QStringLiteral("tag_name"), tag},
            {QStringLiteral("name"), body.value(QStringLiteral("name"))},
            {QStringLiteral("body"), body.value(QStringLiteral("body"))},
            {QStringLiteral("draft"), false},
            {QStringLiteral("prerelease"), false},
            {QStringLiteral("html_url"), QString(WebUrl + QStringLiteral("/releases/tag/") + tag)}};
        state.releases.insert(tag, release);
        ++state.effects[QStringLiteral("release:") + tag];
        return json(201, release);
    }
    return notFound();
}

FakeResponse FakeGitHub::compare(const RecordedRequest& request, const QString& path, State& state)
{
    const QString range = path.mid(QStringLiteral("/compare/").size());
    const qsizetype dots = range.indexOf(QStringLiteral("..."));
    if (dots <= 0)
        return notFound();
    const QString baseName = range.left(dots);
    const QString headName = range.mid(dots + 3);
    const auto base = state.git.resolve(baseName);
    const auto head = state.git.resolve(headName);
    if (!base || !head)
        return notFound();
    const auto ahead = state.git.commitsBetween(*base, *head);
    const auto behind = state.git.commitsBetween(*head, *base);
    QJsonArray commits;
    for (const auto& commit : ahead)
        commits.append(commitJson(commit));
    const FakeGitHubPage page = FakeGitHubPage::of(commits, request, m_server.url());
    const QString status = ahead.isEmpty() && behind.isEmpty() ? QStringLiteral("identical")
                           : behind.isEmpty()                  ? QStringLiteral("ahead")
                           : ahead.isEmpty()                   ? QStringLiteral("behind")
                                                               : QStringLiteral("diverged");
    FakeResponse response = json(
        200, {{QStringLiteral("status"), status},
              {QStringLiteral("ahead_by"), ahead.size()},
              {QStringLiteral("behind_by"), behind.size()},
              {QStringLiteral("total_commits"), ahead.size()},
              {QStringLiteral("html_url"), QString(WebUrl + QStringLiteral("/compare/") + baseName +
                                                   QStringLiteral("...") + headName)},
              {QStringLiteral("commits"), page.items}});
    if (!page.link.isEmpty())
        response.withHeader("Link", page.link);
    return response;
}

} // namespace ReleaseDeck::Test
