#include "FakeGitHub.h"
#include "FastHttpSettings.h"
#include "ResultText.h"
#include "providers/ProviderRegistry.h"

#include <QJsonArray>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

const QString Token = QStringLiteral("fake-actions-token-for-tests");
const QString Workflow = QStringLiteral("regression.yml");
const QString Ref = QStringLiteral("release/1.4.0");
const QString AndroidMarker = QStringLiteral("rd-42-TRIGGER_REGRESSION_BUILDS-c2-ANDROID");
const QString IosMarker = QStringLiteral("rd-42-TRIGGER_REGRESSION_BUILDS-c2-IOS");

// A GitHub whose regression workflow declares Release Deck's inputs and names its runs
// after release_deck_task, as the client's header asks of a workflow.
void addRegressionWorkflow(FakeGitHub& github)
{
    github.actions().addWorkflow(7001, QStringLiteral("Regression build"),
                                 QStringLiteral(".github/workflows/") + Workflow);
    github.actions().declareInputs(Workflow,
                                   {QStringLiteral("release_deck_task"), QStringLiteral("platform"),
                                    QStringLiteral("version"), QStringLiteral("commit")});
}

std::unique_ptr<CiClient> clientFor(const FakeGitHub& github, const HttpClient& http)
{
    Connection connection;
    connection.category = ConnectionCategory::Ci;
    connection.provider = QStringLiteral("github-actions");
    connection.config = github.config();
    connection.config.insert(QStringLiteral("workflows"),
                             QJsonObject{{QStringLiteral("REGRESSION_BUILD"), Workflow}});
    auto client = ProviderRegistry::builtIn().createCi(connection, Token, http);
    if (!client)
        qFatal("could not create the Actions client: %s", failureOf(client).constData());
    return std::move(client).value();
}

QJsonObject inputsFor(const QString& marker, const QString& platform)
{
    return {{CiClient::markerInput(), marker},
            {QStringLiteral("platform"), platform},
            {QStringLiteral("version"), QStringLiteral("1.4.0")},
            {QStringLiteral("commit"), QStringLiteral("9fceb02")}};
}

// What the orchestrator records before it dispatches.
CiRunHandle intent()
{
    CiRunHandle handle;
    handle.workflow = QStringLiteral("REGRESSION_BUILD");
    handle.ref = Ref;
    handle.triggeredAt = QDateTime::currentDateTimeUtc();
    return handle;
}

// The id of the run whose display_title is marker.
QString runIdOf(const FakeGitHub& github, const QString& marker)
{
    for (const QJsonValue& run : github.actions().runs(Workflow)) {
        if (run.toObject().value(QStringLiteral("display_title")).toString() == marker)
            return QString::number(run.toObject().value(QStringLiteral("id")).toInteger());
    }
    return {};
}

} // namespace

// GitHub Actions runs found again by the marker Release Deck puts in release_deck_task.
class TestGitHubActionsFindRun : public QObject
{
    Q_OBJECT

private slots:
    // Two platforms dispatched on the same workflow and ref within one second: each
    // trigger must take its own run, not the oldest one since its dispatch.
    void eachTriggerTakesItsOwnRun()
    {
        FakeGitHub github;
        addRegressionWorkflow(github);
        const HttpClient http(fastSettings());
        auto client = clientFor(github, http);
        auto android = client->trigger(QStringLiteral("REGRESSION_BUILD"), Ref,
                                       inputsFor(AndroidMarker, QStringLiteral("ANDROID")));
        QVERIFY2(android.ok(), failureOf(android).constData());
        auto ios = client->trigger(QStringLiteral("REGRESSION_BUILD"), Ref,
                                   inputsFor(IosMarker, QStringLiteral("IOS")));
        QVERIFY2(ios.ok(), failureOf(ios).constData());

        QCOMPARE(android->runId, runIdOf(github, AndroidMarker));
        QCOMPARE(ios->runId, runIdOf(github, IosMarker));
        QCOMPARE(ios->marker, IosMarker);
        QCOMPARE(github.actions().dispatches(Workflow), 2);
        QCOMPARE(github.actions().dispatchedInputs(Workflow).at(1),
                 inputsFor(IosMarker, QStringLiteral("IOS")));
    }

