#include "CliRunner.h"
#include "FakeProviderWorld.h"
#include "OrchestratorProcess.h"
#include "db/Database.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// Releases driven from creation to DONE through the real CLI (`release create`,
// `orchestrate`, `release approve`, `release show --json`) against fake GitHub Enterprise
// with Actions, Slack, Jira Cloud and Jenkins on 127.0.0.1, on a SQLite file, with the
// tokens in the test keyring. Every effect on the fakes happens exactly once.
class TestCliRelease : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_database;
    CliRunner m_cli;
    QProcessEnvironment m_environment;
    std::unique_ptr<FakeProviderWorld> m_world;
    int m_run = 0;

    CliRun cli(const QStringList& arguments, const QByteArray& input = {})
    {
        return m_cli.run(arguments, input);
    }

    void connect(const QString& provider)
    {
        const ConnectionDraft draft = m_world->draft(provider);
        const CliRun added = cli(QStringList{QStringLiteral("connection"), QStringLiteral("add")} +
                                     FakeProviderWorld::cliArguments(draft),
                                 draft.token.toUtf8() + '\n');
        QVERIFY2(added.exitCode == 0, qPrintable(added.err + added.out));
    }

    QJsonObject show(const QString& version)
    {
        const CliRun shown = cli(
            {QStringLiteral("release"), QStringLiteral("show"), version, QStringLiteral("--json")});
        if (shown.exitCode != 0)
            qWarning().noquote() << "release show failed:" << shown.err;
        return QJsonDocument::fromJson(shown.out.toUtf8()).object();
    }

    // Polls `release show --json` until done(release) or the deadline; the last answer.
    QJsonObject waitFor(const QString& version, const std::function<bool(const QJsonObject&)>& done,
                        int seconds)
    {
        QDeadlineTimer deadline(seconds * 1000);
        QJsonObject release = show(version);
        while (!done(release) && !deadline.hasExpired()) {
            QTest::qWait(500);
            release = show(version);
        }
        return release;
    }

    std::unique_ptr<OrchestratorProcess> orchestrator(const QString& holder)
    {
        return std::make_unique<OrchestratorProcess>(
            m_environment,
            QStringList{QStringLiteral("--interval"), QStringLiteral("1"),
                        QStringLiteral("--lease-seconds"), QStringLiteral("6"),
                        QStringLiteral("--holder"), holder},
            m_dir.filePath(QStringLiteral("%1-%2.log").arg(holder).arg(m_run)));
    }

    static QJsonObject task(const QJsonObject& release, const QString& type, int cycle = 0)
    {
        for (const QJsonValue& value : release.value(QStringLiteral("tasks")).toArray()) {
            const QJsonObject t = value.toObject();
            if (t.value(QStringLiteral("type")).toString() == type &&
                t.value(QStringLiteral("cycle")).toInt() == cycle)
                return t;
        }
        return {};
    }

    static bool awaitingApproval(const QJsonObject& release)
    {
        return release.value(QStringLiteral("pauseReason")).toString() ==
               QLatin1String("AWAITING_STAGE_TRIGGER");
    }

    static bool completed(const QJsonObject& release)
    {
        return release.value(QStringLiteral("status")).toString() == QLatin1String("COMPLETED");
    }

    static QString describe(const QJsonObject& release)
    {
        return QString::fromUtf8(QJsonDocument(release).toJson(QJsonDocument::Indented));
    }

    // Every release ticket moves to its ready state, as people do in Jira.
    void approveTickets()
    {
        for (const QString& project : {QStringLiteral("DROID"), QStringLiteral("IOS")}) {
            for (const QJsonObject& issue : m_world->jira().issues(project))
                m_world->jira().setIssueStatus(issue.value(QStringLiteral("key")).toString(),
                                               FakeJira::readyState());
        }
    }

    // Every row of every table, in order: what "touching nothing" compares.
    QString everyRow()
    {
        Database database(*DatabaseUrl::parse(m_database));
        Result<QSqlQuery> tables = database.run(
            QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        if (!tables)
            return tables.error().message;
        QStringList rows;
        while (tables->next()) {
            const QString table = tables->value(0).toString();
            Result<QSqlQuery> all =
                database.run(QStringLiteral("SELECT * FROM %1 ORDER BY rowid").arg(table));
            if (!all)
                return all.error().message;
            while (all->next()) {
                QStringList values{table};
                for (int column = 0; column < all->record().count(); ++column)
                    values.append(all->value(column).toString());
                rows.append(values.join(QLatin1Char('|')));
            }
        }
        return rows.join(QLatin1Char('\n'));
    }

    int requestsToTheFakes()
    {
        return int(m_world->github().server().requests().size() +
                   m_world->slack().server().requests().size() +
                   m_world->jira().server().requests().size() +
                   m_world->jenkins().server().requests().size());
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_database = QStringLiteral("sqlite:%1/deck-%2.sqlite").arg(m_dir.path()).arg(++m_run);
        m_cli.setEnvironment(QStringLiteral("RELEASEDECK_DATABASE"), m_database);
        m_environment = QProcessEnvironment::systemEnvironment();
        m_environment.insert(QStringLiteral("RELEASEDECK_DATABASE"), m_database);
        m_world = std::make_unique<FakeProviderWorld>();
        const CliRun created =
            cli({QStringLiteral("workspace"), QStringLiteral("create"), QStringLiteral("Acme")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    }

    void cleanup()
    {
        for (const QString& category : {QStringLiteral("SCM"), QStringLiteral("CHAT"),
                                        QStringLiteral("ISSUES"), QStringLiteral("CI")})
            cli({QStringLiteral("connection"), QStringLiteral("remove"), category});
        m_world.reset();
    }

    void aReleaseGoesFromCreationToDoneWithGitHubSlackAndJira()
    {
        for (const QString& provider :
             {QStringLiteral("github-enterprise"), QStringLiteral("slack"),
              QStringLiteral("jira-cloud"), QStringLiteral("github-actions")})
            connect(provider);
        m_world->github().actions().autoComplete(QStringLiteral("success"), 1);
        const CliRun created = cli(
            {QStringLiteral("release"), QStringLiteral("create"), QStringLiteral("1.4.0"),
             QStringLiteral("--platform"), QStringLiteral("ANDROID"), QStringLiteral("--platform"),
             QStringLiteral("IOS"), QStringLiteral("--regression-slot"), QStringLiteral("now"),
             QStringLiteral("--regression-slot"), QStringLiteral("+2s,no-automation"),
             QStringLiteral("--target-at"), QStringLiteral("+2d"), QStringLiteral("--json")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const QJsonObject planned = QJsonDocument::fromJson(created.out.toUtf8()).object();
        QCOMPARE(planned.value(QStringLiteral("status")).toString(), QStringLiteral("PENDING"));
        QCOMPARE(planned.value(QStringLiteral("releaseBranch")).toString(),
                 QStringLiteral("release/1.4.0"));
        QCOMPARE(planned.value(QStringLiteral("tasks")).toArray().size(), 4);

        auto one = orchestrator(QStringLiteral("one"));
        QVERIFY(one->start());
        QJsonObject release = waitFor(QStringLiteral("1.4.0"), awaitingApproval, 120);
        QVERIFY2(awaitingApproval(release), qPrintable(describe(release) + one->output()));
        QCOMPARE(release.value(QStringLiteral("stage")).toString(), QStringLiteral("REGRESSION"));
        QCOMPARE(release.value(QStringLiteral("cycles")).toArray().size(), 2);
        QCOMPARE(task(release, QStringLiteral("TRIGGER_AUTOMATION_RUNS"), 2)
                     .value(QStringLiteral("lastError"))
                     .toString(),
                 QStringLiteral("this regression slot runs no automation"));
        QCOMPARE(task(release, QStringLiteral("FORK_BRANCH")).value(QStringLiteral("waitingFor")),
                 QJsonValue());

        approveTickets();
        const CliRun approved =
            cli({QStringLiteral("release"), QStringLiteral("approve"), QStringLiteral("1.4.0")});
        QVERIFY2(approved.exitCode == 0, qPrintable(approved.err));
        release = waitFor(QStringLiteral("1.4.0"), completed, 120);
        QVERIFY2(completed(release), qPrintable(describe(release) + one->output()));
        QCOMPARE(one->terminate(), 0);

        // Each effect on the fakes, exactly once.
        FakeGitHub& github = m_world->github();
        QCOMPARE(github.branchesCreated(), 1);
        QCOMPARE(github.branchesCreated(QStringLiteral("release/1.4.0")), 1);
        QCOMPARE(github.tagsCreated(QStringLiteral("v1.4.0-rc.1")), 1);
        QCOMPARE(github.tagsCreated(QStringLiteral("v1.4.0-rc.2")), 1);
        QCOMPARE(github.tagsCreated(QStringLiteral("v1.4.0")), 1);
        QCOMPARE(github.tagsCreated(), 3);
        QCOMPARE(github.releasesCreated(QStringLiteral("v1.4.0")), 1);
        QCOMPARE(m_world->jira().issuesCreated(QStringLiteral("DROID")), 1);
        QCOMPARE(m_world->jira().issuesCreated(QStringLiteral("IOS")), 1);
        FakeGitHubActions& actions = github.actions();
        QCOMPARE(actions.dispatches(QStringLiteral("pre-regression.yml")), 2);
        QCOMPARE(actions.dispatches(QStringLiteral("regression.yml")), 4);
        QCOMPARE(actions.dispatches(QStringLiteral("automation.yml")), 2);
        QCOMPARE(actions.dispatches(QStringLiteral("testflight.yml")), 1);
        QCOMPARE(actions.dispatches(QStringLiteral("android-bundle.yml")), 1);
        // RC builds run on the RC tag, not the moving branch.
        for (const QJsonObject& inputs : actions.dispatchedInputs(QStringLiteral("regression.yml")))
            QVERIFY(inputs.value(QStringLiteral("release_deck_task"))
                        .toString()
                        .startsWith(QLatin1String("rd-")));
        QStringList refs;
        for (const QJsonValue& run : actions.runs(QStringLiteral("regression.yml")))
            refs.append(run.toObject().value(QStringLiteral("head_branch")).toString());
        refs.sort();
        QCOMPARE(refs, QStringList({QStringLiteral("v1.4.0-rc.1"), QStringLiteral("v1.4.0-rc.1"),
                                    QStringLiteral("v1.4.0-rc.2"), QStringLiteral("v1.4.0-rc.2")}));
        // Kickoff, notes and builds of each cycle, approval, final notes, completion.
        const QList<QJsonObject> messages = m_world->slack().messages(FakeSlack::channel());
        QStringList keys;
        for (const QJsonObject& message : messages)
            keys.append(message.value(QStringLiteral("metadata"))
                            .toObject()
                            .value(QStringLiteral("event_payload"))
                            .toObject()
                            .value(QStringLiteral("key"))
                            .toString());
        QCOMPARE(messages.size(), 8);
        keys.removeDuplicates();
        QCOMPARE(keys.size(), 8);

        // The final state, as a script reads it.
        QCOMPARE(release.value(QStringLiteral("stage")).toString(), QStringLiteral("DONE"));
        QCOMPARE(release.value(QStringLiteral("releaseTag")).toString(), QStringLiteral("v1.4.0"));
        QVERIFY(!release.value(QStringLiteral("releasedAt")).toString().isEmpty());
        for (const QJsonValue& cycle : release.value(QStringLiteral("cycles")).toArray())
            QCOMPARE(cycle.toObject().value(QStringLiteral("status")).toString(),
                     QStringLiteral("DONE"));
        for (const QJsonValue& value : release.value(QStringLiteral("tasks")).toArray()) {
            const QJsonObject t = value.toObject();
            const QString status = t.value(QStringLiteral("status")).toString();
            QVERIFY2(status == QLatin1String("COMPLETED") || status == QLatin1String("SKIPPED"),
                     qPrintable(describe(t)));
            QCOMPARE(t.value(QStringLiteral("waitingFor")), QJsonValue());
        }
        QCOMPARE(task(release, QStringLiteral("CREATE_TEST_SUITE"))
                     .value(QStringLiteral("lastError"))
                     .toString(),
                 QStringLiteral("no TESTS connection"));
        QCOMPARE(task(release, QStringLiteral("CREATE_RC_TAG"), 2)
                     .value(QStringLiteral("externalId"))
                     .toString(),
                 QStringLiteral("v1.4.0-rc.2"));
        QVERIFY(task(release, QStringLiteral("CREATE_FINAL_RELEASE_NOTES"))
                    .value(QStringLiteral("externalUrl"))
                    .toString()
                    .contains(QLatin1String("v1.4.0")));
    }

    void jenkinsBuildsAndNoIssueTrackerIsSkippedWithTheReason()
    {
        for (const QString& provider : {QStringLiteral("github-enterprise"),
                                        QStringLiteral("slack"), QStringLiteral("jenkins")})
            connect(provider);
        m_world->jenkins().autoComplete(QStringLiteral("SUCCESS"), 2);
        const CliRun created =
            cli({QStringLiteral("release"), QStringLiteral("create"), QStringLiteral("2.0.0"),
                 QStringLiteral("--platform"), QStringLiteral("ANDROID"),
                 QStringLiteral("--regression-slot"), QStringLiteral("now")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        auto one = orchestrator(QStringLiteral("one"));
        QVERIFY(one->start());
        QJsonObject release = waitFor(QStringLiteral("2.0.0"), awaitingApproval, 120);
        QVERIFY2(awaitingApproval(release), qPrintable(describe(release) + one->output()));
        QCOMPARE(
            cli({QStringLiteral("release"), QStringLiteral("approve"), QStringLiteral("2.0.0")})
                .exitCode,
            0);
        release = waitFor(QStringLiteral("2.0.0"), completed, 120);
        QVERIFY2(completed(release), qPrintable(describe(release) + one->output()));
        QCOMPARE(one->terminate(), 0);

        for (const QString& type : {QStringLiteral("CREATE_PROJECT_MANAGEMENT_TICKET"),
                                    QStringLiteral("CHECK_PROJECT_RELEASE_APPROVAL")}) {
            QCOMPARE(task(release, type).value(QStringLiteral("status")).toString(),
                     QStringLiteral("SKIPPED"));
            QCOMPARE(task(release, type).value(QStringLiteral("lastError")).toString(),
                     QStringLiteral("no ISSUES connection"));
        }
        QCOMPARE(task(release, QStringLiteral("TRIGGER_TEST_FLIGHT_BUILD"))
                     .value(QStringLiteral("lastError"))
                     .toString(),
                 QStringLiteral("no iOS platform in this release"));
        const QJsonObject jobs = FakeJenkins::purposeJobs();
        FakeJenkins& jenkins = m_world->jenkins();
        QCOMPARE(
            jenkins.buildsTriggered(jobs.value(QStringLiteral("PRE_REGRESSION_BUILD")).toString()),
            1);
        QCOMPARE(jenkins.buildsTriggered(jobs.value(QStringLiteral("REGRESSION_BUILD")).toString()),
                 1);
        QCOMPARE(jenkins.buildsTriggered(jobs.value(QStringLiteral("AUTOMATION")).toString()), 1);
        QCOMPARE(jenkins.buildsTriggered(jobs.value(QStringLiteral("ANDROID_BUNDLE")).toString()),
                 1);
        QCOMPARE(jenkins.buildsTriggered(), 4);
        // The RC build ran on the RC tag.
        const QList<QJsonObject> builds =
            jenkins.builds(jobs.value(QStringLiteral("REGRESSION_BUILD")).toString());
        QCOMPARE(builds.size(), 1);
        QVERIFY(QJsonDocument(builds.constFirst()).toJson().contains("v2.0.0-rc.1"));
        QCOMPARE(m_world->github().tagsCreated(), 2);
    }

    void aDryRunSaysWhatTheNextTickWouldDoAndTouchesNothing()
    {
        for (const QString& provider :
             {QStringLiteral("github-enterprise"), QStringLiteral("slack"),
              QStringLiteral("jira-cloud"), QStringLiteral("github-actions")})
            connect(provider);
        // 5.0.0 runs until its pre-regression build, which never finishes.
        QCOMPARE(cli({QStringLiteral("release"), QStringLiteral("create"), QStringLiteral("5.0.0"),
                      QStringLiteral("--platform"), QStringLiteral("ANDROID")})
                     .exitCode,
                 0);
        const CliRun ran = cli({QStringLiteral("orchestrate"), QStringLiteral("--once"),
                                QStringLiteral("--interval"), QStringLiteral("1"),
                                QStringLiteral("--lease-seconds"), QStringLiteral("5")});
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err + ran.out));
        QCOMPARE(m_world->github().actions().dispatches(), 1);
        // 5.1.0 kicks off tomorrow, 5.2.0 now.
        QCOMPARE(cli({QStringLiteral("release"), QStringLiteral("create"), QStringLiteral("5.1.0"),
                      QStringLiteral("--kickoff-at"), QStringLiteral("+1d")})
                     .exitCode,
                 0);
        QCOMPARE(cli({QStringLiteral("release"), QStringLiteral("create"), QStringLiteral("5.2.0")})
                     .exitCode,
                 0);
        // The build's next poll is due by now.
        QTest::qWait(2000);
        const QString before = everyRow();
        QVERIFY(before.contains(QLatin1String("5.2.0")));
        for (FakeHttpServer* server : {&m_world->github().server(), &m_world->slack().server(),
                                       &m_world->jira().server(), &m_world->jenkins().server()})
            server->clearRequests();

        const CliRun dry = cli(
            {QStringLiteral("orchestrate"), QStringLiteral("--once"), QStringLiteral("--dry-run")});
        QVERIFY2(dry.exitCode == 0, qPrintable(dry.err + dry.out));
        const QStringList lines = dry.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() >= 6, qPrintable(dry.out));
        QCOMPARE(lines.at(0), QStringLiteral("Workspace Acme:"));
        QCOMPARE(lines.at(1), QStringLiteral("  would take the lease"));
        QVERIFY2(lines.at(2).startsWith(QLatin1String("  would kick off 5.2.0 (kickoff at ")),
                 qPrintable(dry.out));
        QVERIFY2(lines.at(3).startsWith(
                     QLatin1String("  would check on 5.0.0 TRIGGER_PRE_REGRESSION_BUILDS (")),
                 qPrintable(dry.out));
        QVERIFY2(lines.at(3).contains(QLatin1String("next poll in 1 s")), qPrintable(dry.out));
        // Why each release waits.
        const QString tomorrow = lines.filter(QLatin1String("  5.1.0: kickoff at "))
                                     .value(0)
                                     .section(QStringLiteral("kickoff at "), 1);
        QVERIFY2(tomorrow.startsWith(QDateTime::currentDateTimeUtc().addDays(1).toString(
                     QStringLiteral("yyyy-MM-dd "))),
                 qPrintable(dry.out));
        QVERIFY2(lines.contains(QStringLiteral("    FORK_BRANCH waits: kickoff at ") + tomorrow),
                 qPrintable(dry.out));
        QVERIFY2(lines.contains(QStringLiteral("  5.0.0: kickoff tasks running")),
                 qPrintable(dry.out));

        // Nothing changed, nothing was asked of any provider.
        QCOMPARE(everyRow(), before);
        QCOMPARE(requestsToTheFakes(), 0);
        QCOMPARE(m_world->github().branchesCreated(), 1);
        QCOMPARE(m_world->github().actions().dispatches(), 1);
    }

    void aPermanentFailurePausesUntilRetriedOrSkipped()
    {
        for (const QString& provider : {QStringLiteral("github-enterprise"),
                                        QStringLiteral("slack"), QStringLiteral("jira-cloud")})
            connect(provider);
        // The GitHub token is revoked after it was added; Jira refuses to create issues.
        m_world->github().setToken(QStringLiteral("someone-else"));
        m_world->jira().failNext(
            "POST", QStringLiteral("/issue"),
            FakeResponse::json(
                403,
                R"({"errorMessages":["You do not have permission to create issues in this project."]})"),
            100);
        QCOMPARE(cli({QStringLiteral("release"), QStringLiteral("create"), QStringLiteral("3.1.0")})
                     .exitCode,
                 0);
        const QStringList once{QStringLiteral("orchestrate"),     QStringLiteral("--once"),
                               QStringLiteral("--interval"),      QStringLiteral("1"),
                               QStringLiteral("--lease-seconds"), QStringLiteral("5")};
        CliRun ran = cli(once);
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err + ran.out));
        QJsonObject release = show(QStringLiteral("3.1.0"));
        QCOMPARE(release.value(QStringLiteral("status")).toString(), QStringLiteral("PAUSED"));
        QCOMPARE(release.value(QStringLiteral("pauseReason")).toString(),
                 QStringLiteral("TASK_FAILURE"));
        const QJsonObject fork = task(release, QStringLiteral("FORK_BRANCH"));
        QCOMPARE(fork.value(QStringLiteral("status")).toString(), QStringLiteral("FAILED"));
        QCOMPARE(fork.value(QStringLiteral("attempts")).toInt(), 1);
        QVERIFY2(!fork.value(QStringLiteral("lastError")).toString().isEmpty(),
                 qPrintable(describe(fork)));
        QVERIFY2(task(release, QStringLiteral("CREATE_PROJECT_MANAGEMENT_TICKET"))
                     .value(QStringLiteral("lastError"))
                     .toString()
                     .contains(QLatin1String("do not have permission")),
                 qPrintable(describe(release)));
        QStringList texts;
        for (const QJsonObject& message : m_world->slack().messages(FakeSlack::channel()))
            texts.append(message.value(QStringLiteral("text")).toString());
        QVERIFY2(
            texts.join(QLatin1Char('\n')).contains(QLatin1String("Fork the release branch failed")),
            qPrintable(texts.join(QLatin1Char('\n'))));
        QCOMPARE(m_world->github().branchesCreated(), 0);

        // Fixed in GitHub and retried: the release still waits for the failed ticket.
        m_world->github().setToken(m_world->draft(QStringLiteral("github-enterprise")).token);
        CliRun retried = cli({QStringLiteral("release"), QStringLiteral("retry"),
                              QStringLiteral("3.1.0"), QStringLiteral("FORK_BRANCH")});
        QVERIFY2(retried.exitCode == 0, qPrintable(retried.err));
        QVERIFY2(retried.out.contains(QLatin1String("PAUSED (TASK_FAILURE)")),
                 qPrintable(retried.out));
        QCOMPARE(cli(once).exitCode, 0);
        release = show(QStringLiteral("3.1.0"));
        QCOMPARE(
            task(release, QStringLiteral("FORK_BRANCH")).value(QStringLiteral("status")).toString(),
            QStringLiteral("PENDING"));
        QCOMPARE(task(release, QStringLiteral("FORK_BRANCH"))
                     .value(QStringLiteral("waitingFor"))
                     .toString(),
                 QStringLiteral("release paused until the failed task is retried or skipped"));
        QCOMPARE(m_world->github().branchesCreated(), 0);

        // Skipping the failed ticket lets the release go on: the branch, then regression.
        CliRun skipped =
            cli({QStringLiteral("release"), QStringLiteral("skip"), QStringLiteral("3.1.0"),
                 QStringLiteral("CREATE_PROJECT_MANAGEMENT_TICKET")});
        QVERIFY2(skipped.exitCode == 0, qPrintable(skipped.err));
        QVERIFY2(skipped.out.contains(QLatin1String("IN_PROGRESS")), qPrintable(skipped.out));
        QCOMPARE(cli(once).exitCode, 0);
        release = show(QStringLiteral("3.1.0"));
        QCOMPARE(
            task(release, QStringLiteral("FORK_BRANCH")).value(QStringLiteral("status")).toString(),
            QStringLiteral("COMPLETED"));
        QCOMPARE(task(release, QStringLiteral("CREATE_PROJECT_MANAGEMENT_TICKET"))
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("SKIPPED"));
        QCOMPARE(release.value(QStringLiteral("stage")).toString(), QStringLiteral("REGRESSION"));
        QCOMPARE(m_world->github().branchesCreated(QStringLiteral("release/3.1.0")), 1);
        QCOMPARE(m_world->github().branchesCreated(), 1);
        // A usage error is exit 2; an unknown release exit 1.
        QCOMPARE(cli({QStringLiteral("release"), QStringLiteral("skip"), QStringLiteral("3.1.0"),
                      QStringLiteral("NOT_A_TASK")})
                     .exitCode,
                 2);
        QCOMPARE(cli({QStringLiteral("release"), QStringLiteral("show"), QStringLiteral("9.9.9")})
                     .exitCode,
                 1);
    }
};

QTEST_GUILESS_MAIN(TestCliRelease)
#include "tst_cli_release.moc"
