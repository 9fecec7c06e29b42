#include "CliRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace ReleaseDeck::Test;

// `releasedeck-cli train …` as the contract has it: every flag of train create, list and
// show as text and JSON (nextKickoffAt in ISO 8601 UTC), pause, resume and delete, and
// exit codes 0 / 1 / 2, on a SQLite file.
class TestCliTrain : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CliRunner m_cli;
    int m_run = 0;

    CliRun cli(const QStringList& arguments) { return m_cli.run(arguments); }

    QJsonValue json(const QStringList& arguments)
    {
        const CliRun run = cli(arguments + QStringList{QStringLiteral("--json")});
        if (run.exitCode != 0)
            qWarning().noquote() << run.err;
        return QJsonDocument::fromJson(run.out.toUtf8()).isArray()
                   ? QJsonValue(QJsonDocument::fromJson(run.out.toUtf8()).array())
                   : QJsonValue(QJsonDocument::fromJson(run.out.toUtf8()).object());
    }

    static QStringList weekly(const QString& name)
    {
        return {QStringLiteral("train"),
                QStringLiteral("create"),
                name,
                QStringLiteral("--platform"),
                QStringLiteral("ANDROID"),
                QStringLiteral("--base-branch"),
                QStringLiteral("main"),
                QStringLiteral("--kickoff"),
                QStringLiteral("Wed@10:15"),
                QStringLiteral("--timezone"),
                QStringLiteral("Europe/Berlin")};
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_cli.setEnvironment(
            QStringLiteral("RELEASEDECK_DATABASE"),
            QStringLiteral("sqlite:%1/deck-%2.sqlite").arg(m_dir.path()).arg(++m_run));
        QCOMPARE(
            cli({QStringLiteral("workspace"), QStringLiteral("create"), QStringLiteral("Acme")})
                .exitCode,
            0);
    }

    void helpListsTheCommandsAndFlags()
    {
        const CliRun help = cli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char* command : {"train create NAME", "train list", "train show NAME",
                                    "train pause NAME", "train resume NAME", "train delete NAME"})
            QVERIFY2(help.out.contains(QLatin1String(command)), command);
        const CliRun create =
            cli({QStringLiteral("train"), QStringLiteral("create"), QStringLiteral("--help")});
        QCOMPARE(create.exitCode, 0);
        for (const char* flag :
             {"--platform P", "--base-branch B", "--kickoff WEEKDAY@HH:MM", "--timezone ZONE",
              "--every WEEKS", "--reminder-before DURATION",
              "--regression-slot OFFSET[,no-build][,no-automation]", "--optional TASK_TYPE",
              "--no-auto-regression", "--auto-pre-release", "--bump major|minor|patch",
              "--target-after DURATION"})
            QVERIFY2(create.out.contains(QLatin1String(flag)), flag);
    }

    void everyFlagReachesTheTrain()
    {
        const CliRun created = cli({QStringLiteral("train"),
                                    QStringLiteral("create"),
                                    QStringLiteral("Mobile"),
                                    QStringLiteral("--platform"),
                                    QStringLiteral("ANDROID"),
                                    QStringLiteral("--platform"),
                                    QStringLiteral("IOS"),
                                    QStringLiteral("--base-branch"),
                                    QStringLiteral("develop"),
                                    QStringLiteral("--kickoff"),
                                    QStringLiteral("Tue@09:30"),
                                    QStringLiteral("--timezone"),
                                    QStringLiteral("America/New_York"),
                                    QStringLiteral("--every"),
                                    QStringLiteral("2"),
                                    QStringLiteral("--reminder-before"),
                                    QStringLiteral("1d"),
                                    QStringLiteral("--regression-slot"),
                                    QStringLiteral("+1d"),
                                    QStringLiteral("--regression-slot"),
                                    QStringLiteral("+26h,no-build,no-automation"),
                                    QStringLiteral("--optional"),
                                    QStringLiteral("CREATE_RELEASE_NOTES"),
                                    QStringLiteral("--optional"),
                                    QStringLiteral("CREATE_AAB_BUILD"),
                                    QStringLiteral("--no-auto-regression"),
                                    QStringLiteral("--auto-pre-release"),
                                    QStringLiteral("--bump"),
                                    QStringLiteral("patch"),
                                    QStringLiteral("--target-after"),
                                    QStringLiteral("1w")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        QVERIFY2(created.out.startsWith(QLatin1String("Created train Mobile  Tue@09:30 "
                                                      "America/New_York every 2 weeks  next: "
                                                      "0.0.1 Tue ")),
                 qPrintable(created.out));

        const QJsonObject train =
            json({QStringLiteral("train"), QStringLiteral("show"), QStringLiteral("Mobile")})
                .toObject();
        QCOMPARE(train.value(QStringLiteral("platforms")).toArray(),
                 QJsonArray({QStringLiteral("ANDROID"), QStringLiteral("IOS")}));
        QCOMPARE(train.value(QStringLiteral("targets")).toArray(),
                 QJsonArray({QStringLiteral("PLAY_STORE"), QStringLiteral("APP_STORE")}));
        QCOMPARE(train.value(QStringLiteral("baseBranch")).toString(), QStringLiteral("develop"));
        QCOMPARE(train.value(QStringLiteral("branchPattern")).toString(),
                 QStringLiteral("release/{version}"));
        QCOMPARE(train.value(QStringLiteral("rcTagPattern")).toString(),
                 QStringLiteral("v{version}-rc.{cycle}"));
        QCOMPARE(train.value(QStringLiteral("kickoff")).toString(), QStringLiteral("Tue@09:30"));
        QCOMPARE(train.value(QStringLiteral("timeZone")).toString(),
                 QStringLiteral("America/New_York"));
        QCOMPARE(train.value(QStringLiteral("everyWeeks")).toInt(), 2);
        QCOMPARE(train.value(QStringLiteral("reminderBefore")).toString(), QStringLiteral("1d"));
        QCOMPARE(train.value(QStringLiteral("targetAfter")).toString(), QStringLiteral("1w"));
        const QJsonArray plans = train.value(QStringLiteral("regressionSlots")).toArray();
        QCOMPARE(plans.size(), 2);
        QCOMPARE(plans.at(0).toObject(),
                 QJsonObject({{QStringLiteral("offset"), QStringLiteral("+1d")},
                              {QStringLiteral("offsetMinutes"), 1440},
                              {QStringLiteral("build"), true},
                              {QStringLiteral("automation"), true}}));
        QCOMPARE(plans.at(1).toObject().value(QStringLiteral("offset")).toString(),
                 QStringLiteral("+26h"));
        QCOMPARE(plans.at(1).toObject().value(QStringLiteral("build")).toBool(), false);
        QCOMPARE(plans.at(1).toObject().value(QStringLiteral("automation")).toBool(), false);
        QCOMPARE(train.value(QStringLiteral("optionalTasks")).toArray(),
                 QJsonArray(
                     {QStringLiteral("CREATE_RELEASE_NOTES"), QStringLiteral("CREATE_AAB_BUILD")}));
        QCOMPARE(train.value(QStringLiteral("autoRegression")).toBool(), false);
        QCOMPARE(train.value(QStringLiteral("autoPreRelease")).toBool(), true);
        QCOMPARE(train.value(QStringLiteral("bump")).toString(), QStringLiteral("patch"));
        QCOMPARE(train.value(QStringLiteral("paused")).toBool(), false);
        QCOMPARE(train.value(QStringLiteral("latestRelease")), QJsonValue());

        // nextKickoffAt is ISO 8601 UTC and reads Tuesday 09:30 in New York.
        const QString next = train.value(QStringLiteral("nextKickoffAt")).toString();
        QVERIFY2(next.endsWith(QLatin1Char('Z')), qPrintable(next));
        const QDateTime kickoff = QDateTime::fromString(next, Qt::ISODate);
        QVERIFY(kickoff.isValid());
        const QDateTime local = kickoff.toTimeZone(QTimeZone("America/New_York"));
        QCOMPARE(local.date().dayOfWeek(), 2);
        QCOMPARE(local.time(), QTime(9, 30));
        QVERIFY(kickoff > QDateTime::currentDateTimeUtc());
        QVERIFY(kickoff < QDateTime::currentDateTimeUtc().addDays(8));
        QCOMPARE(QDateTime::fromString(train.value(QStringLiteral("nextReminderAt")).toString(),
                                       Qt::ISODate),
                 kickoff.addDays(-1));
        const QJsonArray listed = json({QStringLiteral("train"), QStringLiteral("list")}).toArray();
        QCOMPARE(listed.size(), 1);
        QCOMPARE(listed.at(0).toObject().value(QStringLiteral("nextKickoffAt")).toString(), next);

        // Text for people.
        const CliRun shown =
            cli({QStringLiteral("train"), QStringLiteral("show"), QStringLiteral("Mobile")});
        QCOMPARE(shown.exitCode, 0);
        QVERIFY2(shown.out.contains(QLatin1String("slots:      +1d +26h,no-build,no-automation")),
                 qPrintable(shown.out));
    }

    void badInputIsAUsageError()
    {
        const auto usage = [&](const QStringList& arguments, const char* words) {
            const CliRun run = cli(arguments);
            QVERIFY2(run.exitCode == 2, qPrintable(run.err + run.out));
            QVERIFY2(run.err.contains(QLatin1String(words)), qPrintable(run.err));
        };
        QStringList noZone = weekly(QStringLiteral("A"));
        noZone.removeLast();
        noZone.removeLast();
        usage(noZone, "train create needs --timezone.");
        usage(weekly(QStringLiteral("A"))
                  .replaceInStrings(QStringLiteral("Wed@10:15"), QStringLiteral("Wednesday 10:15")),
              "is not a kickoff: use WEEKDAY@HH:MM");
        usage(
            weekly(QStringLiteral("A"))
                .replaceInStrings(QStringLiteral("Europe/Berlin"), QStringLiteral("Mars/Olympus")),
            "'Mars/Olympus' is not an IANA time zone");
        usage(weekly(QStringLiteral("A")) << QStringLiteral("--every") << QStringLiteral("0"),
              "every 1 to 52 weeks");
        usage(weekly(QStringLiteral("A")) << QStringLiteral("--bump") << QStringLiteral("huge"),
              "'huge' is not major, minor or patch");
        usage(weekly(QStringLiteral("A"))
                  << QStringLiteral("--optional") << QStringLiteral("FORK_BRANCH"),
              "FORK_BRANCH is not an optional task");
        usage(weekly(QStringLiteral("A"))
                  << QStringLiteral("--regression-slot") << QStringLiteral("1d"),
              "is not a regression slot offset");
        usage(weekly(QStringLiteral("A"))
                  << QStringLiteral("--reminder-before") << QStringLiteral("soon"),
              "is not a duration");
        usage(weekly(QStringLiteral("A"))
                  << QStringLiteral("--reminder-before") << QStringLiteral("8d"),
              "less than the train's repeat period");
        QCOMPARE(json({QStringLiteral("train"), QStringLiteral("list")}).toArray().size(), 0);
    }

    void pauseResumeAndDelete()
    {
        QCOMPARE(cli(weekly(QStringLiteral("Web"))).exitCode, 0);
        const CliRun paused =
            cli({QStringLiteral("train"), QStringLiteral("pause"), QStringLiteral("Web")});
        QCOMPARE(paused.exitCode, 0);
        QVERIFY2(paused.out.contains(QLatin1String("none (paused)")), qPrintable(paused.out));
        QJsonObject train =
            json({QStringLiteral("train"), QStringLiteral("show"), QStringLiteral("Web")})
                .toObject();
        QCOMPARE(train.value(QStringLiteral("paused")).toBool(), true);
        QCOMPARE(train.value(QStringLiteral("nextKickoffAt")), QJsonValue());
        // Pausing twice did not succeed: exit 1.
        const CliRun again =
            cli({QStringLiteral("train"), QStringLiteral("pause"), QStringLiteral("Web")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QLatin1String("Train Web is paused already.")),
                 qPrintable(again.err));
        QCOMPARE(cli({QStringLiteral("train"), QStringLiteral("resume"), QStringLiteral("Web")})
                     .exitCode,
                 0);
        train = json({QStringLiteral("train"), QStringLiteral("show"), QStringLiteral("Web")})
                    .toObject();
        QVERIFY(!train.value(QStringLiteral("nextKickoffAt")).toString().isEmpty());

        // Not while a release of the train runs.
        QCOMPARE(cli({QStringLiteral("release"), QStringLiteral("create"), QStringLiteral("3.0.0"),
                      QStringLiteral("--train"), QStringLiteral("Web"),
                      QStringLiteral("--kickoff-at"), QStringLiteral("+1d")})
                     .exitCode,
                 0);
        const CliRun refused =
            cli({QStringLiteral("train"), QStringLiteral("delete"), QStringLiteral("Web")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains(QLatin1String("has release 3.0.0 in progress")),
                 qPrintable(refused.err));
        train = json({QStringLiteral("train"), QStringLiteral("show"), QStringLiteral("Web")})
                    .toObject();
        QCOMPARE(train.value(QStringLiteral("activeRelease")).toString(), QStringLiteral("3.0.0"));
        QCOMPARE(train.value(QStringLiteral("nextVersion")).toString(), QStringLiteral("3.1.0"));
        QCOMPARE(cli({QStringLiteral("release"), QStringLiteral("cancel"), QStringLiteral("3.0.0")})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("train"), QStringLiteral("delete"), QStringLiteral("Web")})
                     .exitCode,
                 0);
        QCOMPARE(json({QStringLiteral("train"), QStringLiteral("list")}).toArray().size(), 0);
        QCOMPARE(
            cli({QStringLiteral("train"), QStringLiteral("show"), QStringLiteral("Web")}).exitCode,
            1);
        QCOMPARE(cli({QStringLiteral("train"), QStringLiteral("delete"), QStringLiteral("Web")})
                     .exitCode,
                 1);
        QCOMPARE(cli({QStringLiteral("train"), QStringLiteral("pause")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_cli_train.moc"
