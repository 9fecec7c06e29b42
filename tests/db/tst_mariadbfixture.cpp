#include "TestMariaDb.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace ReleaseDeck::Test;

// The fixture's server is real: connect over TCP, create a table, round-trip a row.
class TestMariaDbFixture : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsARow()
    {
        QString error;
        const TestMariaDb server = TestMariaDb::fromEnvironment(&error);
        QVERIFY2(server.isValid(), qPrintable(error));
        const QString name = TestMariaDb::uniqueName(QStringLiteral("fixture"));
        QVERIFY2(!server.createDatabase(name, &error).isEmpty(), qPrintable(error));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMARIADB"), name);
            db.setHostName(server.host);
            db.setPort(server.port);
            db.setUserName(server.user);
            db.setDatabaseName(name);
            QVERIFY2(db.open(), qPrintable(db.lastError().text()));
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("CREATE TABLE t (id INT PRIMARY KEY, name "
                                              "VARCHAR(40)) ENGINE=InnoDB")));
            QVERIFY(query.prepare(QStringLiteral("INSERT INTO t (id, name) VALUES (?, ?)")));
            query.addBindValue(1);
            query.addBindValue(QStringLiteral("Kickoff ✓"));
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            QVERIFY(query.exec(QStringLiteral("SELECT name FROM t WHERE id = 1")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toString(), QStringLiteral("Kickoff ✓"));
            QVERIFY(query.exec(QStringLiteral("SELECT VERSION()")));
            QVERIFY(query.next());
            QVERIFY2(query.value(0).toString().contains(QLatin1String("MariaDB")),
                     qPrintable(query.value(0).toString()));
        }
        QSqlDatabase::removeDatabase(name);
        QVERIFY2(server.dropDatabase(name, &error), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestMariaDbFixture)
#include "tst_mariadbfixture.moc"
