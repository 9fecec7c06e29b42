#include "CliRunner.h"
#include "FakeProviderWorld.h"
#include "FastHttpSettings.h"
#include "InMemorySecretStore.h"
#include "OrchestratorProcess.h"
#include "TestMariaDb.h"
#include "db/Database.h"
#include "db/DatabaseUrl.h"
#include "providers/ConnectionVerifier.h"
#include "providers/ProviderRegistry.h"
#include "secrets/CredentialsDirectorySecretStore.h"
#include "services/ConnectionService.h"
#include "services/Identity.h"
#include "services/ReleaseService.h"
#include "store/LeaseStore.h"
#include "store/TaskStore.h"
#include "store/WorkspaceStore.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

constexpr int LeaseSeconds = 4;

} // namespace

// Two real `orchestrate` processes on one MariaDB database with their tokens in a systemd
// credentials directory, against the fake providers. One is killed with SIGKILL every few
// seconds and restarted while several releases run: every release reaches DONE, every
// effect happens exactly once, and the other instance takes over within twice the lease's
// time to live. A frozen (SIGSTOP) holder whose lease expires finds, when it wakes, that
// its late result is discarded; an instance restarted under the same name resumes the
// tasks its killed predecessor held.
class TestCliFailover : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_credentials;
    CliRunner m_cli;
    QProcessEnvironment m_environment;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<FakeProviderWorld> m_world;
    Actor m_owner;
    int m_run = 0;

    CliRun cli(const QStringList& arguments)
    {
        return m_cli.run(
            QStringList{QStringLiteral("--secrets"), QStringLiteral("credentials-dir")} +
            arguments);
    }

    std::unique_ptr<OrchestratorProcess> orchestrator(const QString& holder)
    {
        return std::make_unique<OrchestratorProcess>(
            m_environment,
            QStringList{QStringLiteral("--secrets"), QStringLiteral("credentials-dir"),
                        QStringLiteral("--interval"), QStringLiteral("1"),
                        QStringLiteral("--lease-seconds"), QString::number(LeaseSeconds),
                        QStringLiteral("--holder"), holder},
            m_dir.filePath(QStringLiteral("%1-%2.log").arg(holder).arg(m_run)));
    }

    QString holder()
    {
        const Result<std::optional<OrchestratorLease>> lease =
            LeaseStore(*m_database).current(m_owner.workspaceId);
        return lease && lease->has_value() ? (*lease)->holder : QString();
    }

    // Polls every 50 ms until done() or the deadline; whether done() came true.
    static bool waitUntil(const std::function<bool()>& done, int milliseconds)
    {
        QDeadlineTimer deadline(milliseconds);
        while (!done()) {
            if (deadline.hasExpired())
                return false;
            QTest::qWait(50);
        }
        return true;
    }

    Release release(const QString& version)
    {
        const Result<Release> found =
            ReleaseService(*m_database, QStringLiteral("test")).find(m_owner, version);
        return found ? *found : Release();
    }

    Task task(const QString& version, TaskType type)
    {
        const QList<Task> tasks =
            TaskStore(*m_database).listForRelease(m_owner.workspaceId, release(version).id).value();
        for (const Task& t : tasks) {
            if (t.type == type && t.cycleNumber == 0)
                return t;
        }
        return {};
    }

    void createRelease(const QString& version, const QStringList& more = {})
    {
        const CliRun created =
            cli(QStringList{QStringLiteral("release"), QStringLiteral("create"), version,
                            QStringLiteral("--platform"), QStringLiteral("ANDROID")} +
                more);
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    }

    // Every release ticket moves to its ready state, as people do in Jira.
    void approveTickets()
    {
        for (const QJsonObject& issue : m_world->jira().issues(QStringLiteral("DROID")))
            m_world->jira().setIssueStatus(issue.value(QStringLiteral("key")).toString(),
                                           FakeJira::readyState());
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        ++m_run;
        QString error;
        const TestMariaDb server = TestMariaDb::fromEnvironment(&error);
        QVERIFY2(server.isValid(), qPrintable(error));
        const QString url = server.createDatabase(
            TestMariaDb::uniqueName(QStringLiteral("failover%1").arg(m_run)), &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        m_credentials = m_dir.filePath(QStringLiteral("credentials-%1").arg(m_run));
        QVERIFY(QDir().mkpath(m_credentials));
        QVERIFY(QFile::setPermissions(m_credentials,
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        m_cli.setEnvironment(QStringLiteral("RELEASEDECK_DATABASE"), url);
        m_cli.setEnvironment(QStringLiteral("CREDENTIALS_DIRECTORY"), m_credentials);
        m_environment = QProcessEnvironment::systemEnvironment();
        m_environment.insert(QStringLiteral("RELEASEDECK_DATABASE"), url);
        m_environment.insert(QStringLiteral("CREDENTIALS_DIRECTORY"), m_credentials);
        for (const QStringList& arguments :
             {QStringList{QStringLiteral("db"), QStringLiteral("migrate")},
              QStringList{QStringLiteral("workspace"), QStringLiteral("create"),
                          QStringLiteral("Acme")}}) {
            const CliRun ran = cli(arguments);
            QVERIFY2(ran.exitCode == 0, qPrintable(ran.err + ran.out));
        }

        // The connections as the CLI's account adds them; each token then goes into the
        // credentials directory, as systemd's LoadCredential= lays them out.
        m_database = std::make_unique<Database>(*DatabaseUrl::parse(url));
        const Result<Account> account = Identity::signIn(*m_database);
        QVERIFY(account.ok());
        const Result<std::optional<Workspace>> workspace =
            WorkspaceStore(*m_database).findByName(QStringLiteral("Acme"));
        QVERIFY(workspace.ok() && workspace->has_value());
        m_owner = {(*workspace)->id, account->id};
        m_world = std::make_unique<FakeProviderWorld>();
        InMemorySecretStore secrets;
        const ConnectionVerifier verifier(ProviderRegistry::builtIn(), fastSettings());
        ConnectionService connections(*m_database, secrets, verifier, account->login);
        for (const QString& provider :
             {QStringLiteral("github-enterprise"), QStringLiteral("slack"),
              QStringLiteral("jira-cloud"), QStringLiteral("github-actions")}) {
            const Result<Connection> added = connections.add(m_owner, m_world->draft(provider), {});
            QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        }
        const QHash<QString, QString> tokens = secrets.entries();
        for (auto it = tokens.begin(); it != tokens.end(); ++it) {
            QFile file(m_credentials + QLatin1Char('/') +
                       CredentialsDirectorySecretStore::credentialName(it.key()));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(it.value().toUtf8() + '\n');
            file.close();
            QVERIFY(file.setPermissions(QFile::ReadOwner | QFile::WriteOwner));
        }
        QCOMPARE(tokens.size(), 4);
    }

    void cleanup()
    {
        m_world.reset();
        m_database.reset();
    }

    void killedHoldersAreReplacedAndEveryEffectHappensOnce()
    {
        m_world->github().actions().autoComplete(QStringLiteral("success"), 1);
        const QStringList versions{QStringLiteral("7.0.0"), QStringLiteral("7.1.0"),
                                   QStringLiteral("7.2.0")};
        for (int i = 0; i < versions.size(); ++i)
            createRelease(versions.at(i), {QStringLiteral("--regression-slot"),
                                           QStringLiteral("+%1s").arg(6 + 4 * i),
                                           QStringLiteral("--regression-slot"),
                                           QStringLiteral("+%1s,no-automation").arg(18 + 4 * i)});

        QHash<QString, std::shared_ptr<OrchestratorProcess>> instances{
            {QStringLiteral("a"), orchestrator(QStringLiteral("a"))},
            {QStringLiteral("b"), orchestrator(QStringLiteral("b"))}};
        QVERIFY(instances.value(QStringLiteral("a"))->start());
        QVERIFY(waitUntil([&] { return holder() == QLatin1String("a"); }, 20000));
        QVERIFY(instances.value(QStringLiteral("b"))->start());
        const auto output = [&]() -> QString {
            return QStringLiteral("--- a:\n") + instances.value(QStringLiteral("a"))->output() +
                   QStringLiteral("--- b:\n") + instances.value(QStringLiteral("b"))->output();
        };

        // Every 2 s after the last takeover, the lease holder is killed and restarted.
        QList<qint64> takeovers; // ms from a SIGKILL to the other instance holding the lease
        QElapsedTimer sinceKill;
        sinceKill.start();
        QDeadlineTimer deadline(150000);
        const auto allDone = [&] {
            for (const QString& version : versions) {
                if (release(version).status != ReleaseStatus::Completed)
                    return false;
            }
            return true;
        };
        while (!allDone() && !deadline.hasExpired()) {
            for (const QString& version : versions) {
                const Release r = release(version);
                if (r.status == ReleaseStatus::Paused &&
                    r.pauseReason == PauseReason::AwaitingStageTrigger) {
                    approveTickets();
                    const CliRun approved =
                        cli({QStringLiteral("release"), QStringLiteral("approve"), version});
                    QVERIFY2(approved.exitCode == 0, qPrintable(approved.err));
                }
            }
            if (sinceKill.elapsed() > 2000) {
                const QString victim = holder();
                QVERIFY2(instances.contains(victim), qPrintable(victim));
                const QString other =
                    victim == QLatin1String("a") ? QStringLiteral("b") : QStringLiteral("a");
                instances.value(victim)->kill9();
                sinceKill.restart();
                QVERIFY2(waitUntil([&] { return holder() == other; }, 4 * LeaseSeconds * 1000),
                         qPrintable(output()));
                takeovers.append(sinceKill.elapsed());
                QVERIFY(instances.value(victim)->start());
                sinceKill.restart();
            }
            QTest::qWait(200);
        }
        for (const auto& instance : std::as_const(instances))
            QCOMPARE(instance->terminate(), 0);
        qInfo().noquote() << "SIGKILL → the other instance holds the lease, ms:" << takeovers
                          << "(lease" << LeaseSeconds << "s)";
        QVERIFY2(allDone(), qPrintable(output()));
        QVERIFY2(takeovers.size() >= 3, qPrintable(output()));
        for (const qint64 ms : std::as_const(takeovers))
            QVERIFY2(ms <= 2 * LeaseSeconds * 1000, qPrintable(QString::number(ms)));
        // Each new holder said so and acted.
        QVERIFY2(output().count(QLatin1String("Took the lease of Acme")) >= takeovers.size() + 1,
                 qPrintable(output()));

        // Every effect, exactly once.
        FakeGitHub& github = m_world->github();
        FakeGitHubActions& actions = github.actions();
        const int n = int(versions.size());
        for (const QString& version : versions) {
            QCOMPARE(github.branchesCreated(QStringLiteral("release/") + version), 1);
            for (const QString& tag :
                 {QStringLiteral("v%1-rc.1"), QStringLiteral("v%1-rc.2"), QStringLiteral("v%1")})
                QCOMPARE(github.tagsCreated(tag.arg(version)), 1);
            QCOMPARE(github.releasesCreated(QStringLiteral("v") + version), 1);
            QCOMPARE(release(version).stage, Stage::Done);
        }
        QCOMPARE(github.branchesCreated(), n);
        QCOMPARE(github.tagsCreated(), 3 * n);
        QCOMPARE(m_world->jira().issuesCreated(), n);
        QCOMPARE(actions.dispatches(QStringLiteral("pre-regression.yml")), n);
        QCOMPARE(actions.dispatches(QStringLiteral("regression.yml")), 2 * n);
        QCOMPARE(actions.dispatches(QStringLiteral("automation.yml")), n);
        QCOMPARE(actions.dispatches(QStringLiteral("android-bundle.yml")), n);
        QCOMPARE(actions.dispatches(), 5 * n);
        QStringList keys;
        const QList<QJsonObject> messages = m_world->slack().messages(FakeSlack::channel());
        for (const QJsonObject& message : messages)
            keys.append(message.value(QStringLiteral("metadata"))
                            .toObject()
                            .value(QStringLiteral("event_payload"))
                            .toObject()
                            .value(QStringLiteral("key"))
                            .toString());
        keys.removeDuplicates();
        QCOMPARE(keys.size(), messages.size());
        QCOMPARE(messages.size(), 8 * n);
    }

    void aFrozenHoldersLateResultIsDiscarded()
    {
        FakeGitHub& github = m_world->github();
        auto a = orchestrator(QStringLiteral("a"));
        auto b = orchestrator(QStringLiteral("b"));
        QVERIFY(a->start());
        QVERIFY(waitUntil([&] { return holder() == QLatin1String("a"); }, 20000));
        QVERIFY(b->start());
        // The branch is created at once; the answer comes 3 s later.
        github.server().delayNext("POST", github.repoPath(QStringLiteral("/git/refs")), 3000);
        createRelease(QStringLiteral("8.0.0"));
        QVERIFY2(waitUntil([&] { return github.branchesCreated() == 1; }, 20000),
                 qPrintable(a->output()));
        a->freeze();
        QCOMPARE(task(QStringLiteral("8.0.0"), TaskType::ForkBranch).claimOwner,
                 QStringLiteral("a"));

        // b takes the lease when a's expires and does the task; it finds the branch made.
        QVERIFY2(waitUntil([&] { return holder() == QLatin1String("b"); }, 3 * LeaseSeconds * 1000),
                 qPrintable(b->output()));
        QVERIFY2(waitUntil(
                     [&] {
                         return task(QStringLiteral("8.0.0"), TaskType::ForkBranch).status ==
                                TaskStatus::Completed;
                     },
                     20000),
                 qPrintable(b->output()));
        const Task done = task(QStringLiteral("8.0.0"), TaskType::ForkBranch);

        a->wake();
        const QString discarded = QStringLiteral(
            "8.0.0 FORK_BRANCH: the claim expired before the result was written; the result was "
            "discarded.");
        QVERIFY2(waitUntil([&] { return a->output().contains(discarded); }, 15000),
                 qPrintable(a->output()));
        QVERIFY2(
            waitUntil(
                [&] { return a->output().contains(QLatin1String("Lost the lease of Acme to b.")); },
                10000),
            qPrintable(a->output()));
        QCOMPARE(a->terminate(), 0);
        QCOMPARE(b->terminate(), 0);
        QCOMPARE(github.branchesCreated(QStringLiteral("release/8.0.0")), 1);
        QCOMPARE(github.branchesCreated(), 1);
        const Task after = task(QStringLiteral("8.0.0"), TaskType::ForkBranch);
        QCOMPARE(after.status, TaskStatus::Completed);
        QCOMPARE(after.finishedAt, done.finishedAt);
        QCOMPARE(after.attempts, 1);
    }

    void anInstanceRestartedUnderItsNameResumesTheTasksItHeld()
    {
        FakeGitHub& github = m_world->github();
        auto a = orchestrator(QStringLiteral("a"));
        QVERIFY(a->start());
        QVERIFY(waitUntil([&] { return holder() == QLatin1String("a"); }, 20000));
        github.server().delayNext("POST", github.repoPath(QStringLiteral("/git/refs")), 3000);
        createRelease(QStringLiteral("9.0.0"));
        QVERIFY2(waitUntil([&] { return github.branchesCreated() == 1; }, 20000),
                 qPrintable(a->output()));
        // Killed mid-effect and restarted at once, as a service manager does.
        a->kill9();
        QElapsedTimer restarted;
        restarted.start();
        QVERIFY(a->start());
        QVERIFY2(waitUntil(
                     [&] {
                         return task(QStringLiteral("9.0.0"), TaskType::ForkBranch).status ==
                                TaskStatus::Completed;
                     },
                     2 * LeaseSeconds * 1000),
                 qPrintable(a->output()));
        qInfo().noquote() << "restart → the killed instance's task done again, ms:"
                          << restarted.elapsed();
        QCOMPARE(a->terminate(), 0);
        QCOMPARE(github.branchesCreated(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliFailover)
#include "tst_cli_failover.moc"
