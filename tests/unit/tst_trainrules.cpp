#include "services/TrainRules.h"
#include "services/TrainText.h"
#include "services/WhenText.h"

#include <QTest>

using namespace ReleaseDeck;

namespace {

ReleaseConfig goodTrain()
{
    ReleaseConfig train;
    train.name = QStringLiteral("Mobile weekly");
    train.platforms = {Platform::Android, Platform::Ios};
    train.baseBranch = QStringLiteral("main");
    train.kickoffWeekday = 1;
    train.kickoffTime = QTime(9, 0);
    train.timeZone = QStringLiteral("Europe/Berlin");
    train.regressionSlots = {{0, true, true}, {26 * 60, false, true}};
    train.targetSeconds = 7 * 86400;
    return train;
}

} // namespace

// The train's rules field by field (what the train dialog shows as typed and the service
// refuses with) and the text forms people type: Mon@09:00, +26h,no-build, 2h.
class TestTrainRules : public QObject
{
    Q_OBJECT

private slots:
    void aGoodTrainHasNoProblem()
    {
        QCOMPARE(TrainRules::problems(goodTrain()).size(), 0);
        QCOMPARE(TrainRules::targetsFor({Platform::Ios, Platform::Web}),
                 QStringList({QStringLiteral("APP_STORE"), QStringLiteral("WEB")}));
    }

    void eachFieldSaysWhatIsWrong_data()
    {
        QTest::addColumn<QString>("problem");
        QTest::addColumn<QString>("words");
        using F = TrainField;
        const auto row = [](const char* name, const QString& problem, const char* words) {
            QTest::newRow(name) << problem << QString::fromUtf8(words);
        };
        row("no name", TrainRules::nameProblem(QStringLiteral(" ")), "needs a name");
        row("no platform", TrainRules::platformsProblem({}), "at least one platform");
        row("twice a platform", TrainRules::platformsProblem({Platform::Ios, Platform::Ios}),
            "named once");
        row("a target without its platform",
            TrainRules::targetsProblem({QStringLiteral("APP_STORE")}, {Platform::Android}),
            "APP_STORE needs the IOS platform");
        row("an unknown target",
            TrainRules::targetsProblem({QStringLiteral("STEAM")}, {Platform::Android}),
            "'STEAM' is not a target");
        row("a branch with a space", TrainRules::baseBranchProblem(QStringLiteral("my branch")),
            "contains a space");
        row("an unknown placeholder",
            TrainRules::patternProblem(F::BranchPattern, QStringLiteral("release/{build}")),
            "{build} is not a placeholder of a branch pattern");
        row("a cycle in a tag",
            TrainRules::patternProblem(F::TagPattern, QStringLiteral("v{version}-{cycle}")),
            "{cycle} is not a placeholder of a tag pattern");
        row("no version in a tag",
            TrainRules::patternProblem(F::TagPattern, QStringLiteral("latest")),
            "The tag pattern needs {version}");
        row("no cycle in an RC tag",
            TrainRules::patternProblem(F::RcTagPattern, QStringLiteral("v{version}-rc")),
            "The RC tag pattern needs {cycle}");
        row("a lone brace",
            TrainRules::patternProblem(F::BranchPattern, QStringLiteral("release/{version")),
            "a brace that opens or closes no placeholder");
        row("a pattern git refuses",
            TrainRules::patternProblem(F::BranchPattern, QStringLiteral("release..{version}")),
            "not a valid git branch or tag name");
        row("no kickoff", TrainRules::kickoffProblem(0, QTime(9, 0)), "e.g. Mon@09:00");
        row("an unknown zone", TrainRules::timeZoneProblem(QStringLiteral("Europe/Atlantis")),
            "not an IANA time zone");
        row("every 0 weeks", TrainRules::repeatProblem(0), "every 1 to 52 weeks");
        row("every 53 weeks", TrainRules::repeatProblem(53), "every 1 to 52 weeks");
        row("a reminder of a week", TrainRules::reminderProblem(7 * 86400, 1),
            "less than the train's repeat period (1w)");
        row("a reminder after kickoff", TrainRules::reminderProblem(-60, 1), "not after it");
        row("two slots at once",
            TrainRules::slotsProblem({{60, true, true}, {60, false, false}}, 0),
            "Two regression slots are at +1h");
        row("a slot before kickoff", TrainRules::slotsProblem({{-60, true, true}}, 0),
            "after the kickoff");
        row("a mandatory task", TrainRules::optionalTasksProblem({TaskType::ForkBranch}),
            "FORK_BRANCH is not an optional task");
        row("a target before kickoff", TrainRules::targetAfterProblem(-60), "after the kickoff");
    }

