#include "IdleReleases.h"
#include "OrchestratedWorkspace.h"
#include "TestBackend.h"
#include "store/LeaseStore.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// A tick costs the same number of queries whatever the number of idle releases: due work
// is fetched in a constant number of queries (counted with Database::queryCount()), on
// SQLite and MariaDB, with 10, 1,000 and 10,000 releases in every idle state.
class TestOrchestratorQueries : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Database> m_database;
    std::unique_ptr<OrchestratedWorkspace> m_workspace;

    // The queries of one tick of an orchestrator that already holds the lease.
    qint64 queriesOfATick()
    {
        const qint64 before = m_database->queryCount();
        if (!m_workspace->tick())
            return -1;
        return m_database->queryCount() - before;
    }

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_database = TestBackend::database(backend, QStringLiteral("ticks"), &error);
        QVERIFY2(m_database, qPrintable(error));
        m_workspace = std::make_unique<OrchestratedWorkspace>(*m_database);
        QVERIFY2(m_workspace->plant(&error), qPrintable(error));
    }

    void cleanup()
    {
        QVERIFY(m_workspace->stopOrchestrator());
        m_workspace.reset();
        m_database.reset();
    }

    void idleReleasesCostNoQueries()
    {
        QString error;
        m_workspace->createOrchestrator(3600);
        // The first tick takes the lease; from then on each tick renews it.
        QVERIFY(m_workspace->tick());
        const Result<std::optional<OrchestratorLease>> lease =
            LeaseStore(*m_database).current(m_workspace->workspaceId());
        QVERIFY(lease.ok() && lease->has_value());
        QCOMPARE((*lease)->holder, QStringLiteral("in-process"));
        const qint64 empty = queriesOfATick();
        QVERIFY(empty > 0);

        QList<qint64> counts;
        int seeded = 0;
        for (const int total : {10, 1000, 10000}) {
            QVERIFY2(IdleReleases::add(*m_database, m_workspace->workspaceId(),
                                       m_workspace->owner().accountId, seeded, total - seeded,
                                       &error),
                     qPrintable(error));
            seeded = total;
            counts.append(queriesOfATick());
        }
        qInfo().noquote() << "queries per tick with 0, 10, 1000, 10000 idle releases:" << empty
                          << counts;
        QCOMPARE(counts, QList<qint64>({empty, empty, empty}));
        // Nothing was due: nothing ran, nothing was said.
        QVERIFY2(m_workspace->lines().size() == 1,
                 qPrintable(m_workspace->lines().join(QLatin1Char('\n'))));
        QVERIFY(m_workspace->lines().constFirst().startsWith(QLatin1String("Took the lease")));
        Result<QSqlQuery> counted = m_database->run(
            QStringLiteral("SELECT COUNT(*), SUM(CASE WHEN status = 'IN_PROGRESS' THEN 1 ELSE 0 "
                           "END) FROM releases WHERE workspace_id = ?"),
            {m_workspace->workspaceId()});
        QVERIFY(counted.ok() && counted->next());
        QCOMPARE(counted->value(0).toInt(), 10000);
        QCOMPARE(counted->value(1).toInt(), 4000);
    }
};

QTEST_GUILESS_MAIN(TestOrchestratorQueries)
#include "tst_orchestratorqueries.moc"
