#include "FakeHttpServer.h"
#include "FastHttpSettings.h"
#include "ResultText.h"
#include "providers/ConnectionVerifier.h"
#include "providers/JenkinsCiClient.h"
#include "providers/ProviderRegistry.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

const QString Token = QStringLiteral("jenkins-test-token-not-real");
const QString AndroidJob = QStringLiteral("/jenkins/job/mobile/job/android-release");

QJsonObject configOf(const FakeHttpServer& server)
{
    return {
        {QStringLiteral("url"), server.url("/jenkins").toString()},
        {QStringLiteral("user"), QStringLiteral("ada")},
        {QStringLiteral("jobs"),
         QJsonObject{{QStringLiteral("REGRESSION_BUILD"), QStringLiteral("mobile/android-release")},
                     {QStringLiteral("AUTOMATION"), QStringLiteral("e2e")}}}};
}

JenkinsCiClient clientOf(const FakeHttpServer& server, const HttpClient& http)
{
    return JenkinsCiClient(JenkinsTarget::fromConfig(configOf(server)).value(), Token, http);
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

FakeResponse me(const QString& id)
{
    return FakeResponse::json(200, compact({{QStringLiteral("id"), id},
                                            {QStringLiteral("fullName"), QStringLiteral("Ada")}}));
}

FakeResponse job(const QString& name)
{
    return FakeResponse::json(200, compact({{QStringLiteral("name"), name}}));
}

FakeResponse queued(const FakeHttpServer& server, int item)
{
    return FakeResponse::empty(201).withHeader(
        "Location", server.url(QStringLiteral("/jenkins/queue/item/%1/").arg(item)).toEncoded());
}

FakeResponse build(const FakeHttpServer& server, bool building, const QJsonValue& result)
{
    return FakeResponse::json(
        200, compact({{QStringLiteral("number"), 57},
                      {QStringLiteral("building"), building},
                      {QStringLiteral("result"), result},
                      {QStringLiteral("url"),
                       server.url(AndroidJob + QStringLiteral("/57/")).toString()}}));
}

void serveCrumb(FakeHttpServer& server)
{
    server.on("GET", QStringLiteral("/jenkins/crumbIssuer/api/json"),
              FakeResponse::json(
                  200, QByteArray(R"({"crumb":"c0ffee","crumbRequestField":"Jenkins-Crumb"})")));
}

} // namespace

class TestJenkinsCiClient : public QObject
{
    Q_OBJECT

private slots:
    // The wizard verifies the credentials before people pick the jobs.
    void draftWithoutJobsChecksTheCredentialsOnly()
    {
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/jenkins/me/api/json"),
                  FakeResponse::json(200, QJsonDocument(QJsonObject{
                                              {QStringLiteral("id"), QStringLiteral("ada")}})));
        Connection draft;
        draft.category = ConnectionCategory::Ci;
        draft.provider = QStringLiteral("jenkins");
        draft.config = configOf(server);
        draft.config.remove(QStringLiteral("jobs"));

