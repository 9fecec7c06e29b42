#include "FakeJenkins.h"
#include "FastHttpSettings.h"
#include "ResultText.h"
#include "providers/JenkinsCiClient.h"

#include <QJsonArray>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

const QString Token = QStringLiteral("jenkins-test-token-not-real");
const QString Job = QStringLiteral("mobile/regression");
const QString JobPath = QStringLiteral("/job/mobile/job/regression");
const QString Ref = QStringLiteral("release/1.4.0");
const QString AndroidMarker = QStringLiteral("rd-42-TRIGGER_REGRESSION_BUILDS-c2-ANDROID");
const QString IosMarker = QStringLiteral("rd-42-TRIGGER_REGRESSION_BUILDS-c2-IOS");

JenkinsCiClient clientOf(const FakeJenkins& jenkins, const HttpClient& http)
{
    return JenkinsCiClient(JenkinsTarget::fromConfig(jenkins.config()).value(), Token, http);
}

QJsonObject inputsFor(const QString& marker, const QString& platform)
{
    return {{CiClient::markerInput(), marker},
            {QStringLiteral("platform"), platform},
            {QStringLiteral("version"), QStringLiteral("1.4.0")},
            {QStringLiteral("commit"), QStringLiteral("9fceb02")}};
}

CiRunHandle intent()
{
    CiRunHandle handle;
    handle.workflow = QStringLiteral("REGRESSION_BUILD");
    handle.ref = Ref;
    handle.triggeredAt = QDateTime::currentDateTimeUtc();
    return handle;
}

// The build's parameters by name.
QHash<QString, QString> parametersOf(const QJsonObject& build)
{
    QHash<QString, QString> parameters;
    for (const QJsonValue& action : build.value(QStringLiteral("actions")).toArray()) {
        for (const QJsonValue& parameter :
             action.toObject().value(QStringLiteral("parameters")).toArray())
            parameters.insert(parameter.toObject().value(QStringLiteral("name")).toString(),
                              parameter.toObject().value(QStringLiteral("value")).toString());
    }
    return parameters;
}

} // namespace

// Jenkins builds found again by the RELEASE_DECK_TASK parameter Release Deck sends.
class TestJenkinsFindRun : public QObject
{
    Q_OBJECT

private slots:
    // Jenkins drops parameters a job does not declare; the inputs arrive under the names
    // jobs declare, in capitals.
    void inputsBecomeCapitalisedParameters()
    {
        FakeJenkins jenkins;
        jenkins.setToken(Token);
        const HttpClient http(fastSettings());
        JenkinsCiClient client = clientOf(jenkins, http);
        auto handle = client.trigger(QStringLiteral("REGRESSION_BUILD"), Ref,
                                     inputsFor(AndroidMarker, QStringLiteral("ANDROID")));
        QVERIFY2(handle.ok(), failureOf(handle).constData());
        QCOMPARE(handle->marker, AndroidMarker);
        const auto posts =
            jenkins.requests("POST", JobPath + QStringLiteral("/buildWithParameters"));
        QCOMPARE(posts.size(), 1);
        QCOMPARE(posts[0].body, QByteArray("COMMIT=9fceb02&PLATFORM=ANDROID&RELEASE_DECK_TASK="
                                           "rd-42-TRIGGER_REGRESSION_BUILDS-c2-ANDROID&VERSION="
                                           "1.4.0&BRANCH=release%2F1.4.0"));
        QCOMPARE(jenkins.buildsTriggered(Job), 1);
        QCOMPARE(jenkins.startQueuedBuilds(), 1);
        const QHash<QString, QString> parameters = parametersOf(jenkins.builds(Job).constFirst());
        QCOMPARE(parameters.value(QStringLiteral("RELEASE_DECK_TASK")), AndroidMarker);
        QCOMPARE(parameters.value(QStringLiteral("PLATFORM")), QStringLiteral("ANDROID"));
        QCOMPARE(parameters.value(QStringLiteral("BRANCH")), Ref);
    }

    void findRunFindsAQueuedItem()
    {
        FakeJenkins jenkins;
        const HttpClient http(fastSettings());
        const CiRunHandle recorded = intent();
        QVERIFY(clientOf(jenkins, http)
                    .trigger(QStringLiteral("REGRESSION_BUILD"), Ref,
                             inputsFor(AndroidMarker, QStringLiteral("ANDROID")))
                    .ok());
        jenkins.server().clearRequests();

        JenkinsCiClient after = clientOf(jenkins, http);
        auto found = after.findRun(recorded, AndroidMarker);
        QVERIFY2(found.ok(), failureOf(found).constData());
        QVERIFY(found->has_value());
        QCOMPARE((*found)->workflow, Job);
        QCOMPARE((*found)->queueUrl, jenkins.url().toString() + QStringLiteral("/queue/item/101/"));
        QCOMPARE((*found)->buildNumber, qint64(0));
        const auto queue = jenkins.requests("GET", QStringLiteral("/queue/api/json"));
        QCOMPARE(queue.size(), 1);
        QCOMPARE(queue[0].query.queryItemValue(QStringLiteral("tree"), QUrl::FullyDecoded),
                 QStringLiteral("items[id,task[name,url],actions[parameters[name,value]]]"));
        QVERIFY(jenkins.requests("GET", JobPath + QStringLiteral("/api/json")).isEmpty());

        auto waiting = after.runStatus(**found);
        QVERIFY2(waiting.ok(), failureOf(waiting).constData());
        QCOMPARE(waiting->state, CiRunState::Pending);
        jenkins.startQueuedBuilds();
        auto running = after.runStatus(**found);
        QVERIFY2(running.ok(), failureOf(running).constData());
        QCOMPARE(running->state, CiRunState::Running);
        QCOMPARE(running->buildNumber, qint64(1));
    }

