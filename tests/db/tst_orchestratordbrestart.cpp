#include "FakeProviderWorld.h"
#include "FastHttpSettings.h"
#include "MariaDbServer.h"
#include "OrchestratedWorkspace.h"
#include "TestMariaDb.h"
#include "db/MigrationRunner.h"
#include "services/ReleaseActions.h"
#include "store/ReleaseStore.h"

#include <QDeadlineTimer>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// A private MariaDB server stopped while the orchestrator moves a release (a CI run being
// polled, results being written) and started again: the orchestrator says the database is
// unreachable, retries, says it is back, and the release reaches DONE with every effect
// on the fakes exactly once.
class TestOrchestratorDbRestart : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_state;

    static bool waitUntil(const std::function<bool()>& done, int milliseconds)
    {
        QDeadlineTimer deadline(milliseconds);
        while (!done()) {
            if (deadline.hasExpired())
                return false;
            QTest::qWait(50);
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_state.isValid());
        QString error;
        QVERIFY2(MariaDbServer::start(m_state.path(), &error), qPrintable(error));
    }

    void cleanupTestCase() { MariaDbServer::stop(m_state.path()); }

    void aReleaseOutlivesADatabaseRestart()
    {
        QString error;
        const TestMariaDb server = TestMariaDb::fromStateDir(m_state.path(), &error);
        QVERIFY2(server.isValid(), qPrintable(error));
        const QString url = server.createDatabase(QStringLiteral("restart"), &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        Database database(*DatabaseUrl::parse(url));
        QVERIFY(MigrationRunner(database).migrate().ok());
        FakeProviderWorld world;
        world.github().actions().autoComplete(QStringLiteral("success"), 3);
        OrchestratedWorkspace workspace(database);
        QVERIFY2(workspace.plant(&error), qPrintable(error));
        for (const QString& provider : {QStringLiteral("github-enterprise"),
                                        QStringLiteral("slack"), QStringLiteral("github-actions")})
            QVERIFY2(workspace.connect(world, provider, &error), qPrintable(error));
        ReleaseDraft draft;
        draft.version = QStringLiteral("3.0.0");
        draft.platforms = {Platform::Android};
        draft.regressionSlots = {{QDateTime::currentDateTimeUtc().addSecs(1), true, true}};
        const Result<Release> created = workspace.createRelease(draft);
        QVERIFY(created.ok());

        workspace.startOrchestrator(1, 4, fastSettings());
        const auto log = [&] {
            return workspace.lines().join(QLatin1Char('\n'));
        };
        // Mid-run: the pre-regression build was dispatched and is being polled.
        FakeGitHubActions& actions = world.github().actions();
        QVERIFY2(waitUntil([&] { return actions.dispatches() == 1; }, 30000), qPrintable(log()));
        QVERIFY2(MariaDbServer::halt(m_state.path(), &error), qPrintable(error));
        QVERIFY2(waitUntil(
                     [&] { return log().contains(QLatin1String("The database is unreachable (")); },
                     15000),
                 qPrintable(log()));
        QTest::qWait(2000);
        QVERIFY2(MariaDbServer::resume(m_state.path(), &error), qPrintable(error));
        QVERIFY2(waitUntil(
                     [&] {
                         return log().contains(
                             QLatin1String("The database is back; orchestration continues."));
                     },
                     30000),
                 qPrintable(log()));

        ReleaseStore releases(database);
        const auto current = [&] {
            return releases.findById(workspace.workspaceId(), created->id).value().value();
        };
        QVERIFY2(
            waitUntil([&] { return current().pauseReason == PauseReason::AwaitingStageTrigger; },
                      60000),
            qPrintable(log()));
        Result<Release> approved =
            ReleaseActions(database, QStringLiteral("owner@acme"))
                .approve(workspace.owner(), created->id, current().rowVersion);
        QVERIFY2(approved.ok(), qPrintable(approved.ok() ? QString() : approved.error().message));
        workspace.orchestrator()->tickSoon();
        QVERIFY2(waitUntil([&] { return current().status == ReleaseStatus::Completed; }, 60000),
                 qPrintable(log()));
        QVERIFY(workspace.stopOrchestrator());

        // Nothing lost, nothing twice.
        FakeGitHub& github = world.github();
        QCOMPARE(current().stage, Stage::Done);
        QCOMPARE(github.branchesCreated(QStringLiteral("release/3.0.0")), 1);
        QCOMPARE(github.tagsCreated(QStringLiteral("v3.0.0-rc.1")), 1);
        QCOMPARE(github.tagsCreated(QStringLiteral("v3.0.0")), 1);
        QCOMPARE(github.tagsCreated(), 2);
        QCOMPARE(github.releasesCreated(QStringLiteral("v3.0.0")), 1);
        QCOMPARE(actions.dispatches(QStringLiteral("pre-regression.yml")), 1);
        QCOMPARE(actions.dispatches(QStringLiteral("regression.yml")), 1);
        QCOMPARE(actions.dispatches(QStringLiteral("automation.yml")), 1);
        QCOMPARE(actions.dispatches(QStringLiteral("android-bundle.yml")), 1);
        QCOMPARE(actions.dispatches(), 4);
        const QList<QJsonObject> messages = world.slack().messages(FakeSlack::channel());
        QStringList keys;
        for (const QJsonObject& message : messages)
            keys.append(message.value(QStringLiteral("metadata"))
                            .toObject()
                            .value(QStringLiteral("event_payload"))
                            .toObject()
                            .value(QStringLiteral("key"))
                            .toString());
        keys.removeDuplicates();
        QCOMPARE(keys.size(), messages.size());
        QVERIFY2(messages.size() >= 5, qPrintable(keys.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorDbRestart)
#include "tst_orchestratordbrestart.moc"