    void eachFieldSaysWhatIsWrong()
    {
        QFETCH(QString, problem);
        QFETCH(QString, words);
        QVERIFY2(problem.contains(words), qPrintable(problem));
        // One plain sentence.
        QVERIFY2(problem.endsWith(QLatin1Char('.')), qPrintable(problem));
        QVERIFY2(!problem.contains(QLatin1Char('\n')), qPrintable(problem));
    }

    void theFirstProblemNamesItsField()
    {
        ReleaseConfig train = goodTrain();
        train.timeZone = QStringLiteral("CET+1");
        train.repeatWeeks = 0;
        const QList<TrainProblem> problems = TrainRules::problems(train);
        QCOMPARE(problems.size(), 2);
        QCOMPARE(problems.at(0).field, TrainField::TimeZone);
        QCOMPARE(problems.at(0).message,
                 QStringLiteral("'CET+1' is not an IANA time zone such as Europe/Berlin or "
                                "America/New_York."));
        QCOMPARE(problems.at(1).field, TrainField::Repeat);
        QCOMPARE(TrainRules::patternProblem(TrainField::BranchPattern,
                                            QStringLiteral("release/{build}")),
                 QStringLiteral("{build} is not a placeholder of a branch pattern; it takes "
                                "{version} (e.g. release/{version})."));
        QCOMPARE(TrainRules::patternProblem(TrainField::RcTagPattern,
                                            QStringLiteral("v{version}-rc.{cycle}")),
                 QString());
        QCOMPARE(TrainRules::reminderProblem(6 * 86400, 1), QString());
        QCOMPARE(TrainRules::reminderProblem(13 * 86400, 2), QString());
        QCOMPARE(TrainRules::reminderProblem(14 * 86400, 2),
                 QStringLiteral("The kickoff reminder must come less than the train's repeat "
                                "period (2w) before the kickoff."));
        QCOMPARE(TrainRules::slotsProblem({{8 * 1440, true, true}}, 7 * 86400),
                 QStringLiteral("The regression slot at +8d is after the target (+1w)."));
    }

    void kickoffsAndSlotsAsTyped()
    {
        const KickoffText kickoff = TrainText::kickoff(QStringLiteral("thu@17:45")).value();
        QCOMPARE(kickoff.weekday, 4);
        QCOMPARE(kickoff.time, QTime(17, 45));
        QCOMPARE(TrainText::kickoffText(7, QTime(2, 30)), QStringLiteral("Sun@02:30"));
        ReleaseConfig train;
        train.kickoffWeekday = 2;
        train.kickoffTime = QTime(10, 0);
        train.timeZone = QStringLiteral("Europe/Berlin");
        train.repeatWeeks = 2;
        QCOMPARE(TrainText::scheduleText(train),
                 QStringLiteral("every 2 weeks, Tue 10:00 Europe/Berlin"));
        train.repeatWeeks = 1;
        QCOMPARE(TrainText::scheduleText(train),
                 QStringLiteral("every week, Tue 10:00 Europe/Berlin"));
        for (const QString& bad : {QStringLiteral("Mon 09:00"), QStringLiteral("Monday@09:00"),
                                   QStringLiteral("Mon@9"), QStringLiteral("Mon@25:00")}) {
            Result<KickoffText> refused = TrainText::kickoff(bad);
            QVERIFY2(!refused.ok(), qPrintable(bad));
            QCOMPARE(refused.error().kind, ErrorKind::Usage);
        }
        const RegressionSlotPlan slot = TrainText::slot(QStringLiteral("+26h,no-build")).value();
        QCOMPARE(slot.offsetMinutes, 26 * 60);
        QVERIFY(!slot.runBuild);
        QVERIFY(slot.runAutomation);
        QCOMPARE(TrainText::slotText(slot), QStringLiteral("+26h,no-build"));
        QCOMPARE(TrainText::slotText({1440, true, false}), QStringLiteral("+1d,no-automation"));
        QCOMPARE(TrainText::slot(QStringLiteral("+0m"))->offsetMinutes, 0);
        for (const QString& bad :
             {QStringLiteral("1d"), QStringLiteral("+1d,no-tests"), QStringLiteral("+90s"),
              QStringLiteral("-1d"), QStringLiteral("tomorrow")})
            QVERIFY2(!TrainText::slot(bad).ok(), qPrintable(bad));
        QCOMPARE(WhenText::durationText(5400), QStringLiteral("90m"));
        QCOMPARE(WhenText::durationText(7200), QStringLiteral("2h"));
        QCOMPARE(WhenText::durationText(3 * 86400), QStringLiteral("3d"));
        QCOMPARE(WhenText::durationText(14 * 86400), QStringLiteral("2w"));
        QCOMPARE(WhenText::durationText(0), QStringLiteral("0m"));
        QCOMPARE(WhenText::durationText(90), QStringLiteral("90s"));
    }
};

QTEST_GUILESS_MAIN(TestTrainRules)
#include "tst_trainrules.moc"
