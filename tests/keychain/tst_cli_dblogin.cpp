#include "CliRunner.h"
#include "ShippedMigrations.h"
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
                  QStringLiteral("GRANT ALL ON `%1`.* TO 'deck'@'%'").arg(m_name),
                  QStringLiteral("DROP USER IF EXISTS 'spaced'@'%'"),
                  QStringLiteral("CREATE USER 'spaced'@'%' IDENTIFIED BY '%1'")
                      .arg(spacedPassword()),
                  QStringLiteral("GRANT ALL ON `%1`.* TO 'spaced'@'%'").arg(m_name)})
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
        QVERIFY(
            run.out.contains(QStringLiteral("Applied %1 migration(s)").arg(shippedMigrations())));
    }

    // A password is not a token: spaces inside and around it are part of it; only the line
    // ending that echo or a here-string adds is not.
    void storesAPasswordWithSpaces()
    {
        const QString url = QStringLiteral("mysql://spaced@%1:%2/%3")
                                .arg(m_server.host)
                                .arg(m_server.port)
                                .arg(m_name);
        CliRunner cli;
        CliRun run = cli.run({QStringLiteral("--database"), url, QStringLiteral("db"),
                              QStringLiteral("login"), QStringLiteral("--password-stdin")},
                             spacedPassword().toUtf8() + '\n');
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("Stored the password for ") + url),
                 qPrintable(run.out));
        QVERIFY(!run.out.contains(spacedPassword().trimmed()) &&
                !run.err.contains(spacedPassword().trimmed()));
        // Later commands read it back from the keychain as it was typed.
        run = cli.run(
            {QStringLiteral("--database"), url, QStringLiteral("db"), QStringLiteral("status")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        // The same words without the surrounding spaces are another password.
        run = cli.run({QStringLiteral("--database"), url, QStringLiteral("db"),
                       QStringLiteral("login"), QStringLiteral("--password-stdin")},
                      spacedPassword().trimmed().toUtf8() + '\n');
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QLatin1String("denied access for user 'spaced'")),
                 qPrintable(run.err));
    }

    void speaksOfAPasswordNotAToken_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("says");
        QTest::newRow("nothing") << QByteArray() << QStringLiteral("No password on standard input");
        QTest::newRow("empty line") << QByteArray("\n") << QStringLiteral("No password");
        QTest::newRow("two lines")
            << QByteArray("fake-one\nfake-two\n")
            << QStringLiteral("password on standard input has more than one line");
    }

    void speaksOfAPasswordNotAToken()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, says);
        CliRunner cli;
        const CliRun run = cli.run({QStringLiteral("--database"), m_url, QStringLiteral("db"),
                                    QStringLiteral("login"), QStringLiteral("--password-stdin")},
                                   input);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(says), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QLatin1String("token")), qPrintable(run.err));
    }

private:
    static QString password() { return QStringLiteral("fake-db-password-for-tests"); }
    static QString spacedPassword() { return QStringLiteral("  fake db password with spaces "); }

    TestMariaDb m_server;
    QString m_name;
    QString m_url;
};

QTEST_GUILESS_MAIN(TestCliDbLogin)
#include "tst_cli_dblogin.moc"
