#include "FakeGitHub.h"
#include "ResultText.h"
#include "TestCertificate.h"
#include "providers/GitHubTarget.h"
#include "providers/ProviderRegistry.h"

#include <QJsonArray>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

const QString Token = QStringLiteral("fake-github-token-for-tests");
const QString MainSha = QStringLiteral("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
const QString OtherSha = QStringLiteral("bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");

HttpSettings testSettings()
{
    HttpSettings settings;
    settings.totalTimeoutMs = 3000;
    settings.initialBackoffMs = 10;
    settings.maxBackoffMs = 50;
    return settings;
}

Connection connectionTo(const FakeGitHub& github,
                        const QString& provider = QStringLiteral("github"))
{
    Connection connection;
    connection.id = 7;
    connection.category = ConnectionCategory::Scm;
    connection.provider = provider;
    connection.config = github.config();
    return connection;
}

std::unique_ptr<ScmClient> clientFor(const FakeGitHub& github, const HttpClient& http,
                                     const QString& provider = QStringLiteral("github"))
{
    auto client =
        ProviderRegistry::builtIn().createScm(connectionTo(github, provider), Token, http);
    if (!client)
        qFatal("could not create the GitHub client: %s", failureOf(client).constData());
    return std::move(client).value();
}

void verifyGitHubHeaders(const RecordedRequest& request)
{
    QCOMPARE(request.header("authorization"), "Bearer " + Token.toUtf8());
    QCOMPARE(request.header("accept"), QByteArray("application/vnd.github+json"));
    QCOMPARE(request.header("x-github-api-version"), QByteArray("2022-11-28"));
}

} // namespace

class TestGitHubScm : public QObject
{
    Q_OBJECT

private slots:
    void repositoryWithBearerAuth()
    {
        FakeGitHub github;
        const HttpClient http(testSettings());
        auto repo = clientFor(github, http)->repository();
        QVERIFY2(repo.ok(), failureOf(repo).constData());
        QCOMPARE(repo->fullName, QStringLiteral("octo/app"));
        QCOMPARE(repo->defaultBranch, QStringLiteral("main"));
        QVERIFY(repo->canPush);
        QCOMPARE(repo->webUrl.toString(), QStringLiteral("https://github.example.test/octo/app"));
        const auto requests = github.requests("GET", QString());
        QCOMPARE(requests.size(), 1);
        verifyGitHubHeaders(requests.constFirst());
        QCOMPARE(requests.constFirst().path, QStringLiteral("/repos/octo/app"));
    }

    void enterpriseServerBaseUrl()
    {
        FakeGitHub github(QStringLiteral("/api/v3"));
        const HttpClient http(testSettings());
        auto repo = clientFor(github, http, QStringLiteral("github-enterprise"))->repository();
        QVERIFY2(repo.ok(), failureOf(repo).constData());
        QCOMPARE(github.server().requests().constFirst().path,
                 QStringLiteral("/api/v3/repos/octo/app"));
    }

    void enterpriseServerOverHttpsWithItsCaBundle()
    {
        const TestCertificate certificate;
        QVERIFY2(certificate.isValid(), qPrintable(certificate.error()));
        FakeGitHub github(QStringLiteral("/api/v3"), certificate.serverConfiguration());
        Connection connection = connectionTo(github, QStringLiteral("github-enterprise"));
        connection.config.insert(QStringLiteral("caBundle"), certificate.caBundlePath());
        const HttpClient http(testSettings());
        auto client = ProviderRegistry::builtIn().createScm(connection, Token, http);
        QVERIFY2(client.ok(), failureOf(client).constData());
        auto report = (*client)->verify();
        QVERIFY2(report.ok(), failureOf(report).constData());
        QCOMPARE(report->summary, QStringLiteral("Push access to octo/app on GitHub Enterprise."));
        QCOMPARE(report->details.value(QStringLiteral("apiUrl")).toString(),
                 github.apiUrl().toString());
        QVERIFY(github.apiUrl().toString().startsWith(QStringLiteral("https://127.0.0.1:")));
        QCOMPARE(github.server().requests().constFirst().path,
                 QStringLiteral("/api/v3/repos/octo/app"));
    }

