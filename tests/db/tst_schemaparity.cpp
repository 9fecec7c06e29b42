#include "SchemaSnapshot.h"
#include "TestBackend.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// Both dialects' migrations must reach the same logical schema: tables, columns and their
// nullability, primary and unique keys, foreign keys and their delete rules. The tables that
// manage a shared server's logins (migration 010) exist only there: a local file has one user.
class TestSchemaParity : public QObject
{
    Q_OBJECT

private slots:
    void dialectsAgree()
    {
        QString error;
        std::unique_ptr<Database> sqlite =
            TestBackend::database(QStringLiteral("sqlite"), QStringLiteral("parity"), &error);
        QVERIFY2(sqlite, qPrintable(error));
        std::unique_ptr<Database> mariadb =
            TestBackend::database(QStringLiteral("mariadb"), QStringLiteral("parity"), &error);
        QVERIFY2(mariadb, qPrintable(error));

        const auto left = SchemaSnapshot::take(*sqlite, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        auto right = SchemaSnapshot::take(*mariadb, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const QString& serverOnly :
             {QStringLiteral("schema_admins"), QStringLiteral("server_logins"),
              QStringLiteral("role_privileges")}) {
            QVERIFY2(right.remove(serverOnly) == 1, qPrintable(serverOnly));
            QVERIFY(!left.contains(serverOnly));
        }

        QCOMPARE(left.size(), 23);
        QVERIFY(right.value(QStringLiteral("events"))
                    .contains(QStringLiteral("unique (workspace_id, seq)")));
        QVERIFY(left.value(QStringLiteral("event_sequences"))
                    .contains(QStringLiteral("primary key (workspace_id)")));
        QVERIFY(left.value(QStringLiteral("connections"))
                    .contains(QStringLiteral("unique (workspace_id, active_category)")));
        QVERIFY(left.value(QStringLiteral("tasks"))
                    .contains(QStringLiteral("unique (release_id, task_type, cycle_number)")));
        QVERIFY(right.value(QStringLiteral("builds"))
                    .contains(QStringLiteral("unique (task_id, platform)")));
        QVERIFY(right.value(QStringLiteral("workspaces"))
                    .contains(QStringLiteral(
                        "foreign key (created_by) references accounts (id) on delete RESTRICT")));

        const QStringList differences = SchemaSnapshot::differences(left, right);
        QVERIFY2(differences.isEmpty(),
                 qPrintable(QStringLiteral("SQLite (-) and MariaDB (+) differ:\n") +
                            differences.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestSchemaParity)
#include "tst_schemaparity.moc"
