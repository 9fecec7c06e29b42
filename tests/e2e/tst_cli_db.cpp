#include "CliRunner.h"
#include "ShippedMigrations.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ReleaseDeck::Test;

// releasedeck-cli db … and workspace … on a local SQLite file, as a person runs them.
class TestCliDb : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("deck-%1.sqlite").arg(++m_count));
        m_cli.setEnvironment(QStringLiteral("RELEASEDECK_DATABASE"),
                             QStringLiteral("sqlite:") + m_path);
    }

    void migratesAndReportsStatus()
    {
        CliRun run = m_cli.run({QStringLiteral("db"), QStringLiteral("status")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("Schema version: 0")), qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("pending  001 workspaces")));

        run = m_cli.run({QStringLiteral("db"), QStringLiteral("migrate")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(),
                 QStringLiteral("Applied %1 migration(s); the schema is at version %2.")
                     .arg(shippedMigrations())
                     .arg(latestMigration()));
        run = m_cli.run({QStringLiteral("db"), QStringLiteral("migrate")});
        QCOMPARE(run.out.trimmed(),
                 QStringLiteral("The schema is up to date at version %1.").arg(latestMigration()));

        run = m_cli.run({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject status = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(status.value(QStringLiteral("currentVersion")).toInt(), latestMigration());
        QCOMPARE(status.value(QStringLiteral("applied")).toArray().size(), shippedMigrations());
        QVERIFY(status.value(QStringLiteral("pending")).toArray().isEmpty());
        QCOMPARE(status.value(QStringLiteral("applied"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .value(QStringLiteral("name")),
                 QJsonValue(QStringLiteral("connections")));
    }

    void rollsBack()
    {
        QCOMPARE(m_cli.run({QStringLiteral("db"), QStringLiteral("migrate")}).exitCode, 0);
        CliRun run = m_cli.run({QStringLiteral("db"), QStringLiteral("rollback"),
                                QStringLiteral("--to"), QStringLiteral("3")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out.trimmed(),
                 QStringLiteral("Rolled back %1 migration(s); the schema is at version 3.")
                     .arg(shippedMigrations() - 3));
        run = m_cli.run({QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--json")});
        const QJsonObject status = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(status.value(QStringLiteral("currentVersion")).toInt(), 3);
        QCOMPARE(status.value(QStringLiteral("pending")).toArray().size(), shippedMigrations() - 3);

        for (const QStringList& bad :
             {QStringList{QStringLiteral("db"), QStringLiteral("rollback")},
              QStringList{QStringLiteral("db"), QStringLiteral("rollback"), QStringLiteral("--to"),
                          QStringLiteral("x")}}) {
            run = m_cli.run(bad);
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(QLatin1String("db rollback needs --to N")),
                     qPrintable(run.err));
        }
    }

    void createsAndListsWorkspaces()
    {
        CliRun run = m_cli.run({QStringLiteral("workspace"), QStringLiteral("list")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("No workspaces yet")),
                 qPrintable(run.out + run.err));

        run = m_cli.run(
            {QStringLiteral("workspace"), QStringLiteral("create"), QStringLiteral("Mobile")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("Created workspace 'Mobile'")),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("is its OWNER")));

        run = m_cli.run(
            {QStringLiteral("workspace"), QStringLiteral("create"), QStringLiteral("Mobile")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed(),
                 QStringLiteral("releasedeck-cli: A workspace named 'Mobile' already exists."));

        QCOMPARE(
            m_cli
                .run({QStringLiteral("workspace"), QStringLiteral("create"), QStringLiteral("Web")})
                .exitCode,
            0);
        run = m_cli.run(
            {QStringLiteral("workspace"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray rows = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("name")),
                 QJsonValue(QStringLiteral("Mobile")));
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("role")),
                 QJsonValue(QStringLiteral("OWNER")));

        run = m_cli.run({QStringLiteral("workspace"), QStringLiteral("create")});
        QCOMPARE(run.exitCode, 2);
    }

    void refusesBadInputWithOneSentence()
    {
        CliRun run = m_cli.run({QStringLiteral("--database"),
                                QStringLiteral("mysql://deck:fake-pw@127.0.0.1/rd"),
                                QStringLiteral("db"), QStringLiteral("status")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(QLatin1String(
                     "releasedeck-cli: The database URL must not contain a password")),
                 qPrintable(run.err));
        QVERIFY(!run.err.contains(QLatin1String("fake-pw")));

        run = m_cli.run({QStringLiteral("--database"), QStringLiteral("postgres://x"),
                         QStringLiteral("db"), QStringLiteral("migrate")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("The database URL is not valid")));

        run = m_cli.run(
            {QStringLiteral("db"), QStringLiteral("status"), QStringLiteral("--frobnicate")});
        QCOMPARE(run.exitCode, 2);

        run = m_cli.run(
            {QStringLiteral("db"), QStringLiteral("login"), QStringLiteral("--password-stdin")},
            "fake-password\n");
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("a local SQLite file has no password")));

        run =
            m_cli.run({QStringLiteral("--database"), QStringLiteral("mysql://deck@127.0.0.1:1/rd"),
                       QStringLiteral("db"), QStringLiteral("login")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("pass --password-stdin")));

        run =
            m_cli.run({QStringLiteral("--database"), QStringLiteral("mysql://deck@127.0.0.1:1/rd"),
                       QStringLiteral("--secrets"), QStringLiteral("credentials-dir"),
                       QStringLiteral("db"), QStringLiteral("status")});
        QCOMPARE(run.exitCode, 1);
        QCOMPARE(run.err.trimmed(),
                 QStringLiteral("releasedeck-cli: Cannot reach the database server "
                                "127.0.0.1:1; is it running and reachable?"));
    }

    // A local file has one user, its OWNER: member list shows it, changes are refused (exit 2).
    void aLocalFileHasOneUser()
    {
        QCOMPARE(m_cli
                     .run({QStringLiteral("workspace"), QStringLiteral("create"),
                           QStringLiteral("Solo")})
                     .exitCode,
                 0);
        CliRun run = m_cli.run({QStringLiteral("member"), QStringLiteral("list")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QLatin1String("OWNER ")), qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("(you)")));
        QVERIFY(run.out.contains(QLatin1String("has one user")));
        const QStringList changes[] = {
            {QStringLiteral("member"), QStringLiteral("add"), QStringLiteral("bob@example.com"),
             QStringLiteral("--name"), QStringLiteral("Bob"), QStringLiteral("--role"),
             QStringLiteral("VIEWER"), QStringLiteral("--db-user"), QStringLiteral("bob")},
            {QStringLiteral("member"), QStringLiteral("role"), QStringLiteral("bob@example.com"),
             QStringLiteral("EDITOR")},
            {QStringLiteral("member"), QStringLiteral("remove"),
             QStringLiteral("bob@example.com")}};
        for (const QStringList& change : changes) {
            run = m_cli.run(change);
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(
                         QLatin1String("A database on this computer has one user, its owner")),
                     qPrintable(run.err));
        }
        run = m_cli.run({QStringLiteral("member"), QStringLiteral("add"),
                         QStringLiteral("bob@example.com"), QStringLiteral("--name"),
                         QStringLiteral("Bob"), QStringLiteral("--role"), QStringLiteral("BOSS"),
                         QStringLiteral("--db-user"), QStringLiteral("bob")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.err.contains(QLatin1String("'BOSS' is not a role")));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_count = 0;
    CliRunner m_cli;
};

QTEST_GUILESS_MAIN(TestCliDb)
#include "tst_cli_db.moc"