    void enterpriseHostAloneGetsApiV3()
    {
        auto target = GitHubTarget::fromConfig(
            {{QStringLiteral("owner"), QStringLiteral("octo")},
             {QStringLiteral("repo"), QStringLiteral("app")},
             {QStringLiteral("apiUrl"), QStringLiteral("https://ghe.example.test")}},
            true);
        QVERIFY2(target.ok(), failureOf(target).constData());
        QCOMPARE(target->apiUrl.toString(), QStringLiteral("https://ghe.example.test/api/v3"));
        QCOMPARE(target->service, QStringLiteral("GitHub Enterprise"));
        auto dotCom = GitHubTarget::fromConfig({{QStringLiteral("owner"), QStringLiteral("octo")},
                                                {QStringLiteral("repo"), QStringLiteral("app")}},
                                               false);
        QCOMPARE(dotCom->apiUrl.toString(), QStringLiteral("https://api.github.com"));
        auto enterpriseWithoutUrl =
            GitHubTarget::fromConfig({{QStringLiteral("owner"), QStringLiteral("octo")},
                                      {QStringLiteral("repo"), QStringLiteral("app")}},
                                     true);
        QCOMPARE(enterpriseWithoutUrl.error().message, QStringLiteral("Enter the API address."));
    }

    void listBranchesFollowsPages()
    {
        FakeGitHub github;
        const QString path = github.repoPath(QStringLiteral("/branches"));
        const QUrl next = github.server().url(path);
        github.server().onRequest("GET", path, [next](const RecordedRequest& request) {
            const bool second =
                request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("2");
            QJsonArray branches;
            branches.append(QJsonObject{
                {QStringLiteral("name"), second ? QStringLiteral("dev") : QStringLiteral("main")},
                {QStringLiteral("commit"),
                 QJsonObject{{QStringLiteral("sha"), second ? OtherSha : MainSha}}}});
            FakeResponse response = FakeResponse::json(200, QJsonDocument(branches));
            if (!second)
                response.withHeader("Link",
                                    "<" + next.toEncoded() + "?per_page=100&page=2>; rel=\"next\"");
            return response;
        });
        const HttpClient http(testSettings());
        auto branches = clientFor(github, http)->listBranches();
        QVERIFY2(branches.ok(), failureOf(branches).constData());
        QCOMPARE(branches->size(), 2);
        QCOMPARE(branches->at(0).name, QStringLiteral("main"));
        QCOMPARE(branches->at(0).commitSha, MainSha);
        QCOMPARE(branches->at(1).name, QStringLiteral("dev"));
        const auto requests = github.requests("GET", QStringLiteral("/branches"));
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests[0].query.queryItemValue(QStringLiteral("per_page")),
                 QStringLiteral("100"));
        QCOMPARE(requests[1].query.queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
        verifyGitHubHeaders(requests[1]);
    }

    void branchExists()
    {
        FakeGitHub github;
        github.setBranch(QStringLiteral("release/1.0"), MainSha);
        const HttpClient http(testSettings());
        auto client = clientFor(github, http);
        QCOMPARE(client->branchExists(QStringLiteral("release/1.0")).value(), true);
        QCOMPARE(client->branchExists(QStringLiteral("release/2.0")).value(), false);
        QCOMPARE(github.count("GET", QStringLiteral("/git/ref/heads/release/1.0")), 1);
        QCOMPARE(github.count("GET", QStringLiteral("/git/ref/heads/release/2.0")), 1);
    }

    void createBranchTwiceCreatesOnce()
    {
        FakeGitHub github;
        github.setBranch(QStringLiteral("main"), MainSha);
        const HttpClient http(testSettings());
        auto client = clientFor(github, http);
        auto first = client->createBranch(QStringLiteral("release/1.0"), QStringLiteral("main"));
        QVERIFY2(first.ok(), failureOf(first).constData());
        QCOMPARE(first->commitSha, MainSha);
        auto second = client->createBranch(QStringLiteral("release/1.0"), QStringLiteral("main"));
        QVERIFY2(second.ok(), failureOf(second).constData());
        QCOMPARE(second->commitSha, MainSha);

        const auto posts = github.requests("POST", QStringLiteral("/git/refs"));
        QCOMPARE(posts.size(), 1);
        verifyGitHubHeaders(posts.constFirst());
        QCOMPARE(posts.constFirst().json().object(),
                 (QJsonObject{{QStringLiteral("ref"), QStringLiteral("refs/heads/release/1.0")},
                              {QStringLiteral("sha"), MainSha}}));
        QCOMPARE(github.count("GET", QStringLiteral("/commits/main")), 2);
    }

