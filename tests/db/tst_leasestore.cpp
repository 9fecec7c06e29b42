#include "StoreSeed.h"
#include "TestBackend.h"
#include "store/LeaseStore.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The orchestrator lease on SQLite and MariaDB: one holder, renewals, expiry by the
// database clock.
class TestLeaseStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_database = TestBackend::database(backend, QStringLiteral("leases"), &error);
        QVERIFY2(m_database, qPrintable(error));
        QVERIFY2(m_seed.plant(*m_database, &error), qPrintable(error));
    }

    void cleanup() { m_database.reset(); }

    void oneHolderAtATime()
    {
        LeaseStore leases(*m_database);
        const QString one = QStringLiteral("orchestrator@one");
        const QString two = QStringLiteral("orchestrator@two");
        const LeaseGrant first = *leases.take(m_seed.editorA, one, 60);
        QVERIFY(first.held);
        QVERIFY(first.newlyAcquired);
        const OrchestratorLease taken = leases.current(m_seed.workspaceA)->value();
        QCOMPARE(taken.holder, one);
        QVERIFY(taken.expiresAt > taken.heartbeatAt);
        QVERIFY(!leases.take(m_seed.ownerA, two, 60)->held);
        QTest::qWait(20);
        const LeaseGrant renewal = *leases.take(m_seed.editorA, one, 60);
        QVERIFY(renewal.held);
        QVERIFY(!renewal.newlyAcquired);
        const OrchestratorLease renewed = leases.current(m_seed.workspaceA)->value();
        QCOMPARE(renewed.acquiredAt, taken.acquiredAt);
        QVERIFY(renewed.heartbeatAt >= taken.heartbeatAt);
        // Another workspace has its own lease.
        QVERIFY(leases.take(m_seed.ownerB, two, 60)->held);
        QCOMPARE(leases.current(m_seed.workspaceA)->value().holder, one);
        QCOMPARE(leases.take(m_seed.viewerA, two, 60).error().kind, ErrorKind::Forbidden);
    }

    void anExpiredLeaseChangesHands()
    {
        LeaseStore leases(*m_database);
        QVERIFY(leases.take(m_seed.editorA, QStringLiteral("orchestrator@one"), 1)->held);
        QTest::qWait(1500);
        const LeaseGrant takeover =
            *leases.take(m_seed.ownerA, QStringLiteral("orchestrator@two"), 60);
        QVERIFY(takeover.held);
        QVERIFY(takeover.newlyAcquired);
        const OrchestratorLease lease = leases.current(m_seed.workspaceA)->value();
        QCOMPARE(lease.holder, QStringLiteral("orchestrator@two"));
        QCOMPARE(lease.acquiredAt, lease.heartbeatAt);
        QVERIFY(leases.giveUp(m_seed.ownerA, QStringLiteral("orchestrator@two")).ok());
        QVERIFY(!leases.current(m_seed.workspaceA)->has_value());
    }

private:
    std::unique_ptr<Database> m_database;
    StoreSeed m_seed;
};

QTEST_GUILESS_MAIN(TestLeaseStore)
#include "tst_leasestore.moc"