    void findRunFindsABuild()
    {
        FakeJenkins jenkins;
        const HttpClient http(fastSettings());
        const CiRunHandle recorded = intent();
        JenkinsCiClient before = clientOf(jenkins, http);
        QVERIFY(before
                    .trigger(QStringLiteral("REGRESSION_BUILD"), Ref,
                             inputsFor(AndroidMarker, QStringLiteral("ANDROID")))
                    .ok());
        QVERIFY(before
                    .trigger(QStringLiteral("REGRESSION_BUILD"), Ref,
                             inputsFor(IosMarker, QStringLiteral("IOS")))
                    .ok());
        QCOMPARE(jenkins.startQueuedBuilds(), 2);
        jenkins.forgetStartedQueueItems();
        jenkins.server().clearRequests();

        JenkinsCiClient after = clientOf(jenkins, http);
        auto found = after.findRun(recorded, IosMarker);
        QVERIFY2(found.ok(), failureOf(found).constData());
        QVERIFY(found->has_value());
        QCOMPARE((*found)->buildNumber, qint64(2));
        QCOMPARE((*found)->runId, QStringLiteral("2"));
        QVERIFY((*found)->queueUrl.isEmpty());
        const auto builds = jenkins.requests("GET", JobPath + QStringLiteral("/api/json"));
        QCOMPARE(builds.size(), 1);
        QCOMPARE(builds[0].query.queryItemValue(QStringLiteral("tree"), QUrl::FullyDecoded),
                 QStringLiteral("builds[number,url,building,result,actions[parameters[name,"
                                "value]]]{0,50}"));

        QCOMPARE(jenkins.finishBuilds(QStringLiteral("FAILURE")), 2);
        auto failed = after.runStatus(CiRunHandle::fromJson((*found)->toJson()));
        QVERIFY2(failed.ok(), failureOf(failed).constData());
        QCOMPARE(failed->state, CiRunState::Failed);
        QCOMPARE(failed->buildNumber, qint64(2));
    }

    void neverTriggeredIsNone()
    {
        FakeJenkins jenkins;
        const HttpClient http(fastSettings());
        JenkinsCiClient client = clientOf(jenkins, http);
        QVERIFY(client
                    .trigger(QStringLiteral("REGRESSION_BUILD"), Ref,
                             inputsFor(AndroidMarker, QStringLiteral("ANDROID")))
                    .ok());
        auto found = client.findRun(intent(), IosMarker);
        QVERIFY2(found.ok(), failureOf(found).constData());
        QVERIFY(!found->has_value());
        QCOMPARE(jenkins.buildsTriggered(), 1);
    }

    // Jenkins forgets a queue item a few minutes after its build starts; a handle that
    // still names the item finds the build by its marker.
    void forgottenQueueItemIsFollowedByItsMarker()
    {
        FakeJenkins jenkins;
        const HttpClient http(fastSettings());
        JenkinsCiClient client = clientOf(jenkins, http);
        auto handle = client.trigger(QStringLiteral("REGRESSION_BUILD"), Ref,
                                     inputsFor(AndroidMarker, QStringLiteral("ANDROID")));
        QVERIFY2(handle.ok(), failureOf(handle).constData());
        jenkins.startQueuedBuilds();
        jenkins.forgetStartedQueueItems();
        auto status = client.runStatus(CiRunHandle::fromJson(handle->toJson()));
        QVERIFY2(status.ok(), failureOf(status).constData());
        QCOMPARE(status->state, CiRunState::Running);
        QCOMPARE(status->buildNumber, qint64(1));
    }

    // The polling a release task does, to the end, with builds that finish by themselves.
    void buildsCompleteAsTheyArePolled()
    {
        FakeJenkins jenkins;
        jenkins.autoComplete(QStringLiteral("SUCCESS"), 2);
        const HttpClient http(fastSettings());
        JenkinsCiClient client = clientOf(jenkins, http);
        auto handle = client.trigger(QStringLiteral("REGRESSION_BUILD"), Ref,
                                     inputsFor(AndroidMarker, QStringLiteral("ANDROID")));
        QVERIFY2(handle.ok(), failureOf(handle).constData());
        QList<CiRunState> seen;
        for (int poll = 0; poll < 5 && !seen.contains(CiRunState::Succeeded); ++poll) {
            auto status = client.runStatus(*handle);
            QVERIFY2(status.ok(), failureOf(status).constData());
            seen << status->state;
            if (status->buildNumber > 0)
                handle->buildNumber = status->buildNumber;
        }
        QCOMPARE(seen, (QList<CiRunState>{CiRunState::Running, CiRunState::Succeeded}));
    }
};

QTEST_GUILESS_MAIN(TestJenkinsFindRun)
#include "tst_jenkinsfindrun.moc"