    void createBranchAtAnotherCommitConflicts()
    {
        FakeGitHub github;
        github.setBranch(QStringLiteral("main"), MainSha);
        github.setBranch(QStringLiteral("release/1.0"), OtherSha);
        const HttpClient http(testSettings());
        auto created = clientFor(github, http)
                           ->createBranch(QStringLiteral("release/1.0"), QStringLiteral("main"));
        QVERIFY(!created.ok());
        QCOMPARE(created.error().kind, ErrorKind::Conflict);
        QCOMPARE(created.error().message,
                 QStringLiteral("The branch release/1.0 already exists at bbbbbbb, not at aaaaaaa "
                                "(main)."));
        QCOMPARE(github.count("POST", QStringLiteral("/git/refs")), 0);
    }

    void createBranchRaceIsJudgedByWhatExists()
    {
        FakeGitHub github;
        github.setBranch(QStringLiteral("main"), MainSha);
        // The first look finds nothing; by the time we write, someone else created it.
        github.server().onSequence(
            "GET", github.repoPath(QStringLiteral("/git/ref/heads/hotfix")),
            {FakeResponse::json(404, "{\"message\":\"Not Found\"}"),
             FakeResponse::json(
                 200, QJsonDocument(QJsonObject{
                          {QStringLiteral("object"),
                           QJsonObject{{QStringLiteral("sha"), MainSha},
                                       {QStringLiteral("type"), QStringLiteral("commit")}}}}))});
        github.server().on("POST", github.repoPath(QStringLiteral("/git/refs")),
                           FakeResponse::json(422, "{\"message\":\"Reference already exists\"}"));
        const HttpClient http(testSettings());
        auto created =
            clientFor(github, http)->createBranch(QStringLiteral("hotfix"), QStringLiteral("main"));
        QVERIFY2(created.ok(), failureOf(created).constData());
        QCOMPARE(github.count("POST", QStringLiteral("/git/refs")), 1);
    }

    void createAnnotatedTagTwiceCreatesOnce()
    {
        FakeGitHub github;
        github.setBranch(QStringLiteral("release/1.0"), MainSha);
        const HttpClient http(testSettings());
        auto client = clientFor(github, http);
        QCOMPARE(client->tagExists(QStringLiteral("v1.0.0")).value(), false);
        for (int round = 0; round < 2; ++round) {
            auto tag = client->createTag(QStringLiteral("v1.0.0"), QStringLiteral("release/1.0"),
                                         QStringLiteral("Release 1.0.0"));
            QVERIFY2(tag.ok(), failureOf(tag).constData());
            QCOMPARE(tag->commitSha, MainSha);
        }
        QCOMPARE(client->tagExists(QStringLiteral("v1.0.0")).value(), true);

        const auto tagPosts = github.requests("POST", QStringLiteral("/git/tags"));
        QCOMPARE(tagPosts.size(), 1);
        QCOMPARE(tagPosts.constFirst().json().object(),
                 (QJsonObject{{QStringLiteral("tag"), QStringLiteral("v1.0.0")},
                              {QStringLiteral("message"), QStringLiteral("Release 1.0.0")},
                              {QStringLiteral("object"), MainSha},
                              {QStringLiteral("type"), QStringLiteral("commit")}}));
        const auto refPosts = github.requests("POST", QStringLiteral("/git/refs"));
        QCOMPARE(refPosts.size(), 1);
        const QJsonObject refBody = refPosts.constFirst().json().object();
        QCOMPARE(refBody.value(QStringLiteral("ref")).toString(),
                 QStringLiteral("refs/tags/v1.0.0"));
        // The ref points at the annotated tag object, not at the commit.
        QVERIFY(refBody.value(QStringLiteral("sha")).toString() != MainSha);
    }

    void lightweightTagAndConflict()
    {
        FakeGitHub github;
        github.setBranch(QStringLiteral("main"), MainSha);
        github.addCommit(OtherSha, OtherSha);
        const HttpClient http(testSettings());
        auto client = clientFor(github, http);
        auto tag = client->createTag(QStringLiteral("v2"), QStringLiteral("main"), QString());
        QVERIFY2(tag.ok(), failureOf(tag).constData());
        QCOMPARE(github.count("POST", QStringLiteral("/git/tags")), 0);
        QCOMPARE(github.requests("POST", QStringLiteral("/git/refs")).constFirst().json().object(),
                 (QJsonObject{{QStringLiteral("ref"), QStringLiteral("refs/tags/v2")},
                              {QStringLiteral("sha"), MainSha}}));
        auto moved = client->createTag(QStringLiteral("v2"), OtherSha, QString());
        QVERIFY(!moved.ok());
        QCOMPARE(moved.error().kind, ErrorKind::Conflict);
        QCOMPARE(moved.error().message,
                 QStringLiteral("The tag v2 already exists at aaaaaaa, not at bbbbbbb (%1).")
                     .arg(OtherSha));
    }