    void findRunAfterACrash()
    {
        FakeGitHub github;
        addRegressionWorkflow(github);
        const HttpClient http(fastSettings());
        const CiRunHandle recorded = intent();
        auto before = clientFor(github, http);
        QVERIFY(before
                    ->trigger(QStringLiteral("REGRESSION_BUILD"), Ref,
                              inputsFor(AndroidMarker, QStringLiteral("ANDROID")))
                    .ok());
        QVERIFY(before
                    ->trigger(QStringLiteral("REGRESSION_BUILD"), Ref,
                              inputsFor(IosMarker, QStringLiteral("IOS")))
                    .ok());
        github.server().clearRequests();

        // Another instance, after a crash that lost the handle.
        auto after = clientFor(github, http);
        auto found = after->findRun(recorded, IosMarker);
        QVERIFY2(found.ok(), failureOf(found).constData());
        QVERIFY(found->has_value());
        const CiRunHandle handle = **found;
        QCOMPARE(handle.runId, runIdOf(github, IosMarker));
        QCOMPARE(handle.workflow, Workflow);
        QCOMPARE(handle.ref, Ref);
        QCOMPARE(handle.marker, IosMarker);
        QCOMPARE(handle.buildNumber, qint64(2));

        const auto lookups =
            github.requests("GET", QStringLiteral("/actions/workflows/%1/runs").arg(Workflow));
        QCOMPARE(lookups.size(), 1);
        const QUrlQuery& query = lookups[0].query;
        QCOMPARE(query.queryItemValue(QStringLiteral("event")),
                 QStringLiteral("workflow_dispatch"));
        QCOMPARE(query.queryItemValue(QStringLiteral("branch"), QUrl::FullyDecoded), Ref);
        // A margin for the two clocks: runs created up to two minutes before still count.
        QCOMPARE(query.queryItemValue(QStringLiteral("created"), QUrl::FullyDecoded),
                 QStringLiteral(">=") + recorded.triggeredAt.addSecs(-120).toString(Qt::ISODate));

        auto queued = after->runStatus(handle);
        QVERIFY2(queued.ok(), failureOf(queued).constData());
        QCOMPARE(queued->state, CiRunState::Pending);
        QCOMPARE(github.actions().completeRuns(QStringLiteral("failure")), 2);
        auto failed = after->runStatus(CiRunHandle::fromJson(handle.toJson()));
        QVERIFY2(failed.ok(), failureOf(failed).constData());
        QCOMPARE(failed->state, CiRunState::Failed);
        QCOMPARE(failed->runId, handle.runId);
        QCOMPARE(github.count("GET", QStringLiteral("/actions/runs/") + handle.runId), 2);
    }

    void nothingDispatchedIsNone()
    {
        FakeGitHub github;
        addRegressionWorkflow(github);
        const HttpClient http(fastSettings());
        auto client = clientFor(github, http);
        QVERIFY(client
                    ->trigger(QStringLiteral("REGRESSION_BUILD"), Ref,
                              inputsFor(AndroidMarker, QStringLiteral("ANDROID")))
                    .ok());
        auto found = client->findRun(intent(), IosMarker);
        QVERIFY2(found.ok(), failureOf(found).constData());
        QVERIFY(!found->has_value());
        QCOMPARE(github.actions().dispatches(), 1);
    }

