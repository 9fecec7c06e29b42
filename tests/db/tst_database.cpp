#include "TestBackend.h"
#include "TestMariaDb.h"
#include "db/Transaction.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QTest>
#include <QThread>

#include <functional>
#include <memory>
#include <vector>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// Database on SQLite and MariaDB: one connection per thread, gone with the thread;
// transactions; plain sentences for connection failures.
class TestDatabase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_database = TestBackend::database(backend, QStringLiteral("database"), &error);
        QVERIFY2(m_database, qPrintable(error));
        QVERIFY(m_database
                    ->run(QStringLiteral(
                        "INSERT INTO accounts (login, display_name) VALUES ('a', 'A')"))
                    .ok());
    }

    void cleanup() { m_database.reset(); }

    void eachThreadHasItsOwnConnection()
    {
        const QStringList before = QSqlDatabase::connectionNames();
        constexpr int threads = 4;
        constexpr int rowsEach = 25;
        std::vector<std::unique_ptr<QThread>> workers;
        QStringList failures;
        QMutex mutex;
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back(QThread::create([&, t] {
                for (int i = 0; i < rowsEach; ++i) {
                    Result<QSqlQuery> inserted = m_database->run(
                        QStringLiteral("INSERT INTO workspaces (name, created_by) VALUES (?, 1)"),
                        {QStringLiteral("w-%1-%2").arg(t).arg(i)});
                    if (!inserted) {
                        QMutexLocker lock(&mutex);
                        failures.append(inserted.error().message);
                    }
                }
                QMutexLocker lock(&mutex);
                if (QSqlDatabase::connectionNames().size() <= 1)
                    failures.append(QStringLiteral("no connection of its own"));
            }));
            workers.back()->start();
        }
        for (auto& worker : workers)
            QVERIFY(worker->wait(60000));
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        Result<QSqlQuery> count =
            m_database->run(QStringLiteral("SELECT COUNT(*) FROM workspaces"));
        QVERIFY(count.ok() && count->next());
        QCOMPARE(count->value(0).toInt(), threads * rowsEach);
        // The threads' connections left with them; this thread's stays.
        QCOMPARE(QSqlDatabase::connectionNames().size(), before.size());
        QVERIFY(m_database->queryCount() >= threads * rowsEach);
    }

    // Qt forbids closing a connection from another thread than the one that opened it.
    void destroyingLeavesOtherThreadsConnectionsToThem()
    {
        QFETCH_GLOBAL(QString, backend);
        QThread worker;
        worker.start();
        QObject context;
        context.moveToThread(&worker);
        // Made first, so it cannot take the destroyed one's address (and connection name).
        QString error;
        std::unique_ptr<Database> other =
            TestBackend::database(backend, QStringLiteral("database-other"), &error);
        QVERIFY2(other, qPrintable(error));
        const auto onWorker = [&context](const std::function<void()>& work) {
            QMetaObject::invokeMethod(&context, work, Qt::BlockingQueuedConnection);
        };
        const QStringList before = QSqlDatabase::connectionNames();
        bool used = false;
        onWorker([&] { used = m_database->run(QStringLiteral("SELECT 1")).ok(); });
        QVERIFY(used);
        QStringList added = QSqlDatabase::connectionNames();
        for (const QString& name : before)
            added.removeAll(name);
        QCOMPARE(added.size(), 1);
        const QString name = added.constFirst();

        m_database.reset();
        bool stillOpen = false;
        onWorker([&] {
            stillOpen =
                QSqlDatabase::contains(name) && QSqlDatabase::database(name, false).isOpen();
        });
        QVERIFY2(stillOpen, "the destructor closed a connection of another thread");

        // The worker closes it itself on its next use of any Database.
        bool closed = false;
        onWorker([&] {
            used = other->run(QStringLiteral("SELECT 1")).ok();
            closed = !QSqlDatabase::contains(name);
        });
        QVERIFY(used);
        QVERIFY(closed);
        worker.quit();
        QVERIFY(worker.wait(10000));
    }

    void rollsBackUnlessCommitted()
    {
        {
            Transaction transaction(*m_database);
            QVERIFY(transaction.begun().ok());
            QVERIFY(m_database
                        ->run(QStringLiteral(
                            "INSERT INTO workspaces (name, created_by) VALUES ('x', 1)"))
                        .ok());
        }
        {
            Transaction transaction(*m_database);
            QVERIFY(m_database
                        ->run(QStringLiteral(
                            "INSERT INTO workspaces (name, created_by) VALUES ('y', 1)"))
                        .ok());
            QVERIFY(transaction.commit().ok());
            QVERIFY(!transaction.commit().ok());
        }
        Result<QSqlQuery> names = m_database->run(QStringLiteral("SELECT name FROM workspaces"));
        QVERIFY(names.ok() && names->next());
        QCOMPARE(names->value(0).toString(), QStringLiteral("y"));
        QVERIFY(!names->next());
    }

    void innerTransactionsJoinTheOuter()
    {
        {
            Transaction outer(*m_database);
            QVERIFY(m_database
                        ->run(QStringLiteral(
                            "INSERT INTO workspaces (name, created_by) VALUES ('o', 1)"))
                        .ok());
            {
                Transaction inner(*m_database);
                QVERIFY(inner.begun().ok());
                QVERIFY(m_database
                            ->run(QStringLiteral(
                                "INSERT INTO workspaces (name, created_by) VALUES ('i', 1)"))
                            .ok());
                QVERIFY(inner.commit().ok());
            }
            QVERIFY(outer.commit().ok());
        }
        {
            Transaction outer(*m_database);
            QVERIFY(m_database
                        ->run(QStringLiteral(
                            "INSERT INTO workspaces (name, created_by) VALUES ('p', 1)"))
                        .ok());
            {
                Transaction inner(*m_database);
            }
            Status committed = outer.commit();
            QVERIFY(!committed.ok());
            QCOMPARE(committed.error().message,
                     QStringLiteral("Part of the change failed, so none of it was saved."));
        }
        Result<QSqlQuery> count =
            m_database->run(QStringLiteral("SELECT COUNT(*) FROM workspaces"));
        QVERIFY(count.ok() && count->next());
        QCOMPARE(count->value(0).toInt(), 2);
        // A fresh transaction afterwards starts clean.
        Transaction next(*m_database);
        QVERIFY(next.begun().ok());
        QVERIFY(next.commit().ok());
    }

    void constraintsSpeakPlainly()
    {
        Result<QSqlQuery> orphan = m_database->run(
            QStringLiteral("INSERT INTO workspaces (name, created_by) VALUES ('z', 999)"));
        QVERIFY(!orphan.ok());
        QCOMPARE(orphan.error().kind, ErrorKind::Validation);
        Result<QSqlQuery> badRole = m_database->run(
            QStringLiteral("INSERT INTO workspaces (name, created_by) VALUES ('z', 1)"));
        QVERIFY(badRole.ok());
        Result<QSqlQuery> check = m_database->run(
            QStringLiteral(
                "INSERT INTO memberships (workspace_id, account_id, role) VALUES (?, 1, 'ADMIN')"),
            {badRole->lastInsertId()});
        QVERIFY(!check.ok());
        QCOMPARE(check.error().kind, ErrorKind::Validation);
    }

    void connectionFailuresNameTheServer()
    {
        QFETCH_GLOBAL(QString, backend);
        if (backend != QLatin1String("mariadb"))
            QSKIP("Server failures are MariaDB's.");
        QString error;
        const TestMariaDb server = TestMariaDb::fromEnvironment(&error);
        const QString where =
            QStringLiteral("The database server %1:%2").arg(server.host).arg(server.port);

        Database missing(*DatabaseUrl::parse(server.url(QStringLiteral("rd_no_such_database"))));
        Status opened = missing.open();
        QCOMPARE(opened.error().message,
                 where + QStringLiteral(" has no database named 'rd_no_such_database'."));

        Database stranger(*DatabaseUrl::parse(
            QStringLiteral("mysql://nobody@%1:%2/x").arg(server.host).arg(server.port)));
        opened = stranger.open();
        QCOMPARE(opened.error().kind, ErrorKind::Unauthorized);
        QVERIFY2(opened.error().message.startsWith(
                     where + QStringLiteral(" denied access for user 'nobody'")),
                 qPrintable(opened.error().message));

        Database closed(*DatabaseUrl::parse(QStringLiteral("mysql://root@127.0.0.1:1/x")));
        opened = closed.open();
        QCOMPARE(opened.error().kind, ErrorKind::Unavailable);
        QCOMPARE(opened.error().message,
                 QStringLiteral(
                     "Cannot reach the database server 127.0.0.1:1; is it running and reachable?"));
    }

    // A role trigger's SIGNAL keeps its sentence; a grant refusal says what was refused.
    void serverRefusalsSpeakPlainly()
    {
        QFETCH_GLOBAL(QString, backend);
        if (backend != QLatin1String("mariadb"))
            QSKIP("Server refusals are MariaDB's.");
        const QString sentence = QStringLiteral(
            "Your role in Acme is Viewer, which cannot change releases; ask an owner to make you "
            "an editor.");
        const Error signalled = m_database->describe(
            QSqlError({}, sentence, QSqlError::StatementError, QStringLiteral("1644")));
        QCOMPARE(signalled.kind, ErrorKind::Forbidden);
        QCOMPARE(signalled.message, sentence);
        const QString user = m_database->url().user;
        const QList<QPair<QString, QString>> refusals = {
            {QStringLiteral("1142"),
             QStringLiteral("UPDATE command denied to user 'vic'@'localhost' for table "
                            "`rd`.`regression_cycles`")},
            {QStringLiteral("1143"),
             QStringLiteral("UPDATE command denied to user 'vic'@'localhost' for column "
                            "'config' in table 'connections'")},
            {QStringLiteral("1370"),
             QStringLiteral("execute command denied to user 'vic'@'%' for routine "
                            "'rd.rd_member_login'")}};
        const QStringList actions = {QStringLiteral("change regression cycles"),
                                     QStringLiteral("change connections"),
                                     QStringLiteral("run rd member login")};
        for (int i = 0; i < refusals.size(); ++i) {
            const Error refused = m_database->describe(QSqlError(
                {}, refusals.at(i).second, QSqlError::StatementError, refusals.at(i).first));
            QCOMPARE(refused.kind, ErrorKind::Forbidden);
            QVERIFY2(refused.message.endsWith(
                         QStringLiteral(
                             " refused: the database account '%1' may not %2; ask an owner of the "
                             "workspace for a role that may.")
                             .arg(user, actions.at(i))),
                     qPrintable(refused.message));
        }
    }

private:
    std::unique_ptr<Database> m_database;
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