    void unknownBaseRefIsNotFound()
    {
        FakeGitHub github;
        const HttpClient http(testSettings());
        auto created = clientFor(github, http)
                           ->createBranch(QStringLiteral("release/1.0"), QStringLiteral("nope"));
        QVERIFY(!created.ok());
        QCOMPARE(created.error().kind, ErrorKind::NotFound);
        QCOMPARE(created.error().message,
                 QStringLiteral("GitHub has no branch, tag or commit \"nope\" in octo/app."));
    }

    void generateReleaseNotes()
    {
        FakeGitHub github;
        github.server().on(
            "POST", github.repoPath(QStringLiteral("/releases/generate-notes")),
            FakeResponse::json(
                200, QJsonDocument(QJsonObject{
                         {QStringLiteral("name"), QStringLiteral("v1.1")},
                         {QStringLiteral("body"), QStringLiteral("## What's Changed\n* Fix")}})));
        const HttpClient http(testSettings());
        auto notes = clientFor(github, http)
                         ->generateReleaseNotes(QStringLiteral("v1.0"), QStringLiteral("v1.1"));
        QVERIFY2(notes.ok(), failureOf(notes).constData());
        QCOMPARE(*notes, QStringLiteral("## What's Changed\n* Fix"));
        const auto posts = github.requests("POST", QStringLiteral("/releases/generate-notes"));
        QCOMPARE(posts.size(), 1);
        verifyGitHubHeaders(posts.constFirst());
        QCOMPARE(posts.constFirst().json().object(),
                 (QJsonObject{{QStringLiteral("tag_name"), QStringLiteral("v1.1")},
                              {QStringLiteral("previous_tag_name"), QStringLiteral("v1.0")}}));
    }

