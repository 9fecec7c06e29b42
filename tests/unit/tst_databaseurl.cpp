#include "db/DatabaseUrl.h"

#include <QStandardPaths>
#include <QTest>

using namespace ReleaseDeck;

// Parsing and formatting the --database URL forms.
class TestDatabaseUrl : public QObject
{
    Q_OBJECT

private slots:
    void parsesSqlitePaths()
    {
        Result<DatabaseUrl> url = DatabaseUrl::parse(QStringLiteral("sqlite:/tmp/x/deck.sqlite"));
        QVERIFY(url.ok());
        QCOMPARE(url->dialect, Dialect::Sqlite);
        QCOMPARE(url->path, QStringLiteral("/tmp/x/deck.sqlite"));
        QCOMPARE(url->toString(), QStringLiteral("sqlite:/tmp/x/deck.sqlite"));
        QVERIFY(!url->isShared());
    }

    void makesRelativeSqlitePathsAbsolute()
    {
        Result<DatabaseUrl> url = DatabaseUrl::parse(QStringLiteral("sqlite:deck.sqlite"));
        QVERIFY(url.ok());
        QVERIFY(url->path.startsWith(QLatin1Char('/')));
        QVERIFY(url->path.endsWith(QLatin1String("/deck.sqlite")));
    }

    void parsesMysqlUrls()
    {
        Result<DatabaseUrl> url = DatabaseUrl::parse(QStringLiteral(
            "mysql://deck@db.example.invalid:3307/releases?socket=/run/m.sock&ssl=required"));
        QVERIFY2(url.ok(), qPrintable(url.ok() ? QString() : url.error().message));
        QCOMPARE(url->dialect, Dialect::MySql);
        QCOMPARE(url->user, QStringLiteral("deck"));
        QCOMPARE(url->host, QStringLiteral("db.example.invalid"));
        QCOMPARE(url->port, 3307);
        QCOMPARE(url->database, QStringLiteral("releases"));
        QCOMPARE(url->socket, QStringLiteral("/run/m.sock"));
        QVERIFY(url->sslRequired);
        QVERIFY(url->isShared());
        Result<DatabaseUrl> again = DatabaseUrl::parse(url->toString());
        QVERIFY(again.ok());
        QCOMPARE(again->toString(), url->toString());
    }

    void defaultsThePort()
    {
        Result<DatabaseUrl> url = DatabaseUrl::parse(QStringLiteral("mysql://deck@localhost/rd"));
        QVERIFY(url.ok());
        QCOMPARE(url->port, 3306);
        QCOMPARE(url->toString(), QStringLiteral("mysql://deck@localhost:3306/rd"));
    }

    void refusesAPassword()
    {
        Result<DatabaseUrl> url =
            DatabaseUrl::parse(QStringLiteral("mysql://deck:not-a-real-pw@localhost/rd"));
        QVERIFY(!url.ok());
        QCOMPARE(url.error().kind, ErrorKind::Usage);
        QVERIFY(url.error().message.contains(QLatin1String("must not contain a password")));
        QVERIFY(!url.error().message.contains(QLatin1String("not-a-real-pw")));
    }

    void refusesBadUrls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("scheme") << QStringLiteral("postgres://u@h/db");
        QTest::newRow("no user") << QStringLiteral("mysql://h:3306/db");
        QTest::newRow("no database") << QStringLiteral("mysql://u@h:3306/");
        QTest::newRow("no path") << QStringLiteral("sqlite:");
        QTest::newRow("unknown option") << QStringLiteral("mysql://u@h/db?compress=1");
    }

    void refusesBadUrls()
    {
        QFETCH(QString, text);
        Result<DatabaseUrl> url = DatabaseUrl::parse(text);
        QVERIFY(!url.ok());
        QCOMPARE(url.error().kind, ErrorKind::Usage);
        QVERIFY(url.error().message.startsWith(QLatin1String("The database URL")));
    }

    void defaultsToTheDataFolder()
    {
        Result<DatabaseUrl> url = DatabaseUrl::parseOrDefault(QString());
        QVERIFY(url.ok());
        QCOMPARE(url->dialect, Dialect::Sqlite);
        QCOMPARE(url->path, QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                                QStringLiteral("/releasedeck.sqlite"));
    }
};

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
