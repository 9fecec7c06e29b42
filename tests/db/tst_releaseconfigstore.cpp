#include "StoreSeed.h"
#include "TestBackend.h"
#include "store/ReleaseConfigStore.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// Release trains on SQLite and MariaDB: every field round-trips; roles and isolation hold.
class TestReleaseConfigStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_database = TestBackend::database(backend, QStringLiteral("configs"), &error);
        QVERIFY2(m_database, qPrintable(error));
        QVERIFY2(m_seed.plant(*m_database, &error), qPrintable(error));
    }

    void cleanup() { m_database.reset(); }

    void roundTripsATrain()
    {
        ReleaseConfigStore store(*m_database);
        ReleaseConfig config;
        config.name = QStringLiteral("Mobile weekly");
        config.platforms = {Platform::Android, Platform::Ios};
        config.targets = {QStringLiteral("PLAY_STORE"), QStringLiteral("APP_STORE")};
        config.baseBranch = QStringLiteral("main");
        config.branchPattern = QStringLiteral("release/{version}");
        config.tagPattern = QStringLiteral("v{version}");
        config.kickoffWeekday = 2;
        config.kickoffTime = QTime(9, 30);
        config.repeatWeeks = 2;
        config.regressionSlots = {{0, true, true}, {2880, true, false}};
        config.optionalTasksOn = {TaskType::CreateTestSuite, TaskType::TriggerAutomationRuns};
        Result<ReleaseConfig> created = store.create(m_seed.editorA, config);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QCOMPARE(created->platforms, config.platforms);
        QCOMPARE(created->targets, config.targets);
        QCOMPARE(created->kickoffWeekday, 2);
        QCOMPARE(created->kickoffTime, QTime(9, 30));
        QCOMPARE(created->repeatWeeks, 2);
        QCOMPARE(created->regressionSlots.size(), 2);
        QCOMPARE(created->regressionSlots.at(1).offsetMinutes, 2880);
        QVERIFY(!created->regressionSlots.at(1).runAutomation);
        QCOMPARE(created->optionalTasksOn, config.optionalTasksOn);
        QVERIFY(created->autoMoveToRegression);
        QVERIFY(!created->autoMoveToPreRelease);
        QCOMPARE(store.create(m_seed.editorA, config).error().kind, ErrorKind::Conflict);

        ReleaseConfig changed = *created;
        changed.autoMoveToPreRelease = true;
        changed.kickoffWeekday = 0;
        QVERIFY(store.update(m_seed.ownerA, changed).ok());
        const ReleaseConfig read = store.findById(m_seed.workspaceA, created->id)->value();
        QVERIFY(read.autoMoveToPreRelease);
        QCOMPARE(read.kickoffWeekday, 0);

        QCOMPARE(store.create(m_seed.viewerA, config).error().kind, ErrorKind::Forbidden);
        QCOMPARE(store.update(m_seed.ownerB, changed).error().kind, ErrorKind::NotFound);
        QVERIFY(store.list(m_seed.workspaceB)->isEmpty());
        QCOMPARE(store.list(m_seed.workspaceA)->size(), 1);
    }

private:
    std::unique_ptr<Database> m_database;
    StoreSeed m_seed;
};

QTEST_GUILESS_MAIN(TestReleaseConfigStore)
#include "tst_releaseconfigstore.moc"
