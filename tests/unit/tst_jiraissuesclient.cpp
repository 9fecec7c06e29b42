#include "ClockText.h"
#include "FakeHttpServer.h"
#include "FastHttpSettings.h"
#include "ResultText.h"
#include "providers/ConnectionVerifier.h"
#include "providers/JiraIssuesClient.h"
#include "providers/ProviderRegistry.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

const QString Token = QStringLiteral("jira-test-token-not-real");
const QString Cloud = QStringLiteral("/jira/rest/api/3");
const QString Server = QStringLiteral("/jira/rest/api/2");

QJsonObject configOf(const FakeHttpServer& server, bool cloud)
{
    QJsonObject config{{QStringLiteral("siteUrl"), server.url("/jira").toString()},
                       {QStringLiteral("projectKeys"),
                        QJsonObject{{QStringLiteral("ANDROID"), QStringLiteral("DROID")},
                                    {QStringLiteral("IOS"), QStringLiteral("APPLE")}}},
                       {QStringLiteral("readyStates"),
                        QJsonObject{{QStringLiteral("ANDROID"), QStringLiteral("Ready")}}}};
    if (cloud)
        config.insert(QStringLiteral("email"), QStringLiteral("ada@example.test"));
    return config;
}

JiraIssuesClient clientOf(const FakeHttpServer& server, bool cloud, const HttpClient& http)
{
    return JiraIssuesClient(JiraTarget::fromConfig(configOf(server, cloud), cloud).value(), Token,
                            http);
}

QByteArray compact(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

FakeResponse myselfOk()
{
    return FakeResponse::json(
        200, compact({{QStringLiteral("accountId"), QStringLiteral("5b10a")},
                      {QStringLiteral("name"), QStringLiteral("ada")},
                      {QStringLiteral("displayName"), QStringLiteral("Ada Lovelace")},
                      {QStringLiteral("emailAddress"), QStringLiteral("ada@example.test")}}));
}

FakeResponse projectOk(const QString& key)
{
    return FakeResponse::json(200, compact({{QStringLiteral("key"), key}}));
}

FakeResponse projectMissing(const QString& key)
{
    return FakeResponse::json(
        404,
        compact({{QStringLiteral("errorMessages"),
                  QJsonArray{QStringLiteral("No project could be found with key '%1'.").arg(key)}},
                 {QStringLiteral("errors"), QJsonObject()}}));
}

QJsonObject issueJson(const QString& key, const QString& status)
{
    return {{QStringLiteral("id"), QString(QStringLiteral("100") + key.right(1))},
            {QStringLiteral("key"), key},
            {QStringLiteral("fields"),
             QJsonObject{{QStringLiteral("summary"), QStringLiteral("Release 1.4.0")},
                         {QStringLiteral("status"), QJsonObject{{QStringLiteral("name"), status}}},
                         {QStringLiteral("labels"), QJsonArray{QStringLiteral("release-1.4.0")}}}}};
}

const QString ReleaseJql =
    QStringLiteral("project = \"DROID\" AND labels = \"release-1.4.0\" ORDER BY created ASC");

} // namespace

class TestJiraIssuesClient : public QObject
{
    Q_OBJECT

private slots:
    void cloudUsesBasicAuthAndApiV3()
    {
        FakeHttpServer server;
        server.on("GET", Cloud + QStringLiteral("/myself"), myselfOk());
        const HttpClient http(fastSettings());
        JiraIssuesClient client = clientOf(server, true, http);
        auto user = client.myself();
        QVERIFY2(user.ok(), failureOf(user).constData());
        QCOMPARE(user->accountId, QStringLiteral("5b10a"));
        QCOMPARE(user->displayName, QStringLiteral("Ada Lovelace"));
        QCOMPARE(server.requests()[0].header("authorization"),
                 "Basic " + QByteArray("ada@example.test:" + Token.toUtf8()).toBase64());
    }

