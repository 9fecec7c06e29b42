#include "services/ReleaseRules.h"

#include <QTest>

using namespace ReleaseDeck;

namespace {

Release release(const char* version, ReleaseType type = ReleaseType::Planned)
{
    Release made;
    made.version = QString::fromUtf8(version);
    made.type = type;
    return made;
}

} // namespace

// A new release's rules field by field: what the New release dialog shows as typed and
// ReleaseService::create refuses with, and the version the dialog suggests.
class TestReleaseRules : public QObject
{
    Q_OBJECT

private slots:
    void eachFieldSaysWhatIsWrong_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("words");
        const QDateTime now = QDateTime(QDate(2026, 12, 2), QTime(10, 0), Qt::UTC);
        const QDateTime target = now.addDays(7);
        const auto row = [](const char* name, const QString& problem, const char* words) {
            QTest::newRow(name) << problem << QString::fromUtf8(words);
        };
        row("no version", ReleaseRules::versionProblem(QStringLiteral(" ")), "needs a version");
        row("not a version", ReleaseRules::versionProblem(QStringLiteral("1.4")),
            "'1.4' is not a release version");
        row("a version taken",
            ReleaseRules::versionProblem(QStringLiteral("1.4.0 "), {QStringLiteral("1.4.0")}),
            "already has a release 1.4.0");
        row("no platform", ReleaseRules::platformsProblem({}), "at least one platform");
        row("a branch with a space", ReleaseRules::baseBranchProblem(QStringLiteral("my branch")),
            "contains a space");
        row("a target before kickoff", ReleaseRules::targetProblem(now, now.addSecs(3600)),
            "The target 2026-12-02 10:00 UTC is not after the kickoff 2026-12-02 11:00 UTC.");
        row("a slot without a time", ReleaseRules::slotProblem({}, now, target, now),
            "needs a time");
        row("a slot in the past", ReleaseRules::slotProblem(now.addSecs(-3600), now, target, now),
            "is in the past");
        row("a slot before kickoff",
            ReleaseRules::slotProblem(now.addSecs(3600), now.addDays(1), target, now),
            "is before the kickoff");
        row("a slot after the target",
            ReleaseRules::slotProblem(target.addSecs(60), now, target, now),
            "The regression slot at 2026-12-09 10:01 UTC is after the target 2026-12-09 10:00 "
            "UTC.");
    }

    void eachFieldSaysWhatIsWrong()
    {
        QFETCH(QString, problem);
        QFETCH(QString, words);
        QVERIFY2(problem.contains(words), qPrintable(problem));
    }

    void goodValuesHaveNoProblem()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(ReleaseRules::versionProblem(QStringLiteral("1.4.0-beta.1")), QString());
        QCOMPARE(ReleaseRules::platformsProblem({Platform::Web}), QString());
        QCOMPARE(ReleaseRules::baseBranchProblem(QString()), QString());
        QCOMPARE(ReleaseRules::baseBranchProblem(QStringLiteral("release/next")), QString());
        QCOMPARE(ReleaseRules::targetProblem({}, now), QString());
        // "now" as typed reaches the service a moment later.
        QCOMPARE(ReleaseRules::slotProblem(now.addSecs(-30), now, {}, now), QString());
        QCOMPARE(ReleaseRules::slotProblem(now.addDays(2), now, now.addDays(2), now), QString());
    }

    void theNextVersionIsAMinorAboveTheHighestPlannedRelease()
    {
        QCOMPARE(ReleaseRules::nextVersion({}), QStringLiteral("0.1.0"));
        QCOMPARE(ReleaseRules::nextVersion({release("1.4.2"), release("1.10.0"), release("1.9.0")}),
                 QStringLiteral("1.11.0"));
        // A hotfix is a patch; a suffixed version sits below its plain one.
        QCOMPARE(ReleaseRules::nextVersion({release("1.4.0"), release("2.0.1", ReleaseType::Hotfix),
                                            release("1.5.0-beta.1")}),
                 QStringLiteral("1.6.0"));
        // A version someone already took is skipped.
        QCOMPARE(
            ReleaseRules::nextVersion({release("1.4.0"), release("1.5.0", ReleaseType::Hotfix)}),
            QStringLiteral("1.6.0"));
    }
};

QTEST_GUILESS_MAIN(TestReleaseRules)
#include "tst_releaserules.moc"