    // The marked run is on the second page of runs since the intent.
    void findRunReadsEveryPage()
    {
        FakeGitHub github;
        addRegressionWorkflow(github);
        const HttpClient http(fastSettings());
        auto client = clientFor(github, http);
        const CiRunHandle recorded = intent();
        QVERIFY(client
                    ->trigger(QStringLiteral("REGRESSION_BUILD"), Ref,
                              inputsFor(AndroidMarker, QStringLiteral("ANDROID")))
                    .ok());
        for (int i = 0; i < 120; ++i)
            QVERIFY(client
                        ->trigger(
                            QStringLiteral("REGRESSION_BUILD"), Ref,
                            inputsFor(QStringLiteral("rd-%1-OTHER").arg(i), QStringLiteral("WEB")))
                        .ok());
        github.server().clearRequests();
        auto found = client->findRun(recorded, AndroidMarker);
        QVERIFY2(found.ok(), failureOf(found).constData());
        QVERIFY(found->has_value());
        QCOMPARE((*found)->runId, runIdOf(github, AndroidMarker));
        QCOMPARE(github.requests("GET", QStringLiteral("/actions/workflows/%1/runs").arg(Workflow))
                     .size(),
                 2);
    }

    // The run appears only after the dispatch answered: runStatus keeps looking for it by
    // its marker, ignoring another platform's run that appeared first.
    void runStatusLooksForTheMarkedRun()
    {
        FakeGitHub github;
        addRegressionWorkflow(github);
        github.actions().setDispatchCreatesRun(false);
        const HttpClient http(fastSettings());
        auto client = clientFor(github, http);
        auto handle = client->trigger(QStringLiteral("REGRESSION_BUILD"), Ref,
                                      inputsFor(IosMarker, QStringLiteral("IOS")));
        QVERIFY2(handle.ok(), failureOf(handle).constData());
        QVERIFY(handle->runId.isEmpty());
        const CiRunHandle stored = CiRunHandle::fromJson(handle->toJson());

        const QString created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        QJsonObject other{{QStringLiteral("id"), 5001},
                          {QStringLiteral("run_number"), 1},
                          {QStringLiteral("display_title"), AndroidMarker},
                          {QStringLiteral("event"), QStringLiteral("workflow_dispatch")},
                          {QStringLiteral("head_branch"), Ref},
                          {QStringLiteral("status"), QStringLiteral("completed")},
                          {QStringLiteral("conclusion"), QStringLiteral("failure")},
                          {QStringLiteral("created_at"), created}};
        github.actions().addRun(Workflow, other);
        auto pending = client->runStatus(stored);
        QVERIFY2(pending.ok(), failureOf(pending).constData());
        QCOMPARE(pending->state, CiRunState::Pending);

        QJsonObject ours = other;
        ours.insert(QStringLiteral("id"), 5002);
        ours.insert(QStringLiteral("display_title"), IosMarker);
        ours.insert(QStringLiteral("conclusion"), QStringLiteral("success"));
        github.actions().addRun(Workflow, ours);
        auto found = client->runStatus(stored);
        QVERIFY2(found.ok(), failureOf(found).constData());
        QCOMPARE(found->runId, QStringLiteral("5002"));
        QCOMPARE(found->state, CiRunState::Succeeded);
    }

    // GitHub refuses inputs a workflow does not declare; the convention's inputs must be.
    void undeclaredInputIsRefused()
    {
        FakeGitHub github;
        addRegressionWorkflow(github);
        const HttpClient http(fastSettings());
        QJsonObject inputs = inputsFor(AndroidMarker, QStringLiteral("ANDROID"));
        inputs.insert(QStringLiteral("flavour"), QStringLiteral("beta"));
        auto handle =
            clientFor(github, http)->trigger(QStringLiteral("REGRESSION_BUILD"), Ref, inputs);
        QVERIFY(!handle.ok());
        QCOMPARE(handle.error().kind, ErrorKind::Validation);
        QVERIFY2(handle.error().message.contains(QStringLiteral("Unexpected inputs provided")),
                 qPrintable(handle.error().message));
        QCOMPARE(github.actions().dispatches(), 0);
    }
};

QTEST_GUILESS_MAIN(TestGitHubActionsFindRun)
#include "tst_githubactionsfindrun.moc"