    void serverUsesBearerAndApiV2()
    {
        FakeHttpServer server;
        server.on("GET", Server + QStringLiteral("/myself"),
                  FakeResponse::json(200, compact({{QStringLiteral("name"), QStringLiteral("ada")},
                                                   {QStringLiteral("displayName"),
                                                    QStringLiteral("Ada Lovelace")}})));
        const HttpClient http(fastSettings());
        JiraIssuesClient client = clientOf(server, false, http);
        auto user = client.myself();
        QVERIFY2(user.ok(), failureOf(user).constData());
        QCOMPARE(user->accountId, QStringLiteral("ada"));
        QCOMPARE(server.requests()[0].header("authorization"), "Bearer " + Token.toUtf8());
    }

    void verifyOutcomes_data()
    {
        QTest::addColumn<bool>("cloud");
        QTest::addColumn<FakeResponse>("me");
        QTest::addColumn<FakeResponse>("ios");
        QTest::addColumn<FakeResponse>("android");
        QTest::addColumn<ErrorKind>("kind"); // Internal: valid
        QTest::addColumn<VerificationStatus>("status");
        QTest::addColumn<QString>("message");
        for (const bool cloud : {true, false}) {
            const QByteArray flavour = cloud ? "cloud " : "server ";
            QTest::newRow(QByteArray(flavour + "valid").constData())
                << cloud << myselfOk() << projectOk(QStringLiteral("APPLE"))
                << projectOk(QStringLiteral("DROID")) << ErrorKind::Internal
                << VerificationStatus::Valid
                << QStringLiteral("Signed in to %1 as Ada Lovelace; projects DROID (Android), "
                                  "APPLE (iOS) exist.");
            QTest::newRow(QByteArray(flavour + "one key missing").constData())
                << cloud << myselfOk() << projectMissing(QStringLiteral("APPLE"))
                << projectOk(QStringLiteral("DROID")) << ErrorKind::NotFound
                << VerificationStatus::Invalid
                << QStringLiteral("The Jira project key APPLE (iOS) does not exist on %1 or Ada "
                                  "Lovelace cannot see it.");
            QTest::newRow(QByteArray(flavour + "both keys missing").constData())
                << cloud << myselfOk() << projectMissing(QStringLiteral("APPLE"))
                << projectMissing(QStringLiteral("DROID")) << ErrorKind::NotFound
                << VerificationStatus::Invalid
                << QStringLiteral("The Jira project keys DROID (Android), APPLE (iOS) do not exist "
                                  "on %1 or Ada Lovelace cannot see them.");
        }
        QTest::newRow("cloud bad token")
            << true << FakeResponse::empty(401) << projectOk(QStringLiteral("APPLE"))
            << projectOk(QStringLiteral("DROID")) << ErrorKind::Unauthorized
            << VerificationStatus::Invalid << QStringLiteral("Jira Cloud refused the credentials.");
        QTest::newRow("server expired token")
            << false
            << FakeResponse::json(
                   401, QByteArray(R"({"message":"The personal access token has expired."})"))
            << projectOk(QStringLiteral("APPLE")) << projectOk(QStringLiteral("DROID"))
            << ErrorKind::Expired << VerificationStatus::Expired
            << QStringLiteral("Jira says the token has expired: The personal access token has "
                              "expired.");
        QTest::newRow("server down")
            << false << FakeResponse::htmlPage(502) << projectOk(QStringLiteral("APPLE"))
            << projectOk(QStringLiteral("DROID")) << ErrorKind::Transient
            << VerificationStatus::Pending
            << QStringLiteral("Jira failed: HTTP 502 from 127.0.0.1.");
        QTest::newRow("cloud rate limited")
            << true << FakeResponse::empty(429).withHeader("Retry-After", "3600")
            << projectOk(QStringLiteral("APPLE")) << projectOk(QStringLiteral("DROID"))
            << ErrorKind::RateLimited << VerificationStatus::Pending << QString();
    }

