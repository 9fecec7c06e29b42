#include "FakeGitHub.h"
#include "ResultText.h"
#include "providers/ProviderRegistry.h"

#include <QJsonArray>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

const QString Token = QStringLiteral("fake-actions-token-for-tests");

HttpSettings testSettings()
{
    HttpSettings settings;
    settings.totalTimeoutMs = 3000;
    settings.initialBackoffMs = 10;
    settings.maxBackoffMs = 50;
    return settings;
}

QJsonObject actionsConfig(const FakeGitHub& github)
{
    QJsonObject config = github.config();
    config.insert(QStringLiteral("workflows"),
                  QJsonObject{{QStringLiteral("REGRESSION_BUILD"), QStringLiteral("build.yml")},
                              {QStringLiteral("AUTOMATION"), QStringLiteral("deploy.yml")}});
    return config;
}

std::unique_ptr<CiClient> clientFor(const QJsonObject& config, const HttpClient& http)
{
    Connection connection;
    connection.category = ConnectionCategory::Ci;
    connection.provider = QStringLiteral("github-actions");
    connection.config = config;
    auto client = ProviderRegistry::builtIn().createCi(connection, Token, http);
    if (!client)
        qFatal("could not create the Actions client: %s", failureOf(client).constData());
    return std::move(client).value();
}

void addStandardWorkflows(FakeGitHub& github)
{
    github.actions().addWorkflow(161335, QStringLiteral("Build"),
                                 QStringLiteral(".github/workflows/build.yml"));
    github.actions().addWorkflow(161336, QStringLiteral("Deploy"),
                                 QStringLiteral(".github/workflows/deploy.yml"));
}

QJsonObject run(qint64 id, const QString& branch, const QDateTime& created,
                const QString& event = QStringLiteral("workflow_dispatch"))
{
    return {
        {QStringLiteral("id"), id},
        {QStringLiteral("run_number"), id % 100},
        {QStringLiteral("event"), event},
        {QStringLiteral("head_branch"), branch},
        {QStringLiteral("status"), QStringLiteral("completed")},
        {QStringLiteral("conclusion"), QStringLiteral("success")},
        {QStringLiteral("created_at"), created.toString(Qt::ISODate)},
        {QStringLiteral("html_url"), QStringLiteral("https://github.example.test/run/%1").arg(id)}};
}

} // namespace

