#include "ClockText.h"
#include "FakeHttpServer.h"
#include "FastHttpSettings.h"
#include "ResultText.h"
#include "providers/ConnectionVerifier.h"
#include "providers/GitLabScmClient.h"
#include "providers/ProviderRegistry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTcpServer>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

const QString Token = QStringLiteral("gl-test-token-not-real");
const QString Project = QStringLiteral("/api/v4/projects/group/sub/app");
const QByteArray EncodedProject = "/api/v4/projects/group%2Fsub%2Fapp";
const QString ShaA = QStringLiteral("aaaaaaaa11111111aaaaaaaa11111111aaaaaaaa");
const QString ShaB = QStringLiteral("bbbbbbbb22222222bbbbbbbb22222222bbbbbbbb");

GitLabTarget targetOf(const FakeHttpServer& server)
{
    QJsonObject config{{QStringLiteral("project"), QStringLiteral("group/sub/app")},
                       {QStringLiteral("apiUrl"), server.url("/api/v4").toString()}};
    return GitLabTarget::fromConfig(config).value();
}

QByteArray projectJson(int projectAccess, int groupAccess)
{
    QJsonObject permissions{
        {QStringLiteral("project_access"),
         projectAccess ? QJsonValue(QJsonObject{{QStringLiteral("access_level"), projectAccess}})
                       : QJsonValue()},
        {QStringLiteral("group_access"),
         groupAccess ? QJsonValue(QJsonObject{{QStringLiteral("access_level"), groupAccess}})
                     : QJsonValue()}};
    return QJsonDocument(
               QJsonObject{{QStringLiteral("id"), 42},
                           {QStringLiteral("path_with_namespace"), QStringLiteral("group/sub/app")},
                           {QStringLiteral("default_branch"), QStringLiteral("main")},
                           {QStringLiteral("web_url"),
                            QStringLiteral("https://gitlab.example.test/group/sub/app")},
                           {QStringLiteral("permissions"), permissions}})
        .toJson(QJsonDocument::Compact);
}

QByteArray refJson(const QString& name, const QString& sha)
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("name"), name},
                           {QStringLiteral("commit"), QJsonObject{{QStringLiteral("id"), sha}}}})
        .toJson(QJsonDocument::Compact);
}

QByteArray commitJson(const QString& sha)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("id"), sha}}).toJson(QJsonDocument::Compact);
}

QByteArray commitList(const QStringList& titles)
{
    QJsonArray commits;
    int n = 0;
    for (const QString& title : titles)
        commits.append(QJsonObject{
            {QStringLiteral("id"), QStringLiteral("%1").arg(++n, 40, 10, QLatin1Char('0'))},
            {QStringLiteral("title"), title},
            {QStringLiteral("author_name"), QStringLiteral("Ada")}});
    return QJsonDocument(commits).toJson(QJsonDocument::Compact);
}

QByteArray comparisonJson(const QStringList& titles)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("commits"),
                                      QJsonDocument::fromJson(commitList(titles)).array()},
                                     {QStringLiteral("web_url"),
                                      QStringLiteral("https://gitlab.example.test/compare")}})
        .toJson(QJsonDocument::Compact);
}

QByteArray releaseJson()
{
    return QJsonDocument(
               QJsonObject{{QStringLiteral("tag_name"), QStringLiteral("v1.4.0")},
                           {QStringLiteral("name"), QStringLiteral("1.4.0")},
                           {QStringLiteral("_links"),
                            QJsonObject{{QStringLiteral("self"),
                                         QStringLiteral("https://gitlab.example.test/group/sub/"
                                                        "app/-/releases/v1.4.0")}}}})
        .toJson(QJsonDocument::Compact);
}

void serveRefAndCommit(FakeHttpServer& server, const QString& ref, const QString& sha)
{
    server.on("GET", Project + QStringLiteral("/repository/commits/") + ref,
              FakeResponse::json(200, commitJson(sha)));
}

// What the ConnectionVerifier must store for a previously VALID connection.
VerificationStatus statusAfter(bool valid, ErrorKind kind)
{
    if (valid)
        return VerificationStatus::Valid;
    if (kind == ErrorKind::Expired)
        return VerificationStatus::Expired;
    if (kind == ErrorKind::Transient || kind == ErrorKind::RateLimited)
        return VerificationStatus::Valid;
    return VerificationStatus::Invalid;
}