    void verifyOutcomes()
    {
        QFETCH(bool, cloud);
        QFETCH(FakeResponse, me);
        QFETCH(FakeResponse, ios);
        QFETCH(FakeResponse, android);
        QFETCH(ErrorKind, kind);
        QFETCH(VerificationStatus, status);
        QFETCH(QString, message);
        FakeHttpServer server;
        const QString api = cloud ? Cloud : Server;
        server.on("GET", api + QStringLiteral("/myself"), me);
        server.on("GET", api + QStringLiteral("/project/APPLE"), ios);
        server.on("GET", api + QStringLiteral("/project/DROID"), android);
        if (message.contains(QStringLiteral("%1")))
            message = message.arg(server.url("/jira").toString());
        const HttpClient http(fastSettings());
        JiraIssuesClient client = clientOf(server, cloud, http);
        auto report = client.verify();
        QCOMPARE(report.ok(), kind == ErrorKind::Internal);
        if (report.ok()) {
            QCOMPARE(report->summary, message);
        } else {
            QCOMPARE(report.error().kind, kind);
            if (!message.isEmpty())
                QCOMPARE(report.error().message, message);
        }

        Connection connection;
        connection.category = ConnectionCategory::Issues;
        connection.provider = cloud ? QStringLiteral("jira-cloud") : QStringLiteral("jira-server");
        connection.config = configOf(server, cloud);
        const ConnectionVerifier verifier(ProviderRegistry::builtIn(), fastSettings());
        const VerificationOutcome outcome = verifier.verify(connection, Token);
        QCOMPARE(outcome.status, status);
        QCOMPARE(withoutClockTimes(outcome.error),
                 withoutClockTimes(report.ok() ? QString() : report.error().message));
    }

