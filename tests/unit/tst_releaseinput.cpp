#include "model/GitRefName.h"
#include "model/ReleaseVersion.h"
#include "services/WhenText.h"

#include <QTest>

using namespace ReleaseDeck;

// What people type for a release: versions, times and branch names.
class TestReleaseInput : public QObject
{
    Q_OBJECT

private slots:
    void versions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("1.4.0") << true;
        QTest::newRow("suffix") << QStringLiteral("1.4.0-beta.1") << true;
        QTest::newRow("zeros") << QStringLiteral("0.0.0") << true;
        QTest::newRow("two parts") << QStringLiteral("1.4") << false;
        QTest::newRow("four parts") << QStringLiteral("1.4.0.1") << false;
        QTest::newRow("leading zero") << QStringLiteral("1.04.0") << false;
        QTest::newRow("v prefix") << QStringLiteral("v1.4.0") << false;
        QTest::newRow("empty suffix") << QStringLiteral("1.4.0-") << false;
        QTest::newRow("space") << QStringLiteral("1.4.0 ") << false;
    }

    void versions()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QCOMPARE(ReleaseVersion::parse(text).has_value(), valid);
        if (valid)
            QCOMPARE(ReleaseVersion::parse(text)->toString(), text);
    }

    void versionsOrderAndBump()
    {
        const ReleaseVersion v = *ReleaseVersion::parse(QStringLiteral("1.4.2"));
        QCOMPARE(v.nextMinor().toString(), QStringLiteral("1.5.0"));
        QCOMPARE(v.nextPatch().toString(), QStringLiteral("1.4.3"));
        QCOMPARE(v.nextMajor().toString(), QStringLiteral("2.0.0"));
        QVERIFY(*ReleaseVersion::parse(QStringLiteral("1.4.2-rc.1")) < v);
        QVERIFY(v < *ReleaseVersion::parse(QStringLiteral("1.10.0")));
    }

    void whenText()
    {
        const QDateTime now(QDate(2026, 12, 1), QTime(22, 0), Qt::UTC);
        QCOMPARE(*WhenText::parse(QStringLiteral("now"), now), now);
        QCOMPARE(*WhenText::parse(QStringLiteral("+30m"), now), now.addSecs(1800));
        QCOMPARE(*WhenText::parse(QStringLiteral("+2h"), now), now.addSecs(7200));
        QCOMPARE(*WhenText::parse(QStringLiteral("+3d"), now), now.addDays(3));
        QCOMPARE(*WhenText::parse(QStringLiteral("2026-12-02T14:00:00Z"), now),
                 QDateTime(QDate(2026, 12, 2), QTime(14, 0), Qt::UTC));
        QCOMPARE(*WhenText::parse(QStringLiteral("2026-12-02T15:00:00+01:00"), now),
                 QDateTime(QDate(2026, 12, 2), QTime(14, 0), Qt::UTC));
        // No zone: the contract's times are UTC.
        QCOMPARE(*WhenText::parse(QStringLiteral("2026-12-02 14:00"), now),
                 QDateTime(QDate(2026, 12, 2), QTime(14, 0), Qt::UTC));
        for (const QString& bad : {QStringLiteral("tomorrow"), QStringLiteral("+30x"),
                                   QStringLiteral("+m"), QStringLiteral("2026-13-01")}) {
            Result<QDateTime> parsed = WhenText::parse(bad, now);
            QVERIFY2(!parsed.ok(), qPrintable(bad));
            QCOMPARE(parsed.error().kind, ErrorKind::Usage);
        }
    }

    void branchNames()
    {
        QVERIFY(GitRefName::problem(QStringLiteral("release/1.4.0"), QStringLiteral("branch"))
                    .isEmpty());
        QVERIFY(GitRefName::problem(QStringLiteral("main"), QStringLiteral("branch")).isEmpty());
        for (const QString& bad :
             {QStringLiteral("my branch"), QStringLiteral("a..b"), QStringLiteral("x~1"),
              QStringLiteral("-x"), QStringLiteral("x.lock"), QStringLiteral("x/"), QString()})
            QVERIFY2(!GitRefName::problem(bad, QStringLiteral("branch")).isEmpty(),
                     qPrintable(bad));
    }
};

QTEST_GUILESS_MAIN(TestReleaseInput)
#include "tst_releaseinput.moc"