    void createReleaseTwiceCreatesOnce()
    {
        FakeGitHub github;
        github.pushCommit(QStringLiteral("main"), QStringLiteral("Initial commit"));
        const HttpClient http(testSettings());
        auto client = clientFor(github, http);
        QVERIFY(client->hasReleases());
        auto first = client->createRelease(QStringLiteral("v1.0"), QStringLiteral("1.0"),
                                           QStringLiteral("notes"));
        QVERIFY2(first.ok(), failureOf(first).constData());
        auto second = client->createRelease(QStringLiteral("v1.0"), QStringLiteral("1.0"),
                                            QStringLiteral("notes"));
        QVERIFY2(second.ok(), failureOf(second).constData());
        QCOMPARE(second->id, first->id);
        QCOMPARE(second->webUrl.toString(),
                 QStringLiteral("https://github.example.test/octo/app/releases/tag/v1.0"));
        const auto posts = github.requests("POST", QStringLiteral("/releases"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts.constFirst().json().object(),
                 (QJsonObject{{QStringLiteral("tag_name"), QStringLiteral("v1.0")},
                              {QStringLiteral("name"), QStringLiteral("1.0")},
                              {QStringLiteral("body"), QStringLiteral("notes")}}));
        QCOMPARE(github.count("GET", QStringLiteral("/releases/tags/v1.0")), 2);
        QCOMPARE(github.releasesCreated(), 1);
    }

    void createReleaseRaceReturnsTheExistingOne()
    {
        FakeGitHub github;
        github.server().onSequence(
            "GET", github.repoPath(QStringLiteral("/releases/tags/v3")),
            {FakeResponse::json(404, "{\"message\":\"Not Found\"}"),
             FakeResponse::json(200, "{\"id\":99,\"tag_name\":\"v3\",\"name\":\"3\"}")});
        github.server().on(
            "POST", github.repoPath(QStringLiteral("/releases")),
            FakeResponse::json(
                422, "{\"message\":\"Validation Failed\",\"errors\":[{\"resource\":"
                     "\"Release\",\"code\":\"already_exists\",\"field\":\"tag_name\"}]}"));
        const HttpClient http(testSettings());
        auto release = clientFor(github, http)
                           ->createRelease(QStringLiteral("v3"), QStringLiteral("3"), QString());
        QVERIFY2(release.ok(), failureOf(release).constData());
        QCOMPARE(release->id, QStringLiteral("99"));
    }

    void compareReadsCommitsOverPages()
    {
        FakeGitHub github;
        const QString path = github.repoPath(QStringLiteral("/compare/v1.0...v1.1"));
        const QUrl self = github.server().url(path);
        github.server().onRequest("GET", path, [self](const RecordedRequest& request) {
            const bool second =
                request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("2");
            const QJsonObject commit{
                {QStringLiteral("sha"), second ? OtherSha : MainSha},
                {QStringLiteral("commit"),
                 QJsonObject{{QStringLiteral("message"),
                              second ? QStringLiteral("Second") : QStringLiteral("First\n\nbody")},
                             {QStringLiteral("author"),
                              QJsonObject{{QStringLiteral("name"), QStringLiteral("Ana")}}}}}};
            FakeResponse response = FakeResponse::json(
                200,
                QJsonDocument(QJsonObject{
                    {QStringLiteral("ahead_by"), 2},
                    {QStringLiteral("behind_by"), 0},
                    {QStringLiteral("html_url"),
                     QStringLiteral("https://github.example.test/octo/app/compare/v1.0...v1.1")},
                    {QStringLiteral("commits"), QJsonArray{commit}}}));
            if (!second)
                response.withHeader("Link", "<" + self.toEncoded() + "?page=2>; rel=\"next\"");
            return response;
        });
        const HttpClient http(testSettings());
        auto comparison =
            clientFor(github, http)->compare(QStringLiteral("v1.0"), QStringLiteral("v1.1"));
        QVERIFY2(comparison.ok(), failureOf(comparison).constData());
        QCOMPARE(comparison->aheadBy, 2);
        QCOMPARE(comparison->commits.size(), 2);
        QCOMPARE(comparison->commits[0].title, QStringLiteral("First"));
        QCOMPARE(comparison->commits[0].author, QStringLiteral("Ana"));
        QCOMPARE(comparison->commits[1].sha, OtherSha);
        QCOMPARE(github.count("GET", QStringLiteral("/compare/v1.0...v1.1")), 2);
    }

    void verifyProvesPushAccess()
    {
        FakeGitHub github;
        github.setTokenExpiration("2099-01-01 00:00:00 UTC");
        const HttpClient http(testSettings());
        auto report = clientFor(github, http)->verify();
        QVERIFY2(report.ok(), failureOf(report).constData());
        QCOMPARE(report->summary, QStringLiteral("Push access to octo/app on GitHub."));
        QCOMPARE(report->details.value(QStringLiteral("tokenExpiresAt")).toString(),
                 QStringLiteral("2099-01-01T00:00:00Z"));
    }

    void verifyWithoutPushIsForbidden()
    {
        FakeGitHub github;
        github.setPushPermission(false);
        const HttpClient http(testSettings());
        auto report = clientFor(github, http)->verify();
        QVERIFY(!report.ok());
        QCOMPARE(report.error().kind, ErrorKind::Forbidden);
        QCOMPARE(report.error().message,
                 QStringLiteral("The token can read octo/app on GitHub but cannot push to it; "
                                "give it write access to the repository's contents."));
    }

    void verifyWithPastExpirationIsExpired()
    {
        FakeGitHub github;
        github.setTokenExpiration("2020-05-01 10:30:00 UTC");
        const HttpClient http(testSettings());
        auto report = clientFor(github, http)->verify();
        QVERIFY(!report.ok());
        QCOMPARE(report.error().kind, ErrorKind::Expired);
        QCOMPARE(report.error().message,
                 QStringLiteral("GitHub says the token expired on 2020-05-01 10:30 UTC; create a "
                                "new token."));
    }

    void expirationHeaderFormats()
    {
        QCOMPARE(GitHubTarget::parseExpiration("2021-10-07 19:07:53 UTC"),
                 QDateTime(QDate(2021, 10, 7), QTime(19, 7, 53), Qt::UTC));
        QCOMPARE(GitHubTarget::parseExpiration("2021-10-07 19:07:53 +0200"),
                 QDateTime(QDate(2021, 10, 7), QTime(17, 7, 53), Qt::UTC));
        QVERIFY(!GitHubTarget::parseExpiration("soon").has_value());
    }

    void verifyUnknownRepositoryIsNotFound()
    {
        FakeGitHub github;
        github.server().on("GET", github.repoPath(),
                           FakeResponse::json(404, "{\"message\":\"Not Found\"}"));
        const HttpClient http(testSettings());
        auto report = clientFor(github, http)->verify();
        QVERIFY(!report.ok());
        QCOMPARE(report.error().kind, ErrorKind::NotFound);
        QCOMPARE(report.error().message,
                 QStringLiteral("The repository octo/app does not exist on GitHub or the token "
                                "cannot see it."));
    }
};

QTEST_GUILESS_MAIN(TestGitHubScm)
#include "tst_githubscm.moc"