    void createIssueOnCloudSendsDocument()
    {
        FakeHttpServer server;
        server.on("POST", Cloud + QStringLiteral("/issue"),
                  FakeResponse::json(201, QByteArray(R"({"id":"10042","key":"DROID-42"})")));
        const HttpClient http(fastSettings());
        JiraIssuesClient client = clientOf(server, true, http);
        auto issue = client.createIssue(QStringLiteral("DROID"), QStringLiteral("Release 1.4.0"),
                                        QStringLiteral("Kickoff today.\n\nBranch release/1.4.0"),
                                        {QStringLiteral("release-1.4.0")});
        QVERIFY2(issue.ok(), failureOf(issue).constData());
        QCOMPARE(issue->key, QStringLiteral("DROID-42"));
        QCOMPARE(issue->webUrl, server.url("/jira/browse/DROID-42"));
        const QJsonObject fields =
            server.requests()[0].json().object().value(QStringLiteral("fields")).toObject();
        QCOMPARE(fields.value(QStringLiteral("project")).toObject().value(QStringLiteral("key")),
                 QJsonValue(QStringLiteral("DROID")));
        QCOMPARE(fields.value(QStringLiteral("summary")),
                 QJsonValue(QStringLiteral("Release 1.4.0")));
        QCOMPARE(fields.value(QStringLiteral("issuetype")).toObject().value(QStringLiteral("name")),
                 QJsonValue(QStringLiteral("Task")));
        QCOMPARE(fields.value(QStringLiteral("labels")).toArray(),
                 QJsonArray{QStringLiteral("release-1.4.0")});
        const QJsonObject paragraph = [](const QString& text) {
            return QJsonObject{
                {QStringLiteral("type"), QStringLiteral("paragraph")},
                {QStringLiteral("content"),
                 QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                        {QStringLiteral("text"), text}}}}};
        }(QStringLiteral("Kickoff today."));
        const QJsonObject document = fields.value(QStringLiteral("description")).toObject();
        QCOMPARE(document.value(QStringLiteral("type")), QJsonValue(QStringLiteral("doc")));
        QCOMPARE(document.value(QStringLiteral("version")), QJsonValue(1));
        QCOMPARE(document.value(QStringLiteral("content")).toArray().size(), 2);
        QCOMPARE(document.value(QStringLiteral("content")).toArray().at(0).toObject(), paragraph);
    }

    void createIssueOnServerSendsPlainText()
    {
        FakeHttpServer server;
        server.on("POST", Server + QStringLiteral("/issue"),
                  FakeResponse::json(201, QByteArray(R"({"id":"10042","key":"DROID-42"})")));
        const HttpClient http(fastSettings());
        JiraIssuesClient client = clientOf(server, false, http);
        auto issue = client.createIssue(QStringLiteral("DROID"), QStringLiteral("Release 1.4.0"),
                                        QStringLiteral("Kickoff today."), {});
        QVERIFY2(issue.ok(), failureOf(issue).constData());
        QCOMPARE(server.requests()[0]
                     .json()
                     .object()
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("description")),
                 QJsonValue(QStringLiteral("Kickoff today.")));
        QCOMPARE(server.requests()[0].header("content-type"), QByteArray("application/json"));
    }

    void findReleaseIssueOnCloudFollowsPageTokens()
    {
        FakeHttpServer server;
        server.onRequest(
            "GET", Cloud + QStringLiteral("/search/jql"), [](const RecordedRequest& request) {
                if (request.query.queryItemValue(QStringLiteral("nextPageToken"),
                                                 QUrl::FullyDecoded) == QLatin1String("page+2/="))
                    return FakeResponse::json(
                        200, compact({{QStringLiteral("issues"),
                                       QJsonArray{issueJson(QStringLiteral("DROID-9"),
                                                            QStringLiteral("Done"))}},
                                      {QStringLiteral("isLast"), true}}));
                return FakeResponse::json(
                    200, compact({{QStringLiteral("issues"),
                                   QJsonArray{issueJson(QStringLiteral("DROID-7"),
                                                        QStringLiteral("Ready"))}},
                                  {QStringLiteral("nextPageToken"), QStringLiteral("page+2/=")},
                                  {QStringLiteral("isLast"), false}}));
            });
        const HttpClient http(fastSettings());
        JiraIssuesClient client = clientOf(server, true, http);
        auto all = client.search(ReleaseJql);
        QVERIFY2(all.ok(), failureOf(all).constData());
        QCOMPARE(all->size(), 2);
        auto found =
            client.findReleaseIssue(QStringLiteral("DROID"), QStringLiteral("release-1.4.0"));
        QVERIFY2(found.ok(), failureOf(found).constData());
        QVERIFY(found->has_value());
        QCOMPARE((*found)->key, QStringLiteral("DROID-7"));
        QCOMPARE((*found)->status, QStringLiteral("Ready"));
        QCOMPARE((*found)->labels, QStringList{QStringLiteral("release-1.4.0")});
        const auto requests = server.requests();
        QCOMPARE(requests.size(), 4);
        QCOMPARE(requests[0].query.queryItemValue(QStringLiteral("jql"), QUrl::FullyDecoded),
                 ReleaseJql);
        QCOMPARE(requests[0].query.queryItemValue(QStringLiteral("fields"), QUrl::FullyDecoded),
                 QStringLiteral("summary,status,labels"));
        QCOMPARE(requests[0].query.queryItemValue(QStringLiteral("maxResults")),
                 QStringLiteral("50"));
        QVERIFY(requests[1].target.contains("nextPageToken=page%2B2%2F%3D"));
        QCOMPARE(requests[1].query.queryItemValue(QStringLiteral("jql"), QUrl::FullyDecoded),
                 ReleaseJql);
    }

    void findReleaseIssueOnServerFollowsStartAt()
    {
        FakeHttpServer server;
        server.onRequest(
            "GET", Server + QStringLiteral("/search"), [](const RecordedRequest& request) {
                const int startAt = request.query.queryItemValue(QStringLiteral("startAt")).toInt();
                return FakeResponse::json(
                    200, compact({{QStringLiteral("startAt"), startAt},
                                  {QStringLiteral("maxResults"), 1},
                                  {QStringLiteral("total"), 2},
                                  {QStringLiteral("issues"),
                                   QJsonArray{issueJson(QStringLiteral("DROID-%1").arg(startAt + 1),
                                                        QStringLiteral("Open"))}}}));
            });
        const HttpClient http(fastSettings());
        JiraIssuesClient client = clientOf(server, false, http);
        auto all = client.search(ReleaseJql);
        QVERIFY2(all.ok(), failureOf(all).constData());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(1).key, QStringLiteral("DROID-2"));
        const auto requests = server.requests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests[0].query.queryItemValue(QStringLiteral("startAt")), QStringLiteral("0"));
        QCOMPARE(requests[1].query.queryItemValue(QStringLiteral("startAt")), QStringLiteral("1"));
        QCOMPARE(requests[1].query.queryItemValue(QStringLiteral("jql"), QUrl::FullyDecoded),
                 ReleaseJql);
        QCOMPARE(requests[1].header("authorization"), "Bearer " + Token.toUtf8());
    }

    void ensureReleaseIssueTwiceCreatesOnce()
    {
        FakeHttpServer server;
        server.onSequence(
            "GET", Cloud + QStringLiteral("/search/jql"),
            {FakeResponse::json(200, QByteArray(R"({"issues":[],"isLast":true})")),
             FakeResponse::json(200, compact({{QStringLiteral("issues"),
                                               QJsonArray{issueJson(QStringLiteral("DROID-42"),
                                                                    QStringLiteral("Open"))}},
                                              {QStringLiteral("isLast"), true}}))});
        server.on("POST", Cloud + QStringLiteral("/issue"),
                  FakeResponse::json(201, QByteArray(R"({"id":"10042","key":"DROID-42"})")));
        const HttpClient http(fastSettings());
        JiraIssuesClient client = clientOf(server, true, http);
        for (int i = 0; i < 2; ++i) {
            auto issue =
                client.ensureReleaseIssue(QStringLiteral("DROID"), QStringLiteral("Release 1.4.0"),
                                          {}, QStringLiteral("release-1.4.0"));
            QVERIFY2(issue.ok(), failureOf(issue).constData());
            QCOMPARE(issue->key, QStringLiteral("DROID-42"));
        }
        const auto posts = server.requests("POST", Cloud + QStringLiteral("/issue"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts[0]
                     .json()
                     .object()
                     .value(QStringLiteral("fields"))
                     .toObject()
                     .value(QStringLiteral("labels"))
                     .toArray(),
                 QJsonArray{QStringLiteral("release-1.4.0")});
        QCOMPARE(server.requests("GET", Cloud + QStringLiteral("/search/jql")).size(), 2);
    }

    void noReleaseIssueYet()
    {
        FakeHttpServer server;
        server.on("GET", Cloud + QStringLiteral("/search/jql"),
                  FakeResponse::json(200, QByteArray(R"({"issues":[],"isLast":true})")));
        const HttpClient http(fastSettings());
        JiraIssuesClient client = clientOf(server, true, http);
        auto found =
            client.findReleaseIssue(QStringLiteral("DROID"), QStringLiteral("release-1.4.0"));
        QVERIFY2(found.ok(), failureOf(found).constData());
        QVERIFY(!found->has_value());
    }

    void statusAndTransitions()
    {
        FakeHttpServer server;
        server.on("GET", Server + QStringLiteral("/issue/DROID-7"),
                  FakeResponse::json(200, compact(issueJson(QStringLiteral("DROID-7"),
                                                            QStringLiteral("In Review")))));
        server.on(
            "GET", Server + QStringLiteral("/issue/DROID-7/transitions"),
            FakeResponse::json(
                200,
                QByteArray(
                    R"({"transitions":[{"id":"21","name":"Approve","to":{"name":"Ready"}},{"id":"31","name":"Reject","to":{"name":"Open"}}]})")));
        server.on("POST", Server + QStringLiteral("/issue/DROID-7/transitions"),
                  FakeResponse::empty(204));
        const HttpClient http(fastSettings());
        JiraIssuesClient client = clientOf(server, false, http);
        auto status = client.issueStatus(QStringLiteral("DROID-7"));
        QVERIFY2(status.ok(), failureOf(status).constData());
        QCOMPARE(*status, QStringLiteral("In Review"));
        QCOMPARE(server.requests()[0].query.queryItemValue(QStringLiteral("fields")),
                 QStringLiteral("status"));
        auto list = client.transitions(QStringLiteral("DROID-7"));
        QVERIFY2(list.ok(), failureOf(list).constData());
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(0).id, QStringLiteral("21"));
        QCOMPARE(list->at(0).toStatus, QStringLiteral("Ready"));
        const Status moved = client.transition(QStringLiteral("DROID-7"), QStringLiteral("21"));
        QVERIFY2(moved.ok(), failureOf(moved).constData());
        const auto posts =
            server.requests("POST", Server + QStringLiteral("/issue/DROID-7/transitions"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts[0].json().object(),
                 (QJsonObject{{QStringLiteral("transition"),
                               QJsonObject{{QStringLiteral("id"), QStringLiteral("21")}}}}));
    }

    void configValidation_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QJsonObject>("config");
        QTest::addColumn<QString>("message");
        const QJsonObject keys{{QStringLiteral("ANDROID"), QStringLiteral("DROID")}};
        const QString site = QStringLiteral("https://acme.atlassian.example.test");
        QTest::newRow("no site") << QStringLiteral("jira-server")
                                 << QJsonObject{{QStringLiteral("projectKeys"), keys}}
                                 << QStringLiteral("Enter the Jira site address.");
        QTest::newRow("cloud without email")
            << QStringLiteral("jira-cloud")
            << QJsonObject{{QStringLiteral("siteUrl"), site}, {QStringLiteral("projectKeys"), keys}}
            << QStringLiteral("Enter the Jira account's email address.");
        QTest::newRow("no keys") << QStringLiteral("jira-server")
                                 << QJsonObject{{QStringLiteral("siteUrl"), site}}
                                 << QStringLiteral("Enter the project key of at least one "
                                                   "platform.");
        QTest::newRow("unknown platform")
            << QStringLiteral("jira-server")
            << QJsonObject{{QStringLiteral("siteUrl"), site},
                           {QStringLiteral("projectKeys"),
                            QJsonObject{{QStringLiteral("TV"), QStringLiteral("TV")}}}}
            << QStringLiteral("Unknown platform \"TV\" for the project key; use ANDROID, IOS or "
                              "WEB.");
        QTest::newRow("bad key")
            << QStringLiteral("jira-server")
            << QJsonObject{{QStringLiteral("siteUrl"), site},
                           {QStringLiteral("projectKeys"),
                            QJsonObject{{QStringLiteral("WEB"), QStringLiteral("my web")}}}}
            << QStringLiteral("The project key for Web is not a key like APP: 2 to 10 capital "
                              "letters, digits or '_', starting with a letter.");
        QTest::newRow("plain http")
            << QStringLiteral("jira-server")
            << QJsonObject{{QStringLiteral("siteUrl"), QStringLiteral("http://jira.example.test")},
                           {QStringLiteral("projectKeys"), keys}}
            << QStringLiteral("Use https:// for the Jira site address; plain http:// is only "
                              "allowed for this computer.");
    }

    void configValidation()
    {
        QFETCH(QString, provider);
        QFETCH(QJsonObject, config);
        QFETCH(QString, message);
        const Status status = ProviderRegistry::builtIn().validateConfig(provider, config);
        QCOMPARE(status.error().kind, ErrorKind::Usage);
        QCOMPARE(status.error().message, message);
    }
};

QTEST_GUILESS_MAIN(TestJiraIssuesClient)
#include "tst_jiraissuesclient.moc"