class TestGitHubActions : public QObject
{
    Q_OBJECT

private slots:
    void listWorkflows()
    {
        FakeGitHub github;
        addStandardWorkflows(github);
        const HttpClient http(testSettings());
        auto workflows = clientFor(actionsConfig(github), http)->listWorkflows();
        QVERIFY2(workflows.ok(), failureOf(workflows).constData());
        QCOMPARE(workflows->size(), 2);
        QCOMPARE(workflows->at(0).id, QStringLiteral("161335"));
        QCOMPARE(workflows->at(0).name, QStringLiteral("Build"));
        QCOMPARE(workflows->at(0).path, QStringLiteral(".github/workflows/build.yml"));
        const auto requests = github.requests("GET", QStringLiteral("/actions/workflows"));
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests[0].header("authorization"), "Bearer " + Token.toUtf8());
        QCOMPARE(requests[0].query.queryItemValue(QStringLiteral("per_page")),
                 QStringLiteral("100"));
    }

    // A '+' in a query value reaches GitHub as %2B: a bare '+' is read as a space, and the
    // run of "release/1.0+hotfix" would never be found.
    void aPlusInTheRefIsEncodedInTheRunLookup()
    {
        FakeGitHub github;
        addStandardWorkflows(github);
        const HttpClient http(testSettings());
        auto handle = clientFor(actionsConfig(github), http)
                          ->trigger(QStringLiteral("REGRESSION_BUILD"),
                                    QStringLiteral("release/1.0+hotfix"), {});
        QVERIFY2(handle.ok(), failureOf(handle).constData());
        const auto lookups =
            github.requests("GET", QStringLiteral("/actions/workflows/build.yml/runs"));
        QCOMPARE(lookups.size(), 1);
        QVERIFY2(lookups[0].target.contains("branch=release%2F1.0%2Bhotfix"),
                 lookups[0].target.constData());
    }

    void verifyFindsEveryConfiguredWorkflow()
    {
        FakeGitHub github;
        addStandardWorkflows(github);
        const HttpClient http(testSettings());
        auto report = clientFor(actionsConfig(github), http)->verify();
        QVERIFY2(report.ok(), failureOf(report).constData());
        QCOMPARE(report->summary,
                 QStringLiteral("GitHub Actions in octo/app: 2 configured workflow(s) found."));
        QCOMPARE(report->details.value(QStringLiteral("workflows"))
                     .toObject()
                     .value(QStringLiteral("AUTOMATION"))
                     .toString(),
                 QStringLiteral(".github/workflows/deploy.yml"));
    }

    void verifyReportsAMissingWorkflow()
    {
        FakeGitHub github;
        github.actions().addWorkflow(1, QStringLiteral("Build"),
                                     QStringLiteral(".github/workflows/build.yml"));
        const HttpClient http(testSettings());
        auto report = clientFor(actionsConfig(github), http)->verify();
        QVERIFY(!report.ok());
        QCOMPARE(report.error().kind, ErrorKind::NotFound);
        QCOMPARE(
            report.error().message,
            QStringLiteral("The workflow deploy.yml (for AUTOMATION) does not exist in octo/app on "
                           "GitHub."));
    }

    void verifyWithRefusedToken()
    {
        FakeGitHub github;
        github.server().on("GET", github.repoPath(QStringLiteral("/actions/workflows")),
                           FakeResponse::json(401, "{\"message\":\"Bad credentials\"}"));
        const HttpClient http(testSettings());
        auto report = clientFor(actionsConfig(github), http)->verify();
        QVERIFY(!report.ok());
        QCOMPARE(report.error().kind, ErrorKind::Unauthorized);
        QCOMPARE(report.error().message,
                 QStringLiteral("GitHub refused the credentials: Bad credentials."));
    }

    void triggerDispatchesAndFindsItsRun()
    {
        FakeGitHub github;
        addStandardWorkflows(github);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // Older dispatches on the same branch and a fresh one elsewhere are not ours.
        github.actions().addRun(QStringLiteral("build.yml"),
                                run(501, QStringLiteral("release/1.0"), now.addSecs(-3600)));
        github.actions().addRun(QStringLiteral("build.yml"), run(502, QStringLiteral("main"), now));
        github.actions().addRun(QStringLiteral("build.yml"), run(503, QStringLiteral("release/1.0"),
                                                                 now, QStringLiteral("push")));
        const HttpClient http(testSettings());
        auto client = clientFor(actionsConfig(github), http);
        const QJsonObject inputs{{QStringLiteral("version"), QStringLiteral("1.0.0")},
                                 {QStringLiteral("dry_run"), false}};
        auto handle = client->trigger(QStringLiteral("REGRESSION_BUILD"),
                                      QStringLiteral("release/1.0"), inputs);
        QVERIFY2(handle.ok(), failureOf(handle).constData());
        QCOMPARE(handle->workflow, QStringLiteral("build.yml"));
        QCOMPARE(handle->ref, QStringLiteral("release/1.0"));
        QVERIFY(!handle->runId.isEmpty());
        QVERIFY(handle->runId != QStringLiteral("501"));
        QVERIFY(handle->runId != QStringLiteral("502"));
        QVERIFY(handle->runId != QStringLiteral("503"));

        const auto dispatches =
            github.requests("POST", QStringLiteral("/actions/workflows/build.yml/dispatches"));
        QCOMPARE(dispatches.size(), 1);
        QCOMPARE(dispatches[0].header("authorization"), "Bearer " + Token.toUtf8());
        QCOMPARE(dispatches[0].json().object(),
                 (QJsonObject{{QStringLiteral("ref"), QStringLiteral("release/1.0")},
                              {QStringLiteral("inputs"), inputs}}));
        const auto lookups =
            github.requests("GET", QStringLiteral("/actions/workflows/build.yml/runs"));
        QCOMPARE(lookups.size(), 1);
        const QUrlQuery& query = lookups[0].query;
        QCOMPARE(query.queryItemValue(QStringLiteral("event")),
                 QStringLiteral("workflow_dispatch"));
        QCOMPARE(query.queryItemValue(QStringLiteral("branch"), QUrl::FullyDecoded),
                 QStringLiteral("release/1.0"));
        QVERIFY(query.queryItemValue(QStringLiteral("created"), QUrl::FullyDecoded)
                    .startsWith(QStringLiteral(">=")));

        auto status = client->runStatus(*handle);
        QVERIFY2(status.ok(), failureOf(status).constData());
        QCOMPARE(status->state, CiRunState::Pending);
        QCOMPARE(status->runId, handle->runId);
        QCOMPARE(status->webUrl.toString(),
                 QStringLiteral("https://github.example.test/octo/app/actions/runs/") +
                     handle->runId);
        QCOMPARE(github.count("GET", QStringLiteral("/actions/runs/") + handle->runId), 1);
    }

    void runStatusFollowsTheRun_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("conclusion");
        QTest::addColumn<CiRunState>("state");
        QTest::newRow("queued") << QStringLiteral("queued") << QString() << CiRunState::Pending;
        QTest::newRow("in progress")
            << QStringLiteral("in_progress") << QString() << CiRunState::Running;
        QTest::newRow("success") << QStringLiteral("completed") << QStringLiteral("success")
                                 << CiRunState::Succeeded;
        QTest::newRow("failure") << QStringLiteral("completed") << QStringLiteral("failure")
                                 << CiRunState::Failed;
        QTest::newRow("timed out")
            << QStringLiteral("completed") << QStringLiteral("timed_out") << CiRunState::Failed;
        QTest::newRow("cancelled")
            << QStringLiteral("completed") << QStringLiteral("cancelled") << CiRunState::Cancelled;
    }

    void runStatusFollowsTheRun()
    {
        QFETCH(QString, status);
        QFETCH(QString, conclusion);
        QFETCH(CiRunState, state);
        FakeGitHub github;
        addStandardWorkflows(github);
        github.actions().addRun(QStringLiteral("build.yml"),
                                run(777, QStringLiteral("main"), QDateTime::currentDateTimeUtc()));
        github.actions().setRunStatus(777, status, conclusion);
        const HttpClient http(testSettings());
        CiRunHandle handle;
        handle.workflow = QStringLiteral("build.yml");
        handle.ref = QStringLiteral("main");
        handle.runId = QStringLiteral("777");
        auto result = clientFor(actionsConfig(github), http)->runStatus(handle);
        QVERIFY2(result.ok(), failureOf(result).constData());
        QCOMPARE(result->state, state);
        QCOMPARE(result->conclusion, conclusion);
        QCOMPARE(result->buildNumber, qint64(77));
        QCOMPARE(result->webUrl.toString(), QStringLiteral("https://github.example.test/run/777"));
    }

    void runNotCreatedYetIsPendingThenFound()
    {
        FakeGitHub github;
        addStandardWorkflows(github);
        github.actions().setDispatchCreatesRun(false);
        const HttpClient http(testSettings());
        auto client = clientFor(actionsConfig(github), http);
        auto handle = client->trigger(QStringLiteral("deploy.yml"), QStringLiteral("main"), {});
        QVERIFY2(handle.ok(), failureOf(handle).constData());
        QVERIFY(handle->runId.isEmpty());
        QCOMPARE(github.requests("POST", QStringLiteral("/actions/workflows/deploy.yml/dispatches"))
                     .constFirst()
                     .json()
                     .object(),
                 (QJsonObject{{QStringLiteral("ref"), QStringLiteral("main")}}));

        const CiRunHandle stored = CiRunHandle::fromJson(handle->toJson());
        auto pending = client->runStatus(stored);
        QVERIFY2(pending.ok(), failureOf(pending).constData());
        QCOMPARE(pending->state, CiRunState::Pending);
        QVERIFY(pending->runId.isEmpty());

        github.actions().addRun(QStringLiteral("deploy.yml"),
                                run(900, QStringLiteral("main"), stored.triggeredAt.addSecs(2)));
        auto found = client->runStatus(stored);
        QVERIFY2(found.ok(), failureOf(found).constData());
        QCOMPARE(found->runId, QStringLiteral("900"));
        QCOMPARE(found->state, CiRunState::Succeeded);
    }

    void dispatchOfUnknownWorkflowIsNotFound()
    {
        FakeGitHub github;
        addStandardWorkflows(github);
        const HttpClient http(testSettings());
        auto handle = clientFor(actionsConfig(github), http)
                          ->trigger(QStringLiteral("missing.yml"), QStringLiteral("main"), {});
        QVERIFY(!handle.ok());
        QCOMPARE(handle.error().kind, ErrorKind::NotFound);
    }

    void configNeedsWorkflows()
    {
        FakeGitHub github;
        const Status status = ProviderRegistry::builtIn().validateConfig(
            QStringLiteral("github-actions"), github.config());
        QVERIFY(!status.ok());
        QCOMPARE(status.error().message,
                 QStringLiteral("Pick the workflow of at least one purpose."));
    }
};

QTEST_GUILESS_MAIN(TestGitHubActions)
#include "tst_githubactions.moc"
