#include "CliRunner.h"
#include "ShippedMigrations.h"
#include "TestMariaDb.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <memory>
#include <vector>

using namespace ReleaseDeck::Test;

// Several releasedeck-cli processes migrating one fresh MariaDB database at the same time:
// the database lock makes each migration apply exactly once.
class TestConcurrentMigrate : public QObject
{
    Q_OBJECT

private slots:
    void eachMigrationAppliesOnce()
    {
        QString error;
        const TestMariaDb server = TestMariaDb::fromEnvironment(&error);
        QVERIFY2(server.isValid(), qPrintable(error));
        const QString name = TestMariaDb::uniqueName(QStringLiteral("concurrent"));
        const QString url = server.createDatabase(name, &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));

        constexpr int processes = 4;
        std::vector<std::unique_ptr<QProcess>> running;
        for (int i = 0; i < processes; ++i) {
            auto process = std::make_unique<QProcess>();
            process->start(CliRunner::program(),
                           {QStringLiteral("--database"), url, QStringLiteral("--secrets"),
                            QStringLiteral("credentials-dir"), QStringLiteral("db"),
                            QStringLiteral("migrate")});
            running.push_back(std::move(process));
        }
        int appliedTotal = 0;
        static const QRegularExpression applied(QStringLiteral("Applied (\\d+) migration"));
        for (auto& process : running) {
            QVERIFY(process->waitForFinished(120000));
            const QString out = QString::fromUtf8(process->readAllStandardOutput());
            const QString err = QString::fromUtf8(process->readAllStandardError());
            QVERIFY2(process->exitCode() == 0, qPrintable(out + err));
            const QRegularExpressionMatch match = applied.match(out);
            if (match.hasMatch())
                appliedTotal += match.captured(1).toInt();
            else
                QVERIFY2(out.contains(QLatin1String("up to date")), qPrintable(out));
        }
        QCOMPARE(appliedTotal, shippedMigrations());

        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMARIADB"), name);
            db.setHostName(server.host);
            db.setPort(server.port);
            db.setUserName(server.user);
            db.setDatabaseName(name);
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral(
                "SELECT COUNT(*), COUNT(DISTINCT number), MAX(number) FROM schema_migrations")));
            QVERIFY(query.next());
            QCOMPARE(query.value(0).toInt(), shippedMigrations());
            QCOMPARE(query.value(1).toInt(), shippedMigrations());
            QCOMPARE(query.value(2).toInt(), latestMigration());
        }
        QSqlDatabase::removeDatabase(name);
        QVERIFY(server.dropDatabase(name, &error));
    }
};

QTEST_GUILESS_MAIN(TestConcurrentMigrate)
#include "tst_concurrentmigrate.moc"
