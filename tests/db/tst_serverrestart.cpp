#include "MariaDbServer.h"
#include "StoreSeed.h"
#include "TestMariaDb.h"
#include "db/Database.h"
#include "db/MigrationRunner.h"
#include "db/Transaction.h"
#include "store/WorkspaceStore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// A private MariaDB server stopped and restarted under this running process: the interrupted
// operation is reported as failed in one sentence naming the server, nothing of it is
// written, and the next operation succeeds on a reopened connection.
class TestServerRestart : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_state.isValid());
        QString error;
        QVERIFY2(MariaDbServer::start(m_state.path(), &error), qPrintable(error));
        m_server = TestMariaDb::fromStateDir(m_state.path(), &error);
        QVERIFY2(m_server.isValid(), qPrintable(error));
    }

    void cleanupTestCase() { MariaDbServer::stop(m_state.path()); }

    void survivesARestart()
    {
        QString error;
        const QString url = m_server.createDatabase(QStringLiteral("restart"), &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        Database database(*DatabaseUrl::parse(url));
        QVERIFY(MigrationRunner(database).migrate().ok());
        StoreSeed seed;
        QVERIFY2(seed.plant(database, &error), qPrintable(error));

        // A two-row change is half done when the server goes.
        {
            Transaction transaction(database);
            QVERIFY(transaction.begun().ok());
            Result<QSqlQuery> first = database.run(
                QStringLiteral("INSERT INTO workspaces (name, created_by) VALUES (?, ?)"),
                {QStringLiteral("Halfway"), seed.ownerA.accountId});
            QVERIFY(first.ok());
            const qint64 id = first->lastInsertId().toLongLong();

            QVERIFY2(MariaDbServer::halt(m_state.path(), &error), qPrintable(error));

            Result<QSqlQuery> second = database.run(
                QStringLiteral("INSERT INTO memberships (workspace_id, account_id, role) VALUES "
                               "(?, ?, 'OWNER')"),
                {id, seed.ownerA.accountId});
            QVERIFY(!second.ok());
            const QString where = QStringLiteral("127.0.0.1:%1").arg(m_server.port);
            QVERIFY2(second.error().message.contains(where), qPrintable(second.error().message));
            QVERIFY2(second.error().kind == ErrorKind::Transient ||
                         second.error().kind == ErrorKind::Unavailable,
                     qPrintable(second.error().message));
            QVERIFY(!transaction.commit().ok());
        }

        // While it is down, a store call fails plainly.
        WorkspaceStore workspaces(database);
        Result<Workspace> whileDown =
            workspaces.create(QStringLiteral("Down"), seed.ownerA.accountId);
        QVERIFY(!whileDown.ok());
        QVERIFY2(
            whileDown.error().message.startsWith(QLatin1String("Cannot reach the database server")),
            qPrintable(whileDown.error().message));

        QVERIFY2(MariaDbServer::resume(m_state.path(), &error), qPrintable(error));

        Result<Workspace> after = workspaces.create(QStringLiteral("After"), seed.ownerA.accountId);
        QVERIFY2(after.ok(), qPrintable(after.ok() ? QString() : after.error().message));
        QVERIFY(!workspaces.findByName(QStringLiteral("Halfway"))->has_value());
        QVERIFY(!workspaces.findByName(QStringLiteral("Down"))->has_value());
        Result<QSqlQuery> orphans = database.run(QStringLiteral(
            "SELECT COUNT(*) FROM memberships m LEFT JOIN workspaces w ON w.id = m.workspace_id "
            "WHERE w.id IS NULL"));
        QVERIFY(orphans.ok() && orphans->next());
        QCOMPARE(orphans->value(0).toInt(), 0);
        QCOMPARE(workspaces.list()->size(), 3);
    }

private:
    QTemporaryDir m_state;
    TestMariaDb m_server;
};

QTEST_GUILESS_MAIN(TestServerRestart)
#include "tst_serverrestart.moc"
