#include "ClockText.h"
#include "FakeHttpServer.h"
#include "FastHttpSettings.h"
#include "ResultText.h"
#include "providers/BitbucketScmClient.h"
#include "providers/ConnectionVerifier.h"
#include "providers/ProviderRegistry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

const QString Token = QStringLiteral("bb-test-token-not-real");
const QString Repo = QStringLiteral("/2.0/repositories/acme/app");
const QString Permissions = QStringLiteral("/2.0/user/permissions/repositories");
const QString ShaA = QStringLiteral("aaaaaaaaaaaa1111aaaaaaaa11111111aaaaaaaa");
const QString ShaB = QStringLiteral("bbbbbbbbbbbb2222bbbbbbbb22222222bbbbbbbb");

BitbucketTarget targetOf(const FakeHttpServer& server, const QString& username = {})
{
    QJsonObject config{{QStringLiteral("workspace"), QStringLiteral("acme")},
                       {QStringLiteral("repo"), QStringLiteral("app")},
                       {QStringLiteral("apiUrl"), server.url("/2.0").toString()}};
    if (!username.isEmpty())
        config.insert(QStringLiteral("username"), username);
    return BitbucketTarget::fromConfig(config).value();
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray repositoryJson()
{
    return compact({{QStringLiteral("full_name"), QStringLiteral("acme/app")},
                    {QStringLiteral("mainbranch"),
                     QJsonObject{{QStringLiteral("name"), QStringLiteral("main")}}},
                    {QStringLiteral("links"),
                     QJsonObject{{QStringLiteral("html"),
                                  QJsonObject{{QStringLiteral("href"),
                                               QStringLiteral("https://bitbucket.example.test/"
                                                              "acme/app")}}}}}});
}

QByteArray permissionJson(const QString& permission)
{
    QJsonArray values;
    if (!permission.isEmpty())
        values.append(
            QJsonObject{{QStringLiteral("permission"), permission},
                        {QStringLiteral("repository"),
                         QJsonObject{{QStringLiteral("full_name"), QStringLiteral("acme/app")}}}});
    return compact({{QStringLiteral("values"), values}});
}

QByteArray refJson(const QString& name, const QString& sha)
{
    return compact({{QStringLiteral("name"), name},
                    {QStringLiteral("target"), QJsonObject{{QStringLiteral("hash"), sha}}}});
}

QByteArray page(const QJsonArray& values, const QString& next = {})
{
    QJsonObject object{{QStringLiteral("values"), values}};
    if (!next.isEmpty())
        object.insert(QStringLiteral("next"), next);
    return compact(object);
}

QJsonObject commit(const QString& sha, const QString& message, const QString& author)
{
    return {{QStringLiteral("hash"), sha},
            {QStringLiteral("message"), message},
            {QStringLiteral("author"),
             QJsonObject{{QStringLiteral("raw"),
                          QString(author + QStringLiteral(" <dev@example.test>"))}}}};
}

void serveCommit(FakeHttpServer& server, const QString& ref, const QString& sha)
{
    server.on("GET", Repo + QStringLiteral("/commit/") + ref,
              FakeResponse::json(200, compact({{QStringLiteral("hash"), sha}})));
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

class TestBitbucketScmClient : public QObject
{
    Q_OBJECT

private slots:
    void repositoryWithBearerAccessToken()
    {
        FakeHttpServer server;
        server.on("GET", Repo, FakeResponse::json(200, repositoryJson()));
        server.on("GET", Permissions,
                  FakeResponse::json(200, permissionJson(QStringLiteral("write"))));
        const HttpClient http(fastSettings());
        BitbucketScmClient client(targetOf(server), Token, http);
        auto repo = client.repository();
        QVERIFY2(repo.ok(), failureOf(repo).constData());
        QCOMPARE(repo->fullName, QStringLiteral("acme/app"));
        QCOMPARE(repo->defaultBranch, QStringLiteral("main"));
        QVERIFY(repo->canPush);
        QCOMPARE(repo->webUrl.toString(),
                 QStringLiteral("https://bitbucket.example.test/acme/app"));
        const auto requests = server.requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests[1].path, Permissions);
        QCOMPARE(requests[1].query.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded),
                 QStringLiteral("repository.full_name=\"acme/app\""));
        for (const RecordedRequest& request : requests)
            QCOMPARE(request.header("authorization"), "Bearer " + Token.toUtf8());
    }

    void appPasswordUsesBasicAuth()
    {
        FakeHttpServer server;
        server.on("GET", Repo, FakeResponse::json(200, repositoryJson()));
        server.on("GET", Permissions,
                  FakeResponse::json(200, permissionJson(QStringLiteral("admin"))));
        const HttpClient http(fastSettings());
        BitbucketScmClient client(targetOf(server, QStringLiteral("ada")), Token, http);
        auto report = client.verify();
        QVERIFY2(report.ok(), failureOf(report).constData());
        QCOMPARE(report->summary, QStringLiteral("Admin access to acme/app on Bitbucket."));
        QCOMPARE(server.requests()[0].header("authorization"),
                 "Basic " + QByteArray("ada:" + Token.toUtf8()).toBase64());
    }

    void verifyOutcomes_data()
    {
        QTest::addColumn<FakeResponse>("repoAnswer");
        QTest::addColumn<FakeResponse>("permissionAnswer");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<ErrorKind>("kind");
        QTest::addColumn<QString>("message");
        const FakeResponse repoOk = FakeResponse::json(200, repositoryJson());
        QTest::newRow("write") << repoOk
                               << FakeResponse::json(200, permissionJson(QStringLiteral("write")))
                               << true << ErrorKind::Internal
                               << QStringLiteral("Write access to acme/app on Bitbucket.");
        QTest::newRow("read only")
            << repoOk << FakeResponse::json(200, permissionJson(QStringLiteral("read"))) << false
            << ErrorKind::Forbidden
            << QStringLiteral("The credentials can read acme/app on Bitbucket but cannot push to "
                              "it; grant write access to the repository.");
        QTest::newRow("access token scopes")
            << FakeResponse::json(200, repositoryJson())
                   .withHeader("x-oauth-scopes", "pullrequest, repository:write")
            << FakeResponse::json(
                   401, QByteArray(
                            R"({"type":"error","error":{"message":"Access token is not a user"}})"))
            << true << ErrorKind::Internal
            << QStringLiteral("Write access to acme/app on Bitbucket.");
        QTest::newRow("bad credentials")
            << FakeResponse::json(
                   401,
                   QByteArray(
                       R"({"type":"error","error":{"message":"Token is invalid or not supported for this endpoint."}})"))
            << FakeResponse::empty(500) << false << ErrorKind::Unauthorized
            << QStringLiteral("Bitbucket refused the credentials: Token is invalid or not "
                              "supported for this endpoint.");
        QTest::newRow("expired")
            << FakeResponse::json(
                   401,
                   QByteArray(R"({"type":"error","error":{"message":"Access token expired."}})"))
            << FakeResponse::empty(500) << false << ErrorKind::Expired
            << QStringLiteral("Bitbucket says the token has expired: Access token expired.");
        QTest::newRow("missing repository")
            << FakeResponse::json(
                   404,
                   QByteArray(
                       R"({"type":"error","error":{"message":"Repository acme/app not found"}})"))
            << FakeResponse::empty(500) << false << ErrorKind::NotFound
            << QStringLiteral("The repository acme/app does not exist on Bitbucket or the "
                              "credentials cannot see it.");
        QTest::newRow("rate limited")
            << FakeResponse::json(
                   429,
                   QByteArray(
                       R"({"type":"error","error":{"message":"Rate limit for this resource has been exceeded"}})"))
                   .withHeader("Retry-After", "3600")
            << FakeResponse::empty(500) << false << ErrorKind::RateLimited
            << QStringLiteral("Bitbucket rate limit reached; resets at");
        QTest::newRow("server error") << FakeResponse::htmlPage(503) << FakeResponse::empty(500)
                                      << false << ErrorKind::Transient
                                      << QStringLiteral("Bitbucket failed: HTTP 503 from "
                                                        "127.0.0.1.");
    }

    void verifyOutcomes()
    {
        QFETCH(FakeResponse, repoAnswer);
        QFETCH(FakeResponse, permissionAnswer);
        QFETCH(bool, valid);
        QFETCH(ErrorKind, kind);
        QFETCH(QString, message);
        FakeHttpServer server;
        server.on("GET", Repo, repoAnswer);
        server.on("GET", Permissions, permissionAnswer);
        const HttpClient http(fastSettings());
        BitbucketScmClient client(targetOf(server), Token, http);
        auto report = client.verify();
        QCOMPARE(report.ok(), valid);
        if (valid) {
            QCOMPARE(report->summary, message);
        } else {
            QCOMPARE(report.error().kind, kind);
            if (kind == ErrorKind::RateLimited)
                QVERIFY2(report.error().message.startsWith(message) &&
                             report.error().retryAt.isValid(),
                         qPrintable(report.error().message));
            else
                QCOMPARE(report.error().message, message);
        }
        checkThroughVerifier(QStringLiteral("bitbucket"),
                             {{QStringLiteral("workspace"), QStringLiteral("acme")},
                              {QStringLiteral("repo"), QStringLiteral("app")},
                              {QStringLiteral("apiUrl"), server.url("/2.0").toString()}},
                             valid, kind, valid ? QString() : report.error().message);
    }

    void listBranchesFollowsNext()
    {
        FakeHttpServer server;
        const QString branches = Repo + QStringLiteral("/refs/branches");
        server.onRequest("GET", branches, [&server, branches](const RecordedRequest& request) {
            if (request.query.queryItemValue(QStringLiteral("page")) == QLatin1String("2"))
                return FakeResponse::json(
                    200,
                    page({QJsonDocument::fromJson(refJson(QStringLiteral("dev"), ShaB)).object()}));
            return FakeResponse::json(
                200, page({QJsonDocument::fromJson(refJson(QStringLiteral("main"), ShaA)).object()},
                          server.url(branches + QStringLiteral("?pagelen=100&page=2")).toString()));
        });
        const HttpClient http(fastSettings());
        BitbucketScmClient client(targetOf(server), Token, http);
        auto list = client.listBranches();
        QVERIFY2(list.ok(), failureOf(list).constData());
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).name, QStringLiteral("main"));
        QCOMPARE(list->at(1).commitSha, ShaB);
        const auto requests = server.requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests[0].query.queryItemValue(QStringLiteral("pagelen")),
                 QStringLiteral("100"));
        QCOMPARE(requests[1].header("authorization"), "Bearer " + Token.toUtf8());
    }

    void createBranchTwiceCreatesOnce()
    {
        FakeHttpServer server;
        serveCommit(server, QStringLiteral("main"), ShaA);
        const QString branch = Repo + QStringLiteral("/refs/branches/release/1.4.0");
        server.onSequence(
            "GET", branch,
            {FakeResponse::json(404, QByteArray(R"({"type":"error"})")),
             FakeResponse::json(200, refJson(QStringLiteral("release/1.4.0"), ShaA))});
        server.on("POST", Repo + QStringLiteral("/refs/branches"),
                  FakeResponse::json(201, refJson(QStringLiteral("release/1.4.0"), ShaA)));
        const HttpClient http(fastSettings());
        BitbucketScmClient client(targetOf(server), Token, http);
        for (int i = 0; i < 2; ++i) {
            auto created =
                client.createBranch(QStringLiteral("release/1.4.0"), QStringLiteral("main"));
            QVERIFY2(created.ok(), failureOf(created).constData());
            QCOMPARE(created->commitSha, ShaA);
        }
        QVERIFY(
            server.requests("GET", branch)[0].target.endsWith("/refs/branches/release%2F1.4.0"));
        const auto posts = server.requests("POST", Repo + QStringLiteral("/refs/branches"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(
            posts[0].json().object(),
            (QJsonObject{{QStringLiteral("name"), QStringLiteral("release/1.4.0")},
                         {QStringLiteral("target"), QJsonObject{{QStringLiteral("hash"), ShaA}}}}));
    }

    void branchExists()
    {
        FakeHttpServer server;
        server.on("GET", Repo + QStringLiteral("/refs/branches/main"),
                  FakeResponse::json(200, refJson(QStringLiteral("main"), ShaA)));
        const HttpClient http(fastSettings());
        BitbucketScmClient client(targetOf(server), Token, http);
        auto exists = client.branchExists(QStringLiteral("main"));
        QVERIFY2(exists.ok(), failureOf(exists).constData());
        QVERIFY(*exists);
        auto missing = client.branchExists(QStringLiteral("release/9.9"));
        QVERIFY2(missing.ok(), failureOf(missing).constData());
        QVERIFY(!*missing);
        QCOMPARE(server.requests()[1].target,
                 QByteArray("/2.0/repositories/acme/app/refs/branches/release%2F9.9"));
    }

    void createTagAtAnotherCommitConflicts()
    {
        FakeHttpServer server;
        serveCommit(server, QStringLiteral("release/1.4.0"), ShaA);
        server.on("GET", Repo + QStringLiteral("/refs/tags/v1.4.0"),
                  FakeResponse::json(200, refJson(QStringLiteral("v1.4.0"), ShaB)));
        const HttpClient http(fastSettings());
        BitbucketScmClient client(targetOf(server), Token, http);
        auto tag = client.createTag(QStringLiteral("v1.4.0"), QStringLiteral("release/1.4.0"), {});
        QCOMPARE(tag.error().kind, ErrorKind::Conflict);
        QCOMPARE(tag.error().message,
                 QStringLiteral("The tag v1.4.0 already exists at bbbbbbbbbbbb, not at "
                                "aaaaaaaaaaaa (release/1.4.0)."));
        QCOMPARE(server.requests("POST", Repo + QStringLiteral("/refs/tags")).size(), 0);
    }

    void createTagRaceJudgesWhatIsThere()
    {
        FakeHttpServer server;
        serveCommit(server, QStringLiteral("release/1.4.0"), ShaA);
        server.onSequence("GET", Repo + QStringLiteral("/refs/tags/v1.4.0-rc.1"),
                          {FakeResponse::json(404, QByteArray(R"({"type":"error"})")),
                           FakeResponse::json(200, refJson(QStringLiteral("v1.4.0-rc.1"), ShaA))});
        server.on(
            "POST", Repo + QStringLiteral("/refs/tags"),
            FakeResponse::json(
                400,
                QByteArray(
                    R"({"type":"error","error":{"message":"tag v1.4.0-rc.1 already exists"}})")));
        const HttpClient http(fastSettings());
        BitbucketScmClient client(targetOf(server), Token, http);
        auto tag = client.createTag(QStringLiteral("v1.4.0-rc.1"), QStringLiteral("release/1.4.0"),
                                    QStringLiteral("RC 1"));
        QVERIFY2(tag.ok(), failureOf(tag).constData());
        const auto posts = server.requests("POST", Repo + QStringLiteral("/refs/tags"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts[0].json().object().value(QStringLiteral("message")).toString(),
                 QStringLiteral("RC 1"));
        QVERIFY(*client.tagExists(QStringLiteral("v1.4.0-rc.1")));
    }

    void releaseNotesAndCompareFromCommits()
    {
        FakeHttpServer server;
        server.onRequest(
            "GET", Repo + QStringLiteral("/commits"), [](const RecordedRequest& request) {
                if (request.query.queryItemValue(QStringLiteral("include")) ==
                    QLatin1String("v1.4.0"))
                    return FakeResponse::json(
                        200, page({commit(ShaA, QStringLiteral("Fix login\n\nLong text"),
                                          QStringLiteral("Ada")),
                                   commit(ShaB, QStringLiteral("Add dark mode"),
                                          QStringLiteral("Bob"))}));
                return FakeResponse::json(200, page({}));
            });
        const HttpClient http(fastSettings());
        BitbucketScmClient client(targetOf(server), Token, http);
        auto notes =
            client.generateReleaseNotes(QStringLiteral("v1.3.0"), QStringLiteral("v1.4.0"));
        QVERIFY2(notes.ok(), failureOf(notes).constData());
        QCOMPARE(*notes, QStringLiteral("## Changes since v1.3.0\n\n- Fix login (aaaaaaaa, Ada)\n"
                                        "- Add dark mode (bbbbbbbb, Bob)\n"));
        const auto first = server.requests()[0];
        QCOMPARE(first.query.queryItemValue(QStringLiteral("include")), QStringLiteral("v1.4.0"));
        QCOMPARE(first.query.queryItemValue(QStringLiteral("exclude")), QStringLiteral("v1.3.0"));

        auto comparison = client.compare(QStringLiteral("v1.3.0"), QStringLiteral("v1.4.0"));
        QVERIFY2(comparison.ok(), failureOf(comparison).constData());
        QCOMPARE(comparison->aheadBy, 2);
        QCOMPARE(comparison->behindBy, 0);
        QCOMPARE(comparison->commits[1].author, QStringLiteral("Bob"));
    }

    void bitbucketHasNoReleases()
    {
        FakeHttpServer server;
        const HttpClient http(fastSettings());
        BitbucketScmClient client(targetOf(server), Token, http);
        QVERIFY(!client.hasReleases());
        auto release = client.createRelease(QStringLiteral("v1.4.0"), QStringLiteral("1.4.0"), {});
        QCOMPARE(release.error().kind, ErrorKind::Validation);
        QCOMPARE(release.error().message,
                 QStringLiteral("Bitbucket has no releases; the tag v1.4.0 exists and its notes "
                                "are posted to chat instead."));
        QCOMPARE(server.requests().size(), 0);
    }

    void configValidation_data()
    {
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing workspace")
            << QJsonObject{{QStringLiteral("repo"), QStringLiteral("app")}}
            << QStringLiteral("Enter the workspace.");
        QTest::newRow("spaces")
            << QJsonObject{{QStringLiteral("workspace"), QStringLiteral("acme")},
                           {QStringLiteral("repo"), QStringLiteral("my app")}}
            << QStringLiteral("The repository contains spaces; use the name as it appears in the "
                              "URL.");
        QTest::newRow("plain http")
            << QJsonObject{{QStringLiteral("workspace"), QStringLiteral("acme")},
                           {QStringLiteral("repo"), QStringLiteral("app")},
                           {QStringLiteral("apiUrl"),
                            QStringLiteral("http://bitbucket.example.test")}}
            << QStringLiteral("Use https:// for the Bitbucket API address; plain http:// is only "
                              "allowed for this computer.");
    }

    void configValidation()
    {
        QFETCH(QJsonObject, config);
        QFETCH(QString, message);
        const Status status =
            ProviderRegistry::builtIn().validateConfig(QStringLiteral("bitbucket"), config);
        QCOMPARE(status.error().kind, ErrorKind::Usage);
        QCOMPARE(status.error().message, message);
    }
};

QTEST_GUILESS_MAIN(TestBitbucketScmClient)
#include "tst_bitbucketscmclient.moc"
