#include "SchemaSnapshot.h"
#include "TestBackend.h"
#include "db/MigrationRunner.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The migration runner on SQLite and MariaDB: up, down, up again; rollback --to N; checksum
// drift refused; a step half-done by a crash runs again safely.
class TestMigrationRunner : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_database = TestBackend::database(backend, QStringLiteral("migrations"), &error, false);
        QVERIFY2(m_database, qPrintable(error));
    }

    void cleanup() { m_database.reset(); }

    void upDownUp()
    {
        MigrationRunner runner(*m_database);
        Result<QList<Migration>> available = runner.available();
        QVERIFY(available.ok());
        const int count = int(available->size());
        QVERIFY(count >= 5);
        Result<int> up = runner.migrate();
        QVERIFY2(up.ok(), qPrintable(up.ok() ? QString() : up.error().message));
        QCOMPARE(*up, count);
        QString error;
        const auto full = SchemaSnapshot::take(*m_database, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(full.contains(QStringLiteral("connections")));
        QVERIFY(full.contains(QStringLiteral("deployments")));
        QCOMPARE(runner.status()->currentVersion, available->constLast().number);

        Result<int> down = runner.rollbackTo(0);
        QVERIFY2(down.ok(), qPrintable(down.ok() ? QString() : down.error().message));
        QCOMPARE(*down, count);
        QCOMPARE(SchemaSnapshot::tables(*m_database, &error),
                 QStringList{QStringLiteral("schema_migrations")});
        QCOMPARE(runner.status()->currentVersion, 0);

        QCOMPARE(*runner.migrate(), count);
        QVERIFY(
            SchemaSnapshot::differences(full, SchemaSnapshot::take(*m_database, &error)).isEmpty());
        QCOMPARE(*runner.migrate(), 0);
    }

    void rollsBackToAVersion()
    {
        MigrationRunner runner(*m_database);
        QVERIFY(runner.migrate().ok());
        Result<int> down = runner.rollbackTo(2);
        QVERIFY(down.ok());
        Result<MigrationStatus> status = runner.status();
        QCOMPARE(status->currentVersion, 2);
        QCOMPARE(status->applied.size(), 2);
        QCOMPARE(status->pending.constFirst().number, 3);
        QString error;
        const QStringList tables = SchemaSnapshot::tables(*m_database, &error);
        QVERIFY(tables.contains(QStringLiteral("connections")));
        QVERIFY(!tables.contains(QStringLiteral("releases")));
        QCOMPARE(runner.rollbackTo(-1).error().kind, ErrorKind::Usage);
    }

    void refusesChecksumDrift()
    {
        QTemporaryDir copy;
        MigrationRunner original(*m_database);
        const QString folder = m_database->dialect() == Dialect::Sqlite
                                   ? QStringLiteral(":/migrations/sqlite")
                                   : QStringLiteral(":/migrations/mysql");
        const QStringList files = QDir(folder).entryList(QDir::Files);
        for (const QString& file : files)
            QVERIFY(QFile::copy(folder + QLatin1Char('/') + file, copy.filePath(file)));
        MigrationRunner runner(*m_database);
        runner.setSourceFolder(copy.path());
        QVERIFY(runner.migrate().ok());

        QFile changed(copy.filePath(QStringLiteral("002_connections.up.sql")));
        QFile::setPermissions(changed.fileName(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QVERIFY(changed.open(QIODevice::Append));
        changed.write("-- an edit after the fact\n");
        changed.close();

        Result<MigrationStatus> status = runner.status();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, ErrorKind::Conflict);
        QVERIFY2(status.error().message.contains(
                     copy.filePath(QStringLiteral("002_connections.up.sql"))),
                 qPrintable(status.error().message));
        QVERIFY(status.error().message.contains(QLatin1String("changed after it was applied")));
        Result<int> migrate = runner.migrate();
        QVERIFY(!migrate.ok());
        QCOMPARE(runner.rollbackTo(0).error().kind, ErrorKind::Conflict);
        // The shipped files still match.
        QVERIFY(original.status().ok());
    }

    void rerunsAStepACrashInterrupted()
    {
        MigrationRunner runner(*m_database);
        QVERIFY(runner.migrate().ok());
        QVERIFY(runner.rollbackTo(2).ok());
        // A crash after the first statements of step 3, before its record was written.
        const Migration third = runner.available()->at(2);
        const QStringList statements = Migration::statements(third.up);
        QVERIFY(statements.size() >= 2);
        for (int i = 0; i < 2; ++i)
            QVERIFY(m_database->run(statements.at(i)).ok());
        Result<int> resumed = runner.migrate();
        QVERIFY2(resumed.ok(), qPrintable(resumed.ok() ? QString() : resumed.error().message));
        QCOMPARE(*resumed, int(runner.available()->size()) - 2);
        Result<QSqlQuery> records = m_database->run(
            QStringLiteral("SELECT COUNT(*) FROM schema_migrations WHERE number = 3"));
        QVERIFY(records.ok() && records->next());
        QCOMPARE(records->value(0).toInt(), 1);
    }

    void splitsStatementsAtLineEndSemicolons()
    {
        const QStringList statements = Migration::statements(
            "-- a comment; not a statement\nCREATE TABLE a (\n  x TEXT DEFAULT ';'\n);\n\n"
            "DROP TABLE b;\n");
        QCOMPARE(statements.size(), 2);
        QCOMPARE(statements.at(0), QStringLiteral("CREATE TABLE a (\n  x TEXT DEFAULT ';'\n)"));
        QCOMPARE(statements.at(1), QStringLiteral("DROP TABLE b"));
    }

    // A routine's body keeps its inner statements: it ends at an unindented END;.
    void keepsRoutineBodiesWhole()
    {
        const QStringList statements = Migration::statements(
            "CREATE PROCEDURE p()\nBEGIN\n    IF x THEN\n        SET y = 1;\n    END IF;\n"
            "    -- a comment;\n    SELECT 1;\nEND;\n\nCREATE TRIGGER t BEFORE INSERT ON a FOR "
            "EACH ROW BEGIN\n    CALL p();\nEND;\nDROP TABLE b;\n");
        QCOMPARE(statements.size(), 3);
        QCOMPARE(statements.at(0),
                 QStringLiteral("CREATE PROCEDURE p()\nBEGIN\n    IF x THEN\n        SET y = 1;\n"
                                "    END IF;\n    SELECT 1;\nEND"));
        QCOMPARE(statements.at(1), QStringLiteral("CREATE TRIGGER t BEFORE INSERT ON a FOR EACH "
                                                  "ROW BEGIN\n    CALL p();\nEND"));
        QCOMPARE(statements.at(2), QStringLiteral("DROP TABLE b"));
    }

private:
    std::unique_ptr<Database> m_database;
};

QTEST_GUILESS_MAIN(TestMigrationRunner)
#include "tst_migrationrunner.moc"