        const ProviderRegistry& registry = ProviderRegistry::builtIn();
        const Status saved = registry.validateConfig(draft.provider, draft.config);
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().message, QStringLiteral("Enter the job of at least one purpose."));

        const HttpClient http(fastSettings());
        const auto report = registry.verify(draft, Token, http);
        QVERIFY2(report.ok(), failureOf(report).constData());
        const QList<RecordedRequest> asked = server.requests();
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.constFirst().path, QStringLiteral("/jenkins/me/api/json"));
        QVERIFY(asked.constFirst().header("authorization").startsWith("Basic "));
    }

    void verifyOutcomes_data()
    {
        QTest::addColumn<FakeResponse>("user");
        QTest::addColumn<FakeResponse>("e2e");
        QTest::addColumn<ErrorKind>("kind"); // Internal: valid
        QTest::addColumn<VerificationStatus>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("valid") << me(QStringLiteral("ada")) << job(QStringLiteral("e2e"))
                               << ErrorKind::Internal << VerificationStatus::Valid
                               << QStringLiteral("Signed in to Jenkins at 127.0.0.1 as ada; jobs "
                                                 "e2e, mobile/android-release exist.");
        QTest::newRow("missing job")
            << me(QStringLiteral("ada")) << FakeResponse::htmlPage(404) << ErrorKind::NotFound
            << VerificationStatus::Invalid
            << QStringLiteral("Jenkins has no job e2e that ada can see; check the job's full name "
                              "(folder/job).");
        QTest::newRow("anonymous") << me(QStringLiteral("anonymous")) << job(QStringLiteral("e2e"))
                                   << ErrorKind::Unauthorized << VerificationStatus::Invalid
                                   << QStringLiteral("Jenkins treated the request as anonymous; "
                                                     "check the user name and API token.");
        QTest::newRow("bad token")
            << FakeResponse::htmlPage(401) << job(QStringLiteral("e2e")) << ErrorKind::Unauthorized
            << VerificationStatus::Invalid << QStringLiteral("Jenkins refused the credentials.");
        QTest::newRow("down") << FakeResponse::htmlPage(503) << job(QStringLiteral("e2e"))
                              << ErrorKind::Transient << VerificationStatus::Valid
                              << QStringLiteral("Jenkins failed: HTTP 503 from 127.0.0.1.");
        QTest::newRow("rate limited") << FakeResponse::empty(429).withHeader("Retry-After", "3600")
                                      << job(QStringLiteral("e2e")) << ErrorKind::RateLimited
                                      << VerificationStatus::Valid << QString();
        QTest::newRow("dropped") << FakeResponse::dropConnection() << job(QStringLiteral("e2e"))
                                 << ErrorKind::Transient << VerificationStatus::Valid << QString();
    }

    void verifyOutcomes()
    {
        QFETCH(FakeResponse, user);
        QFETCH(FakeResponse, e2e);
        QFETCH(ErrorKind, kind);
        QFETCH(VerificationStatus, status);
        QFETCH(QString, message);
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/jenkins/me/api/json"), user);
        server.on("GET", AndroidJob + QStringLiteral("/api/json"),
                  job(QStringLiteral("android-release")));
        server.on("GET", QStringLiteral("/jenkins/job/e2e/api/json"), e2e);
        const HttpClient http(fastSettings());
        JenkinsCiClient client = clientOf(server, http);
        auto report = client.verify();
        QCOMPARE(report.ok(), kind == ErrorKind::Internal);
        if (report.ok()) {
            QCOMPARE(report->summary, message);
            for (const RecordedRequest& request : server.requests())
                QCOMPARE(request.header("authorization"),
                         "Basic " + QByteArray("ada:" + Token.toUtf8()).toBase64());
        } else {
            QCOMPARE(report.error().kind, kind);
            if (!message.isEmpty())
                QCOMPARE(report.error().message, message);
        }

        Connection connection;
        connection.category = ConnectionCategory::Ci;
        connection.provider = QStringLiteral("jenkins");
        connection.config = configOf(server);
        connection.status = VerificationStatus::Valid;
        const ConnectionVerifier verifier(ProviderRegistry::builtIn(), fastSettings());
        const VerificationOutcome outcome = verifier.verify(connection, Token);
        QCOMPARE(outcome.status, status);
        QCOMPARE(outcome.conclusive,
                 kind != ErrorKind::Transient && kind != ErrorKind::RateLimited);
    }

    void triggerSendsParametersWithCrumb()
    {
        FakeHttpServer server;
        serveCrumb(server);
        server.onSequence("POST", AndroidJob + QStringLiteral("/buildWithParameters"),
                          {queued(server, 41), queued(server, 42)});
        const HttpClient http(fastSettings());
        JenkinsCiClient client = clientOf(server, http);
        auto handle = client.trigger(
            QStringLiteral("REGRESSION_BUILD"), QStringLiteral("release/1.4.0"),
            {{QStringLiteral("VERSION"), QStringLiteral("1.4.0")}, {QStringLiteral("RC"), 2}});
        QVERIFY2(handle.ok(), failureOf(handle).constData());
        QCOMPARE(handle->workflow, QStringLiteral("mobile/android-release"));
        QCOMPARE(handle->ref, QStringLiteral("release/1.4.0"));
        QCOMPARE(handle->queueUrl, server.url("/jenkins/queue/item/41/").toString());
        QVERIFY(handle->triggeredAt.isValid());
        auto second = client.trigger(QStringLiteral("REGRESSION_BUILD"), {},
                                     {{QStringLiteral("VERSION"), QStringLiteral("1.4.1")}});
        QVERIFY2(second.ok(), failureOf(second).constData());

        QCOMPARE(server.requests("GET", QStringLiteral("/jenkins/crumbIssuer/api/json")).size(), 1);
        const auto posts =
            server.requests("POST", AndroidJob + QStringLiteral("/buildWithParameters"));
        QCOMPARE(posts.size(), 2);
        QCOMPARE(posts[0].header("jenkins-crumb"), QByteArray("c0ffee"));
        QCOMPARE(posts[0].header("content-type"), QByteArray("application/x-www-form-urlencoded"));
        QCOMPARE(posts[0].header("authorization"),
                 "Basic " + QByteArray("ada:" + Token.toUtf8()).toBase64());
        QCOMPARE(posts[0].body, QByteArray("RC=2&VERSION=1.4.0&BRANCH=release%2F1.4.0"));
        QCOMPARE(posts[1].body, QByteArray("VERSION=1.4.1"));
    }

    void staleCrumbIsRenewedOnce()
    {
        FakeHttpServer server;
        server.onSequence(
            "GET", QStringLiteral("/jenkins/crumbIssuer/api/json"),
            {FakeResponse::json(
                 200, QByteArray(R"({"crumb":"old","crumbRequestField":"Jenkins-Crumb"})")),
             FakeResponse::json(
                 200, QByteArray(R"({"crumb":"new","crumbRequestField":"Jenkins-Crumb"})"))});
        server.onRequest("POST", AndroidJob + QStringLiteral("/buildWithParameters"),
                         [&server](const RecordedRequest& request) {
                             if (request.header("jenkins-crumb") == "new")
                                 return queued(server, 43);
                             return FakeResponse::htmlPage(403);
                         });
        const HttpClient http(fastSettings());
        JenkinsCiClient client = clientOf(server, http);
        auto handle =
            client.trigger(QStringLiteral("REGRESSION_BUILD"), QStringLiteral("main"), {});
        QVERIFY2(handle.ok(), failureOf(handle).constData());
        QCOMPARE(handle->queueUrl, server.url("/jenkins/queue/item/43/").toString());
        QCOMPARE(
            server.requests("POST", AndroidJob + QStringLiteral("/buildWithParameters")).size(), 2);
        QCOMPARE(server.requests("GET", QStringLiteral("/jenkins/crumbIssuer/api/json")).size(), 2);
    }

    void forbiddenWithoutCrumbIsNotRepeated()
    {
        FakeHttpServer server;
        server.on("POST", QStringLiteral("/jenkins/job/e2e/build"),
                  FakeResponse::json(
                      403, QByteArray(R"({"message":"ada is missing the Job/Build permission"})")));
        const HttpClient http(fastSettings());
        JenkinsCiClient client = clientOf(server, http);
        auto handle = client.trigger(QStringLiteral("AUTOMATION"), {}, {});
        QCOMPARE(handle.error().kind, ErrorKind::Forbidden);
        QCOMPARE(
            handle.error().message,
            QStringLiteral("Jenkins denied the request: ada is missing the Job/Build permission."));
        QCOMPARE(server.requests("POST", QStringLiteral("/jenkins/job/e2e/build")).size(), 1);
    }

    void triggerWithoutParametersOrCrumb()
    {
        FakeHttpServer server;
        server.on("POST", QStringLiteral("/jenkins/job/e2e/build"), queued(server, 9));
        const HttpClient http(fastSettings());
        JenkinsCiClient client = clientOf(server, http);
        auto handle = client.trigger(QStringLiteral("AUTOMATION"), {}, {});
        QVERIFY2(handle.ok(), failureOf(handle).constData());
        QCOMPARE(handle->queueUrl, server.url("/jenkins/queue/item/9/").toString());
        const auto posts = server.requests("POST", QStringLiteral("/jenkins/job/e2e/build"));
        QCOMPARE(posts.size(), 1);
        QVERIFY(posts[0].header("jenkins-crumb").isEmpty());
        QVERIFY(posts[0].body.isEmpty());
    }

    void triggerIsNeverSentTwice()
    {
        FakeHttpServer server;
        serveCrumb(server);
        server.on("POST", AndroidJob + QStringLiteral("/buildWithParameters"),
                  FakeResponse::htmlPage(502));
        const HttpClient http(fastSettings());
        JenkinsCiClient client = clientOf(server, http);
        auto handle =
            client.trigger(QStringLiteral("REGRESSION_BUILD"), QStringLiteral("main"), {});
        QCOMPARE(handle.error().kind, ErrorKind::Transient);
        QCOMPARE(
            server.requests("POST", AndroidJob + QStringLiteral("/buildWithParameters")).size(), 1);
    }

    void followsQueueItemToBuild()
    {
        FakeHttpServer server;
        const QString item = QStringLiteral("/jenkins/queue/item/41/api/json");
        server.onSequence(
            "GET", item,
            {FakeResponse::json(
                 200,
                 QByteArray(
                     R"({"id":41,"why":"Waiting for next available executor","cancelled":false})")),
             FakeResponse::json(200, compact({{QStringLiteral("id"), 41},
                                              {QStringLiteral("executable"),
                                               QJsonObject{{QStringLiteral("number"), 57}}}}))});
        server.onSequence("GET", AndroidJob + QStringLiteral("/57/api/json"),
                          {build(server, true, QJsonValue()),
                           build(server, false, QStringLiteral("SUCCESS")),
                           build(server, false, QStringLiteral("FAILURE")),
                           build(server, false, QStringLiteral("ABORTED"))});
        const HttpClient http(fastSettings());
        JenkinsCiClient client = clientOf(server, http);
        CiRunHandle handle;
        handle.workflow = QStringLiteral("mobile/android-release");
        handle.queueUrl = server.url("/jenkins/queue/item/41/").toString();

        auto waiting = client.runStatus(handle);
        QVERIFY2(waiting.ok(), failureOf(waiting).constData());
        QCOMPARE(waiting->state, CiRunState::Pending);
        QCOMPARE(waiting->conclusion, QStringLiteral("Waiting for next available executor"));

        auto running = client.runStatus(handle);
        QVERIFY2(running.ok(), failureOf(running).constData());
        QCOMPARE(running->state, CiRunState::Running);
        QCOMPARE(running->buildNumber, 57);
        QCOMPARE(running->webUrl, server.url(AndroidJob + QStringLiteral("/57/")));

        handle.buildNumber = running->buildNumber;
        QCOMPARE(client.runStatus(handle)->state, CiRunState::Succeeded);
        QCOMPARE(client.runStatus(handle)->state, CiRunState::Failed);
        auto aborted = client.runStatus(handle);
        QCOMPARE(aborted->state, CiRunState::Cancelled);
        QCOMPARE(aborted->conclusion, QStringLiteral("ABORTED"));
        QCOMPARE(server.requests("GET", item).size(), 2);
        QCOMPARE(server.requests("GET", AndroidJob + QStringLiteral("/57/api/json"))[0]
                     .query.queryItemValue(QStringLiteral("tree"), QUrl::FullyDecoded),
                 QStringLiteral("number,url,building,result"));
        QCOMPARE(server.requests("GET", item)[0].header("authorization"),
                 "Basic " + QByteArray("ada:" + Token.toUtf8()).toBase64());
    }

    void cancelledQueueItem()
    {
        FakeHttpServer server;
        server.on("GET", QStringLiteral("/jenkins/queue/item/5/api/json"),
                  FakeResponse::json(200, QByteArray(R"({"id":5,"cancelled":true})")));
        const HttpClient http(fastSettings());
        JenkinsCiClient client = clientOf(server, http);
        CiRunHandle handle;
        handle.workflow = QStringLiteral("e2e");
        handle.queueUrl = server.url("/jenkins/queue/item/5/").toString();
        auto status = client.runStatus(handle);
        QVERIFY2(status.ok(), failureOf(status).constData());
        QCOMPARE(status->state, CiRunState::Cancelled);
    }

    void queueItemOnAnotherServerIsRefused()
    {
        FakeHttpServer server;
        const HttpClient http(fastSettings());
        JenkinsCiClient client = clientOf(server, http);
        CiRunHandle handle;
        handle.workflow = QStringLiteral("e2e");
        handle.queueUrl = QStringLiteral("https://elsewhere.example.test/queue/item/5/");
        auto status = client.runStatus(handle);
        QCOMPARE(status.error().kind, ErrorKind::Validation);
        QCOMPARE(server.requests().size(), 0);
    }

    void listWorkflowsAndJobPaths()
    {
        FakeHttpServer server;
        server.on(
            "GET", QStringLiteral("/jenkins/api/json"),
            FakeResponse::json(
                200,
                QByteArray(
                    R"({"jobs":[{"name":"e2e","fullName":"e2e"},{"name":"mobile","fullName":"mobile"}]})")));
        const HttpClient http(fastSettings());
        JenkinsCiClient client = clientOf(server, http);
        auto workflows = client.listWorkflows();
        QVERIFY2(workflows.ok(), failureOf(workflows).constData());
        QCOMPARE(workflows->size(), 2);
        QCOMPARE(workflows->at(1).path, QStringLiteral("mobile"));
        QCOMPARE(
            server.requests()[0].query.queryItemValue(QStringLiteral("tree"), QUrl::FullyDecoded),
            QStringLiteral("jobs[name,fullName,url]"));
        QCOMPARE(JenkinsCiClient::jobPath(QStringLiteral("My Folder/app")),
                 QStringLiteral("/job/My%20Folder/job/app"));
    }

    void configValidation_data()
    {
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<QString>("message");
        const QJsonObject jobs{{QStringLiteral("REGRESSION_BUILD"), QStringLiteral("app")}};
        QTest::newRow("no url") << QJsonObject{{QStringLiteral("user"), QStringLiteral("ada")},
                                               {QStringLiteral("jobs"), jobs}}
                                << QStringLiteral("Enter the Jenkins address.");
        QTest::newRow("no user") << QJsonObject{{QStringLiteral("url"),
                                                 QStringLiteral("https://ci.example.test")},
                                                {QStringLiteral("jobs"), jobs}}
                                 << QStringLiteral("Enter the Jenkins user.");
        QTest::newRow("no jobs") << QJsonObject{{QStringLiteral("url"),
                                                 QStringLiteral("https://ci.example.test")},
                                                {QStringLiteral("user"), QStringLiteral("ada")}}
                                 << QStringLiteral("Enter the job of at least one purpose.");
        QTest::newRow("bad job")
            << QJsonObject{{QStringLiteral("url"), QStringLiteral("https://ci.example.test")},
                           {QStringLiteral("user"), QStringLiteral("ada")},
                           {QStringLiteral("jobs"), QJsonObject{{QStringLiteral("REGRESSION_BUILD"),
                                                                 QStringLiteral("/app/")}}}}
            << QStringLiteral("The job for Regression build is not a job's full name like "
                              "folder/job.");
        QTest::newRow("plain http")
            << QJsonObject{{QStringLiteral("url"), QStringLiteral("http://ci.example.test")},
                           {QStringLiteral("user"), QStringLiteral("ada")},
                           {QStringLiteral("jobs"), jobs}}
            << QStringLiteral("Use https:// for the Jenkins address; plain http:// is only allowed "
                              "for this computer.");
    }

    void configValidation()
    {
        QFETCH(QJsonObject, config);
        QFETCH(QString, message);
        const Status status =
            ProviderRegistry::builtIn().validateConfig(QStringLiteral("jenkins"), config);
        QCOMPARE(status.error().kind, ErrorKind::Usage);
        QCOMPARE(status.error().message, message);
    }
};

QTEST_GUILESS_MAIN(TestJenkinsCiClient)
#include "tst_jenkinsciclient.moc"