void checkThroughVerifier(const QString& provider, const QJsonObject& config, bool valid,
                          ErrorKind kind, const QString& error)
{
    Connection connection;
    connection.id = 3;
    connection.category = ConnectionCategory::Scm;
    connection.provider = provider;
    connection.config = config;
    connection.status = VerificationStatus::Valid;
    connection.lastVerifiedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4), Qt::UTC);
    const ConnectionVerifier verifier(ProviderRegistry::builtIn(), fastSettings());
    const VerificationOutcome outcome = verifier.verify(connection, Token);
    QCOMPARE(outcome.status, statusAfter(valid, kind));
    QCOMPARE(withoutClockTimes(outcome.error), withoutClockTimes(error));
    const bool conclusive =
        valid || (kind != ErrorKind::Transient && kind != ErrorKind::RateLimited);
    QCOMPARE(outcome.conclusive, conclusive);
    // A verdict on the credentials is a verification; a failure to ask is not.
    if (conclusive)
        QVERIFY(outcome.lastVerifiedAt > connection.lastVerifiedAt);
    else
        QCOMPARE(outcome.lastVerifiedAt, connection.lastVerifiedAt);
}

} // namespace

class TestGitLabScmClient : public QObject
{
    Q_OBJECT

private slots:
    void repositoryUsesEncodedPathAndPrivateToken()
    {
        FakeHttpServer server;
        server.on("GET", Project, FakeResponse::json(200, projectJson(30, 0)));
        const HttpClient http(fastSettings());
        GitLabScmClient client(targetOf(server), Token, http);
        auto repo = client.repository();
        QVERIFY2(repo.ok(), failureOf(repo).constData());
        QCOMPARE(repo->fullName, QStringLiteral("group/sub/app"));
        QCOMPARE(repo->defaultBranch, QStringLiteral("main"));
        QVERIFY(repo->canPush);
        const auto requests = server.requests();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests[0].method, QByteArray("GET"));
        QCOMPARE(requests[0].target, EncodedProject);
        QCOMPARE(requests[0].header("private-token"), Token.toUtf8());
        QVERIFY(requests[0].header("authorization").isEmpty());
    }

    void oauthTokenIsSentAsBearer()
    {
        FakeHttpServer server;
        server.on("GET", Project, FakeResponse::json(200, projectJson(40, 0)));
        const HttpClient http(fastSettings());
        GitLabTarget target = targetOf(server);
        target.oauthToken = true;
        GitLabScmClient client(target, Token, http);
        QVERIFY(client.repository().ok());
        QCOMPARE(server.requests()[0].header("authorization"), "Bearer " + Token.toUtf8());
        QVERIFY(server.requests()[0].header("private-token").isEmpty());
    }

    void selfManagedHostGetsApiV4()
    {
        FakeHttpServer server;
        server.on("GET", Project, FakeResponse::json(200, projectJson(0, 40)));
        Connection connection;
        connection.category = ConnectionCategory::Scm;
        connection.provider = QStringLiteral("gitlab");
        connection.config = {{QStringLiteral("project"), QStringLiteral("group/sub/app")},
                             {QStringLiteral("apiUrl"), server.url().toString()}};
        const HttpClient http(fastSettings());
        auto report = ProviderRegistry::builtIn().verify(connection, Token, http);
        QVERIFY2(report.ok(), failureOf(report).constData());
        QCOMPARE(report->summary,
                 QStringLiteral("Maintainer access to group/sub/app on 127.0.0.1."));
        QCOMPARE(server.requests()[0].target, EncodedProject);
    }

    void verifyOutcomes_data()
    {
        QTest::addColumn<FakeResponse>("answer");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("developer")
            << FakeResponse::json(200, projectJson(30, 0)) << true << ErrorKind::Internal
            << QStringLiteral("Developer access to group/sub/app on "
                              "127.0.0.1.");
        QTest::newRow("group maintainer")
            << FakeResponse::json(200, projectJson(20, 40)) << true << ErrorKind::Internal
            << QStringLiteral("Maintainer access to group/sub/app on 127.0.0.1.");
        QTest::newRow("reporter") << FakeResponse::json(200, projectJson(20, 0)) << false
                                  << ErrorKind::Forbidden
                                  << QStringLiteral("The token has Reporter access to "
                                                    "group/sub/app on GitLab; pushing branches "
                                                    "and tags needs Developer or higher.");
        QTest::newRow("bad token")
            << FakeResponse::json(401, QByteArray(R"({"message":"401 Unauthorized"})")) << false
            << ErrorKind::Unauthorized
            << QStringLiteral("GitLab refused the credentials: 401 Unauthorized.");
        QTest::newRow("revoked")
            << FakeResponse::json(
                   401,
                   QByteArray(
                       R"({"error":"invalid_token","error_description":"Token was revoked. You have to re-authorize from the user."})"))
            << false << ErrorKind::Unauthorized
            << QStringLiteral("GitLab refused the credentials: invalid_token: Token was revoked. "
                              "You have to re-authorize from the user.");
        QTest::newRow("expired")
            << FakeResponse::json(
                   401,
                   QByteArray(
                       R"({"error":"invalid_token","error_description":"Token is expired. You can either do re-authorization or token refresh."})"))
            << false << ErrorKind::Expired
            << QStringLiteral("GitLab says the token has expired: invalid_token: Token is "
                              "expired. You can either do re-authorization or token refresh.");
        QTest::newRow("not found")
            << FakeResponse::json(404, QByteArray(R"({"message":"404 Project Not Found"})"))
            << false << ErrorKind::NotFound
            << QStringLiteral("The project group/sub/app does not exist on 127.0.0.1 or the "
                              "token cannot see it.");
        QTest::newRow("server error")
            << FakeResponse::htmlPage(502) << false << ErrorKind::Transient
            << QStringLiteral("GitLab failed: HTTP 502 from 127.0.0.1.");
        QTest::newRow("rate limited")
            << FakeResponse::json(429, QByteArray(R"({"message":"Retry later"})"))
                   .withHeader("Retry-After", "3600")
            << false << ErrorKind::RateLimited << QString();
    }

    void verifyOutcomes()
    {
        QFETCH(FakeResponse, answer);
        QFETCH(bool, valid);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, message);
        FakeHttpServer server;
        server.on("GET", Project, answer);
        const HttpClient http(fastSettings());
        GitLabScmClient client(targetOf(server), Token, http);
        auto report = client.verify();
        QCOMPARE(report.ok(), valid);
        if (valid) {
            QCOMPARE(report->summary, message);
        } else {
            QCOMPARE(report.error().kind, kind);
            if (kind == ErrorKind::RateLimited) {
                QVERIFY(report.error().retryAt.isValid());
                QVERIFY(report.error().message.startsWith(
                    QStringLiteral("GitLab rate limit reached; resets at")));
            } else {
                QCOMPARE(report.error().message, message);
            }
            QVERIFY(!report.error().message.contains(Token));
        }
        checkThroughVerifier(QStringLiteral("gitlab"),
                             {{QStringLiteral("project"), QStringLiteral("group/sub/app")},
                              {QStringLiteral("apiUrl"), server.url("/api/v4").toString()}},
                             valid, kind, valid ? QString() : report.error().message);
    }

    void listBranchesFollowsLinkAndNextPageHeaders()
    {
        FakeHttpServer server;
        const QString path = Project + QStringLiteral("/repository/branches");
        server.onRequest("GET", path, [&server](const RecordedRequest& request) {
            const QString page = request.query.queryItemValue(QStringLiteral("page"));
            if (page.isEmpty()) {
                const QByteArray link = "<" +
                                        server
                                            .url("/api/v4/projects/group%2Fsub%2Fapp/repository/"
                                                 "branches?per_page=100&page=2")
                                            .toEncoded() +
                                        ">; rel=\"next\"";
                return FakeResponse::json(200, "[" + refJson(QStringLiteral("main"), ShaA) + "]")
                    .withHeader("Link", link);
            }
            if (page == QLatin1String("2"))
                return FakeResponse::json(200, "[" + refJson(QStringLiteral("dev"), ShaB) + "]")
                    .withHeader("x-next-page", "3");
            return FakeResponse::json(200, "[" + refJson(QStringLiteral("release/1.3"), ShaA) + "]")
                .withHeader("x-next-page", "");
        });
        const HttpClient http(fastSettings());
        GitLabScmClient client(targetOf(server), Token, http);
        auto branches = client.listBranches();
        QVERIFY2(branches.ok(), failureOf(branches).constData());
        QCOMPARE(branches->size(), 3);
        QCOMPARE(branches->at(0).name, QStringLiteral("main"));
        QCOMPARE(branches->at(1).commitSha, ShaB);
        QCOMPARE(branches->at(2).name, QStringLiteral("release/1.3"));
        const auto requests = server.requests();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests[0].query.queryItemValue(QStringLiteral("per_page")),
                 QStringLiteral("100"));
        QCOMPARE(requests[1].query.queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
        QCOMPARE(requests[2].query.queryItemValue(QStringLiteral("page")), QStringLiteral("3"));
        for (const RecordedRequest& request : requests)
            QCOMPARE(request.header("private-token"), Token.toUtf8());
    }

    void branchExists()
    {
        FakeHttpServer server;
        server.on("GET", Project + QStringLiteral("/repository/branches/release/1.4.0"),
                  FakeResponse::json(200, refJson(QStringLiteral("release/1.4.0"), ShaA)));
        const HttpClient http(fastSettings());
        GitLabScmClient client(targetOf(server), Token, http);
        auto exists = client.branchExists(QStringLiteral("release/1.4.0"));
        QVERIFY2(exists.ok(), failureOf(exists).constData());
        QVERIFY(*exists);
        QCOMPARE(server.requests()[0].target,
                 EncodedProject + "/repository/branches/release%2F1.4.0");
        auto missing = client.branchExists(QStringLiteral("release/9.9.9"));
        QVERIFY2(missing.ok(), failureOf(missing).constData());
        QVERIFY(!*missing);
    }

    void createBranchTwiceCreatesOnce()
    {
        FakeHttpServer server;
        serveRefAndCommit(server, QStringLiteral("main"), ShaA);
        server.onSequence(
            "GET", Project + QStringLiteral("/repository/branches/release/1.4.0"),
            {FakeResponse::json(404, QByteArray(R"({"message":"404 Branch Not Found"})")),
             FakeResponse::json(200, refJson(QStringLiteral("release/1.4.0"), ShaA))});
        server.on("POST", Project + QStringLiteral("/repository/branches"),
                  FakeResponse::json(201, refJson(QStringLiteral("release/1.4.0"), ShaA)));
        const HttpClient http(fastSettings());
        GitLabScmClient client(targetOf(server), Token, http);
        QVERIFY(client.hasReleases());
        for (int i = 0; i < 2; ++i) {
            auto branch =
                client.createBranch(QStringLiteral("release/1.4.0"), QStringLiteral("main"));
            QVERIFY2(branch.ok(), failureOf(branch).constData());
            QCOMPARE(branch->commitSha, ShaA);
        }
        const auto posts =
            server.requests("POST", Project + QStringLiteral("/repository/branches"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts[0].header("content-type"), QByteArray("application/json"));
        QCOMPARE(posts[0].json().object(),
                 (QJsonObject{{QStringLiteral("branch"), QStringLiteral("release/1.4.0")},
                              {QStringLiteral("ref"), ShaA}}));
    }

    void createBranchAtAnotherCommitConflicts()
    {
        FakeHttpServer server;
        serveRefAndCommit(server, QStringLiteral("main"), ShaA);
        server.on("GET", Project + QStringLiteral("/repository/branches/release/1.4.0"),
                  FakeResponse::json(200, refJson(QStringLiteral("release/1.4.0"), ShaB)));
        const HttpClient http(fastSettings());
        GitLabScmClient client(targetOf(server), Token, http);
        auto branch = client.createBranch(QStringLiteral("release/1.4.0"), QStringLiteral("main"));
        QVERIFY(!branch.ok());
        QCOMPARE(branch.error().kind, ErrorKind::Conflict);
        QCOMPARE(branch.error().message,
                 QStringLiteral("The branch release/1.4.0 already exists at bbbbbbbb, not at "
                                "aaaaaaaa (main)."));
        QCOMPARE(server.requests("POST", Project + QStringLiteral("/repository/branches")).size(),
                 0);
    }

    void createBranchRaceJudgesWhatIsThere()
    {
        FakeHttpServer server;
        serveRefAndCommit(server, QStringLiteral("main"), ShaA);
        server.onSequence(
            "GET", Project + QStringLiteral("/repository/branches/release/1.4.0"),
            {FakeResponse::json(404, QByteArray(R"({"message":"404 Branch Not Found"})")),
             FakeResponse::json(200, refJson(QStringLiteral("release/1.4.0"), ShaA))});
        server.on("POST", Project + QStringLiteral("/repository/branches"),
                  FakeResponse::json(400, QByteArray(R"({"message":"Branch already exists"})")));
        const HttpClient http(fastSettings());
        GitLabScmClient client(targetOf(server), Token, http);
        auto branch = client.createBranch(QStringLiteral("release/1.4.0"), QStringLiteral("main"));
        QVERIFY2(branch.ok(), failureOf(branch).constData());
    }

    void unknownBaseRefIsNotFound()
    {
        FakeHttpServer server;
        const HttpClient http(fastSettings());
        GitLabScmClient client(targetOf(server), Token, http);
        auto branch = client.createBranch(QStringLiteral("release/1.4.0"), QStringLiteral("nope"));
        QCOMPARE(branch.error().kind, ErrorKind::NotFound);
        QCOMPARE(branch.error().message,
                 QStringLiteral("GitLab has no branch, tag or commit \"nope\" in group/sub/app."));
    }

    void createTagIsIdempotentAndConflicts()
    {
        FakeHttpServer server;
        serveRefAndCommit(server, QStringLiteral("release/1.4.0"), ShaA);
        server.onSequence(
            "GET", Project + QStringLiteral("/repository/tags/v1.4.0-rc.1"),
            {FakeResponse::json(404, QByteArray(R"({"message":"404 Tag Not Found"})")),
             FakeResponse::json(200, refJson(QStringLiteral("v1.4.0-rc.1"), ShaA))});
        server.on("POST", Project + QStringLiteral("/repository/tags"),
                  FakeResponse::json(201, refJson(QStringLiteral("v1.4.0-rc.1"), ShaA)));
        const HttpClient http(fastSettings());
        GitLabScmClient client(targetOf(server), Token, http);
        QVERIFY(client.hasReleases());
        for (int i = 0; i < 2; ++i) {
            auto tag =
                client.createTag(QStringLiteral("v1.4.0-rc.1"), QStringLiteral("release/1.4.0"),
                                 QStringLiteral("Release candidate 1"));
            QVERIFY2(tag.ok(), failureOf(tag).constData());
            QCOMPARE(tag->commitSha, ShaA);
        }
        const auto posts = server.requests("POST", Project + QStringLiteral("/repository/tags"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts[0].json().object(),
                 (QJsonObject{{QStringLiteral("tag_name"), QStringLiteral("v1.4.0-rc.1")},
                              {QStringLiteral("ref"), ShaA},
                              {QStringLiteral("message"), QStringLiteral("Release candidate 1")}}));
        QVERIFY(*client.tagExists(QStringLiteral("v1.4.0-rc.1")));

        serveRefAndCommit(server, QStringLiteral("main"), ShaB);
        auto conflict = client.createTag(QStringLiteral("v1.4.0-rc.1"), QStringLiteral("main"), {});
        QCOMPARE(conflict.error().kind, ErrorKind::Conflict);
        QCOMPARE(server.requests("POST", Project + QStringLiteral("/repository/tags")).size(), 1);
    }

    void releaseNotesFromCompare()
    {
        FakeHttpServer server;
        server.on("GET", Project + QStringLiteral("/repository/compare"),
                  FakeResponse::json(200, comparisonJson({QStringLiteral("Fix login"),
                                                          QStringLiteral("Add dark mode")})));
        const HttpClient http(fastSettings());
        GitLabScmClient client(targetOf(server), Token, http);
        auto notes =
            client.generateReleaseNotes(QStringLiteral("v1.3.0"), QStringLiteral("v1.4.0"));
        QVERIFY2(notes.ok(), failureOf(notes).constData());
        QCOMPARE(*notes, QStringLiteral("## Changes since v1.3.0\n\n"
                                        "- Fix login (00000000, Ada)\n"
                                        "- Add dark mode (00000000, Ada)\n"));
        const auto request = server.requests()[0];
        QCOMPARE(request.query.queryItemValue(QStringLiteral("from")), QStringLiteral("v1.3.0"));
        QCOMPARE(request.query.queryItemValue(QStringLiteral("to")), QStringLiteral("v1.4.0"));
    }

    void firstReleaseNotesListCommitsOfTheTag()
    {
        FakeHttpServer server;
        server.on("GET", Project + QStringLiteral("/repository/commits"),
                  FakeResponse::json(200, commitList({QStringLiteral("Initial commit")})));
        const HttpClient http(fastSettings());
        GitLabScmClient client(targetOf(server), Token, http);
        auto notes = client.generateReleaseNotes({}, QStringLiteral("v1.0.0"));
        QVERIFY2(notes.ok(), failureOf(notes).constData());
        QCOMPARE(*notes,
                 QStringLiteral("## Changes in v1.0.0\n\n- Initial commit (00000000, Ada)\n"));
        QCOMPARE(server.requests()[0].query.queryItemValue(QStringLiteral("ref_name")),
                 QStringLiteral("v1.0.0"));
    }

    void createReleaseTwiceCreatesOnce()
    {
        FakeHttpServer server;
        const QByteArray release = releaseJson();
        server.onSequence("GET", Project + QStringLiteral("/releases/v1.4.0"),
                          {FakeResponse::json(404, QByteArray(R"({"message":"404 Not Found"})")),
                           FakeResponse::json(200, release)});
        server.on("POST", Project + QStringLiteral("/releases"), FakeResponse::json(201, release));
        const HttpClient http(fastSettings());
        GitLabScmClient client(targetOf(server), Token, http);
        QVERIFY(client.hasReleases());
        for (int i = 0; i < 2; ++i) {
            auto created = client.createRelease(QStringLiteral("v1.4.0"), QStringLiteral("1.4.0"),
                                                QStringLiteral("- Fix login"));
            QVERIFY2(created.ok(), failureOf(created).constData());
            QCOMPARE(created->tag, QStringLiteral("v1.4.0"));
            QCOMPARE(created->webUrl.toString(),
                     QStringLiteral("https://gitlab.example.test/group/sub/app/-/releases/v1.4.0"));
        }
        const auto posts = server.requests("POST", Project + QStringLiteral("/releases"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts[0].json().object(),
                 (QJsonObject{{QStringLiteral("tag_name"), QStringLiteral("v1.4.0")},
                              {QStringLiteral("name"), QStringLiteral("1.4.0")},
                              {QStringLiteral("description"), QStringLiteral("- Fix login")}}));
    }

    // Another instance created the release between this one's look and its write.
    void releaseCreatedMeanwhileIsReturned()
    {
        FakeHttpServer server;
        const QByteArray release = releaseJson();
        server.onSequence("GET", Project + QStringLiteral("/releases/v1.4.0"),
                          {FakeResponse::json(404, QByteArray(R"({"message":"404 Not Found"})")),
                           FakeResponse::json(200, release)});
        server.on("POST", Project + QStringLiteral("/releases"),
                  FakeResponse::json(409, QByteArray(R"({"message":"Release already exists"})")));
        const HttpClient http(fastSettings());
        GitLabScmClient client(targetOf(server), Token, http);
        auto created = client.createRelease(QStringLiteral("v1.4.0"), QStringLiteral("1.4.0"),
                                            QStringLiteral("- Fix login"));
        QVERIFY2(created.ok(), failureOf(created).constData());
        QCOMPARE(created->tag, QStringLiteral("v1.4.0"));
        QCOMPARE(server.requests("POST", Project + QStringLiteral("/releases")).size(), 1);
        QCOMPARE(server.requests("GET", Project + QStringLiteral("/releases/v1.4.0")).size(), 2);
    }

    void compareCountsAheadAndBehind()
    {
        FakeHttpServer server;
        server.onRequest(
            "GET", Project + QStringLiteral("/repository/compare"),
            [](const RecordedRequest& request) {
                const bool forward =
                    request.query.queryItemValue(QStringLiteral("from")) == QLatin1String("main");
                return FakeResponse::json(
                    200, forward ? comparisonJson({QStringLiteral("a"), QStringLiteral("b")})
                                 : comparisonJson({QStringLiteral("c")}));
            });
        const HttpClient http(fastSettings());
        GitLabScmClient client(targetOf(server), Token, http);
        auto comparison = client.compare(QStringLiteral("main"), QStringLiteral("release/1.4.0"));
        QVERIFY2(comparison.ok(), failureOf(comparison).constData());
        QCOMPARE(comparison->aheadBy, 2);
        QCOMPARE(comparison->behindBy, 1);
        QCOMPARE(comparison->commits.size(), 2);
        QCOMPARE(comparison->webUrl.toString(),
                 QStringLiteral("https://gitlab.example.test/compare"));
    }

    void configValidation_data()
    {
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing project")
            << QJsonObject{} << QStringLiteral("Enter the GitLab project path.");
        QTest::newRow("spaces")
            << QJsonObject{{QStringLiteral("project"), QStringLiteral("my group/app")}}
            << QStringLiteral("The GitLab project path contains spaces; use the path from the "
                              "project's URL, like group/app.");
        QTest::newRow("no namespace")
            << QJsonObject{{QStringLiteral("project"), QStringLiteral("app")}}
            << QStringLiteral("The GitLab project path is not a path like group/app or "
                              "group/subgroup/app.");
        QTest::newRow("plain http")
            << QJsonObject{{QStringLiteral("project"), QStringLiteral("g/app")},
                           {QStringLiteral("apiUrl"), QStringLiteral("http://gitlab.example.test")}}
            << QStringLiteral("Use https:// for the GitLab API address; plain http:// is only "
                              "allowed for this computer.");
        QTest::newRow("malformed url")
            << QJsonObject{{QStringLiteral("project"), QStringLiteral("g/app")},
                           {QStringLiteral("apiUrl"), QStringLiteral("gitlab dot com")}}
            << QStringLiteral("The GitLab API address cannot contain spaces.");
        QTest::newRow("token type")
            << QJsonObject{{QStringLiteral("project"), QStringLiteral("g/app")},
                           {QStringLiteral("tokenType"), QStringLiteral("job")}}
            << QStringLiteral("The GitLab token type \"job\" is unknown; use private or oauth.");
    }

    void configValidation()
    {
        QFETCH(QJsonObject, config);
        QFETCH(QString, message);
        const Status status =
            ProviderRegistry::builtIn().validateConfig(QStringLiteral("gitlab"), config);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, ErrorKind::Usage);
        QCOMPARE(status.error().message, message);
    }

    void relativeUrlInstallGetsApiV4()
    {
        auto target = GitLabTarget::fromConfig(
            {{QStringLiteral("project"), QStringLiteral("g/app")},
             {QStringLiteral("apiUrl"), QStringLiteral("https://git.example.test/gitlab/")}});
        QVERIFY2(target.ok(), failureOf(target).constData());
        QCOMPARE(target->apiUrl.toString(),
                 QStringLiteral("https://git.example.test/gitlab/api/v4"));
    }

    void unreachableServerLeavesStatusUnchanged()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        const QJsonObject config{
            {QStringLiteral("project"), QStringLiteral("group/sub/app")},
            {QStringLiteral("apiUrl"), QStringLiteral("http://127.0.0.1:%1/api/v4").arg(port)}};
        const HttpClient http(fastSettings());
        GitLabScmClient client(GitLabTarget::fromConfig(config).value(), Token, http);
        auto report = client.verify();
        QCOMPARE(report.error().kind, ErrorKind::Transient);
        QCOMPARE(report.error().message,
                 QStringLiteral("Could not reach 127.0.0.1: the connection was refused."));
        checkThroughVerifier(QStringLiteral("gitlab"), config, false, ErrorKind::Transient,
                             report.error().message);
    }

    void defaultsToGitLabDotCom()
    {
        auto target =
            GitLabTarget::fromConfig({{QStringLiteral("project"), QStringLiteral("g/app")}});
        QVERIFY2(target.ok(), failureOf(target).constData());
        QCOMPARE(target->apiUrl.toString(), QStringLiteral("https://gitlab.com/api/v4"));
    }
};

QTEST_GUILESS_MAIN(TestGitLabScmClient)
#include "tst_gitlabscmclient.moc"
