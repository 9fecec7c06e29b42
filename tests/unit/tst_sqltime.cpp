#include "db/SqlTime.h"

#include <QTest>
#include <QTimeZone>

using namespace ReleaseDeck;

// Times stored as UTC text come back as the same UTC instant.
class TestSqlTime : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsUtcWithMilliseconds()
    {
        const QDateTime time(QDate(2026, 11, 21), QTime(14, 5, 6, 789), Qt::UTC);
        const QVariant column = SqlTime::toColumn(time);
        QCOMPARE(column.toString(), QStringLiteral("2026-11-21 14:05:06.789"));
        QCOMPARE(SqlTime::fromColumn(column), time);
        QCOMPARE(SqlTime::fromColumn(column).timeSpec(), Qt::UTC);
    }

    void convertsOtherZonesToUtc()
    {
        const QDateTime berlin(QDate(2026, 1, 1), QTime(12, 0), QTimeZone(3600));
        QCOMPARE(SqlTime::toColumn(berlin).toString(), QStringLiteral("2026-01-01 11:00:00.000"));
    }

    void readsNullsAndOtherForms()
    {
        QVERIFY(SqlTime::toColumn({}).isNull());
        QVERIFY(!SqlTime::fromColumn(QVariant()).isValid());
        QCOMPARE(SqlTime::fromColumn(QStringLiteral("2026-02-03 04:05:06")),
                 QDateTime(QDate(2026, 2, 3), QTime(4, 5, 6), Qt::UTC));
        QCOMPARE(SqlTime::fromColumn(QStringLiteral("2026-02-03T04:05:06.5Z")),
                 QDateTime(QDate(2026, 2, 3), QTime(4, 5, 6, 500), Qt::UTC));
        QVERIFY(!SqlTime::fromColumn(QStringLiteral("yesterday")).isValid());
        const QDateTime driver(QDate(2026, 6, 1), QTime(8, 0), Qt::LocalTime);
        QCOMPARE(SqlTime::fromColumn(driver), QDateTime(QDate(2026, 6, 1), QTime(8, 0), Qt::UTC));
    }
};

QTEST_GUILESS_MAIN(TestSqlTime)
#include "tst_sqltime.moc"
