#include "CliRunner.h"
#include "FakeProviderWorld.h"
#include "OrchestratorProcess.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// A hotfix end to end through the real CLI and a background orchestrator, against fake
// GitHub Enterprise and Slack: 1.4.0 is released, main moves on, and
// `release create 1.4.1 --hotfix-of 1.4.0` forks its branch from the v1.4.0 tag (not from
// main), runs one regression cycle, and its notes start at v1.4.0. A second hotfix of
// 1.4.0 needs --force once 1.4.1 is out.
class TestCliHotfix : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CliRunner m_cli;
    QProcessEnvironment m_environment;
    std::unique_ptr<FakeProviderWorld> m_world;

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
        return QJsonDocument::fromJson(shown.out.toUtf8()).object();
    }

    QJsonObject waitFor(const QString& version, const std::function<bool(const QJsonObject&)>& done)
    {
        QDeadlineTimer deadline(120000);
        QJsonObject release = show(version);
        while (!done(release) && !deadline.hasExpired()) {
            QTest::qWait(500);
            release = show(version);
        }
        return release;
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

    // Approves the move to pre-release, then waits for the release to complete.
    QJsonObject release(const QString& version, OrchestratorProcess& orchestrator)
    {
        QJsonObject shown = waitFor(version, awaitingApproval);
        if (!awaitingApproval(shown))
            return shown;
        const CliRun approved =
            cli({QStringLiteral("release"), QStringLiteral("approve"), version});
        if (approved.exitCode != 0)
            qWarning().noquote() << approved.err << orchestrator.output();
        return waitFor(version, completed);
    }

    // The previous_tag_name each generate-notes request asked for, by tag.
    QHash<QString, QString> notesFrom()
    {
        QHash<QString, QString> from;
        for (const RecordedRequest& request :
             m_world->github().requests("POST", QStringLiteral("/releases/generate-notes"))) {
            const QJsonObject body = request.json().object();
            from.insert(body.value(QStringLiteral("tag_name")).toString(),
                        body.value(QStringLiteral("previous_tag_name")).toString());
        }
        return from;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString database = QStringLiteral("sqlite:%1/deck.sqlite").arg(m_dir.path());
        m_cli.setEnvironment(QStringLiteral("RELEASEDECK_DATABASE"), database);
        m_environment = QProcessEnvironment::systemEnvironment();
        m_environment.insert(QStringLiteral("RELEASEDECK_DATABASE"), database);
        m_world = std::make_unique<FakeProviderWorld>();
        QCOMPARE(
            cli({QStringLiteral("workspace"), QStringLiteral("create"), QStringLiteral("Acme")})
                .exitCode,
            0);
    }

    void cleanupTestCase()
    {
        for (const QString& category : {QStringLiteral("SCM"), QStringLiteral("CHAT")})
            cli({QStringLiteral("connection"), QStringLiteral("remove"), category});
        m_world.reset();
    }

    void aHotfixStartsFromTheFixedTagWithOneCycleAndItsNotes()
    {
        for (const QString& provider :
             {QStringLiteral("github-enterprise"), QStringLiteral("slack")})
            connect(provider);
        FakeGitHub& github = m_world->github();
        OrchestratorProcess orchestrator(m_environment,
                                         {QStringLiteral("--interval"), QStringLiteral("1"),
                                          QStringLiteral("--lease-seconds"), QStringLiteral("6"),
                                          QStringLiteral("--holder"), QStringLiteral("host")},
                                         m_dir.filePath(QStringLiteral("orchestrator.log")));
        QVERIFY(orchestrator.start());

        QCOMPARE(cli({QStringLiteral("release"), QStringLiteral("create"), QStringLiteral("1.4.0"),
                      QStringLiteral("--regression-slot"), QStringLiteral("now")})
                     .exitCode,
                 0);
        QJsonObject shown = release(QStringLiteral("1.4.0"), orchestrator);
        QVERIFY2(completed(shown), qPrintable(describe(shown) + orchestrator.output()));
        const QString released = github.commitOf(QStringLiteral("v1.4.0"));
        QVERIFY(!released.isEmpty());
        // main moves on after the release.
        github.pushCommit(QStringLiteral("main"), QStringLiteral("Start the 1.5 redesign"));
        QVERIFY(github.commitOf(QStringLiteral("main")) != released);

        // The hotfix rules, each one clear sentence and nothing created.
        const auto refused = [&](const QStringList& arguments, int exitCode, const char* words) {
            const CliRun run =
                cli(QStringList{QStringLiteral("release"), QStringLiteral("create")} + arguments);
            QVERIFY2(run.exitCode == exitCode, qPrintable(run.err + run.out));
            QVERIFY2(run.err.contains(QLatin1String(words)), qPrintable(run.err));
        };
        refused({QStringLiteral("1.5.0"), QStringLiteral("--hotfix-of"), QStringLiteral("1.4.0")},
                2, "A hotfix of 1.4.0 must be a patch above it, e.g. 1.4.1.");
        refused({QStringLiteral("1.3.9"), QStringLiteral("--hotfix-of"), QStringLiteral("1.3.8")},
                2, "There is no release 1.3.8 to fix.");
        refused({QStringLiteral("1.4.1"), QStringLiteral("--hotfix-of"), QStringLiteral("1.4.0"),
                 QStringLiteral("--base-branch"), QStringLiteral("main")},
                2, "A hotfix starts from 1.4.0's tag v1.4.0; leave out the base branch.");

        const CliRun created =
            cli({QStringLiteral("release"), QStringLiteral("create"), QStringLiteral("1.4.1"),
                 QStringLiteral("--hotfix-of"), QStringLiteral("1.4.0"), QStringLiteral("--json")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const QJsonObject planned = QJsonDocument::fromJson(created.out.toUtf8()).object();
        QCOMPARE(planned.value(QStringLiteral("type")).toString(), QStringLiteral("HOTFIX"));
        QCOMPARE(planned.value(QStringLiteral("baseBranch")).toString(), QStringLiteral("v1.4.0"));
        QCOMPARE(planned.value(QStringLiteral("releaseBranch")).toString(),
                 QStringLiteral("release/1.4.1"));

        shown = release(QStringLiteral("1.4.1"), orchestrator);
        QVERIFY2(completed(shown), qPrintable(describe(shown) + orchestrator.output()));
        QCOMPARE(orchestrator.terminate(), 0);

        // The branch started at the released commit, not at main.
        QCOMPARE(github.branchesCreated(QStringLiteral("release/1.4.1")), 1);
        QCOMPARE(github.commitOf(QStringLiteral("release/1.4.1")), released);
        // One regression cycle by default.
        const QJsonArray cycles = shown.value(QStringLiteral("cycles")).toArray();
        QCOMPARE(cycles.size(), 1);
        QCOMPARE(cycles.at(0).toObject().value(QStringLiteral("rcTag")).toString(),
                 QStringLiteral("v1.4.1-rc.1"));
        QCOMPARE(github.tagsCreated(QStringLiteral("v1.4.1-rc.1")), 1);
        QCOMPARE(github.tagsCreated(QStringLiteral("v1.4.1-rc.2")), 0);
        QCOMPARE(github.tagsCreated(QStringLiteral("v1.4.1")), 1);
        // Its notes start at the fixed release's tag, so main's new work is not in them.
        const QHash<QString, QString> from = notesFrom();
        QCOMPARE(from.value(QStringLiteral("v1.4.1-rc.1")), QStringLiteral("v1.4.0"));
        QCOMPARE(from.value(QStringLiteral("v1.4.1")), QStringLiteral("v1.4.0"));
        const QString notes =
            github.release(QStringLiteral("v1.4.1")).value(QStringLiteral("body")).toString();
        QVERIFY2(!notes.isEmpty() && !notes.contains(QLatin1String("1.5 redesign")),
                 qPrintable(notes));

        // Another hotfix of 1.4.0, now that 1.4.1 is out, needs --force.
        refused({QStringLiteral("1.4.2"), QStringLiteral("--hotfix-of"), QStringLiteral("1.4.0")},
                1,
                "1.4.1 was released after 1.4.0; a hotfix of 1.4.0 needs confirmation "
                "(--force).");
        const CliRun forced =
            cli({QStringLiteral("release"), QStringLiteral("create"), QStringLiteral("1.4.2"),
                 QStringLiteral("--hotfix-of"), QStringLiteral("1.4.0"), QStringLiteral("--force"),
                 QStringLiteral("--kickoff-at"), QStringLiteral("+1d")});
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
        QVERIFY2(forced.out.contains(QLatin1String("Created hotfix 1.4.2: release/1.4.2 from "
                                                   "v1.4.0")),
                 qPrintable(forced.out));
        QCOMPARE(cli({QStringLiteral("release"), QStringLiteral("cancel"), QStringLiteral("1.4.2")})
                     .exitCode,
                 0);
    }
};

QTEST_GUILESS_MAIN(TestCliHotfix)
#include "tst_cli_hotfix.moc"
