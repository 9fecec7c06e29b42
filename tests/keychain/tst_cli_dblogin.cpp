#include "CliRunner.h"
#include "TestMariaDb.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace ReleaseDeck::Test;

// releasedeck-cli db login stores a shared database's password in a real (private)
// keychain, and later commands read it from there; a refused password is never stored.
class TestCliDbLogin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        m_server = TestMariaDb::fromEnvironment(&error);
        QVERIFY2(m_server.isValid(), qPrintable(error));
        m_name = TestMariaDb::uniqueName(QStringLiteral("login"));
        QVERIFY2(!m_server.createDatabase(m_name, &error).isEmpty(), qPrintable(error));
        {
            QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QMARIADB"), m_name);
            admin.setHostName(m_server.host);
            admin.setPort(m_server.port);
            admin.setUserName(m_server.user);
            QVERIFY2(admin.open(), qPrintable(admin.lastError().text()));
            QSqlQuery query(admin);
            for (const QString& statement :
                 {QStringLiteral("DROP USER IF EXISTS 'deck'@'%'"),
                  QStringLiteral("CREATE USER 'deck'@'%' IDENTIFIED BY '%1'").arg(password()),
                  QStringLiteral("GRANT ALL ON `%1`.* TO 'deck'@'%'").arg(m_name)})
                QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
        }
        QSqlDatabase::removeDatabase(m_name);
        m_url = QStringLiteral("mysql://deck@%1:%2/%3")
                    .arg(m_server.host)
                    .arg(m_server.port)
                    .arg(m_name);
    }

    void cleanupTestCase()
    {
        QString error;
        m_server.dropDatabase(m_name, &error);
    }

    void storesOnlyAnAcceptedPassword()
    {
        CliRunner cli;
        CliRun run = cli.run(
            {QStringLiteral("--database"), m_url, QStringLiteral("db"), QStringLiteral("status")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("denied access for user 'deck'")),
                 qPrintable(run.err));

        run = cli.run({QStringLiteral("--database"), m_url, QStringLiteral("db"),
                       QStringLiteral("login"), QStringLiteral("--password-stdin")},
                      "fake-wrong-password\n");
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("denied access for user 'deck'")),
                 qPrintable(run.err));
        run = cli.run(
            {QStringLiteral("--database"), m_url, QStringLiteral("db"), QStringLiteral("status")});
        QCOMPARE(run.exitCode, 1);

        run = cli.run({QStringLiteral("--database"), m_url, QStringLiteral("db"),
                       QStringLiteral("login"), QStringLiteral("--password-stdin")},
                      password().toUtf8() + '\n');
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("Stored the password for ") + m_url),
                 qPrintable(run.out));
        QVERIFY(!run.out.contains(password()) && !run.err.contains(password()));

        run = cli.run(
            {QStringLiteral("--database"), m_url, QStringLiteral("db"), QStringLiteral("migrate")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QLatin1String("Applied 6 migration(s)")));
    }

private:
    static QString password() { return QStringLiteral("fake-db-password-for-tests"); }

    TestMariaDb m_server;
    QString m_name;
    QString m_url;
};

QTEST_GUILESS_MAIN(TestCliDbLogin)
#include "tst_cli_dblogin.moc"
