#include "ResultText.h"
#include "StoreSeed.h"
#include "TestBackend.h"
#include "net/HttpClient.h"
#include "providers/ProviderRegistry.h"
#include "providers/sandbox/SandboxChatClient.h"
#include "providers/sandbox/SandboxCiClient.h"
#include "providers/sandbox/SandboxScmClient.h"
#include "providers/sandbox/SandboxStore.h"
#include "services/SandboxWorkspace.h"

#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The sandbox's simulated clients on SQLite and MariaDB, built through the registry as the
// orchestrator builds them: no token, state in the workspace's rows, idempotent effects,
// time that passes, and the failures people rehearse.
class TestSandboxClients : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Database> m_database;
    StoreSeed m_seed;
    HttpClient m_http;

    Connection connection(const QString& provider, qint64 workspaceId,
                          const QJsonObject& config = {}) const
    {
        Connection c;
        c.workspaceId = workspaceId;
        c.provider = provider;
        c.category = ProviderRegistry::builtIn().find(provider)->category;
        c.config = config;
        return c;
    }

    std::unique_ptr<ScmClient> scm(qint64 workspaceId)
    {
        auto client = ProviderRegistry::builtIn().createScm(
            connection(QStringLiteral("sandbox-scm"), workspaceId), QString(), m_http,
            m_database.get());
        return client ? std::move(*client) : nullptr;
    }

    std::unique_ptr<CiClient> ci()
    {
        auto client = ProviderRegistry::builtIn().createCi(
            connection(QStringLiteral("sandbox-ci"), m_seed.workspaceA,
                       {{QStringLiteral("workflows"), SandboxCiClient::workflows()}}),
            QString(), m_http, m_database.get());
        return client ? std::move(*client) : nullptr;
    }

    std::unique_ptr<ChatClient> chat()
    {
        auto client = ProviderRegistry::builtIn().createChat(
            connection(QStringLiteral("sandbox-chat"), m_seed.workspaceA), QString(), m_http,
            m_database.get());
        return client ? std::move(*client) : nullptr;
    }

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_database = TestBackend::database(backend, QStringLiteral("sandbox"), &error);
        QVERIFY2(m_database, qPrintable(error));
        QVERIFY2(m_seed.plant(*m_database, &error), qPrintable(error));
        SandboxStore store(*m_database);
        // The largest scale: every simulated duration is one second.
        QVERIFY(store.createState(m_seed.workspaceA, SandboxWorkspace::MaxTimeScale).ok());
        QVERIFY(store
                    .addRef(m_seed.workspaceA, SandboxStore::RefKind::Branch,
                            QStringLiteral("main"),
                            SandboxScmClient::firstCommit(m_seed.workspaceA))
                    .ok());
    }

    void cleanup() { m_database.reset(); }

    void theRegistrySaysTheyNeedNoTokenAndAreSimulated()
    {
        const ProviderRegistry& registry = ProviderRegistry::builtIn();
        for (const char* id : {"sandbox-scm", "sandbox-chat", "sandbox-issues", "sandbox-ci"}) {
            QVERIFY2(!registry.needsToken(QLatin1String(id)), id);
            QVERIFY2(registry.isSimulated(QLatin1String(id)), id);
        }
        QVERIFY(registry.needsToken(QStringLiteral("github")));
        QVERIFY(!registry.isSimulated(QStringLiteral("github")));
        // A real provider still refuses to be built without its token.
        Connection github = connection(QStringLiteral("github"), m_seed.workspaceA,
                                       {{QStringLiteral("repo"), QStringLiteral("o/r")}});
        QCOMPARE(registry.createScm(github, QString(), m_http).error().kind, ErrorKind::Usage);
        // Without a database a simulated client still verifies, and says why it can do no more.
        auto bare =
            registry.createScm(connection(QStringLiteral("sandbox-scm"), 1), QString(), m_http);
        QVERIFY(bare.ok());
        QVERIFY((*bare)->verify().ok());
        QCOMPARE((*bare)->branchExists(QStringLiteral("main")).error().kind,
                 ErrorKind::Unavailable);
    }

    void branchesAndTagsAreCreatedOnceAndKeptPerWorkspace()
    {
        auto client = scm(m_seed.workspaceA);
        QVERIFY(client);
        Result<ScmBranch> first =
            client->createBranch(QStringLiteral("release/1.0.0"), QStringLiteral("main"));
        QVERIFY2(first.ok(), failureOf(first).constData());
        Result<ScmBranch> again =
            client->createBranch(QStringLiteral("release/1.0.0"), QStringLiteral("main"));
        QVERIFY2(again.ok(), failureOf(again).constData());
        QCOMPARE(again->commitSha, first->commitSha);
        Result<QList<ScmBranch>> branches = client->listBranches();
        QVERIFY2(branches.ok(), failureOf(branches).constData());
        QCOMPARE(branches->size(), 2);

        QVERIFY(
            client->createTag(QStringLiteral("v1.0.0-rc.1"), QStringLiteral("release/1.0.0"), {})
                .ok());
        QVERIFY(
            client->createTag(QStringLiteral("v1.0.0-rc.1"), QStringLiteral("release/1.0.0"), {})
                .ok());
        QCOMPARE(SandboxStore(*m_database).tags(m_seed.workspaceA)->size(), 1);
        // The same name at another commit is a Conflict naming both, as on GitHub.
        const QString other(40, QLatin1Char('a'));
        Result<ScmTag> moved = client->createTag(QStringLiteral("v1.0.0-rc.1"), other, {});
        QVERIFY(!moved.ok());
        QCOMPARE(moved.error().kind, ErrorKind::Conflict);

        Result<ScmRelease> release =
            client->createRelease(QStringLiteral("v1.0.0-rc.1"), QStringLiteral("1.0.0"), {});
        QVERIFY(release.ok());
        QCOMPARE(
            client->createRelease(QStringLiteral("v1.0.0-rc.1"), QStringLiteral("1.0.0"), {})->id,
            release->id);

        // Another workspace's sandbox sees none of it.
        auto outsider = scm(m_seed.workspaceB);
        QCOMPARE(*outsider->branchExists(QStringLiteral("release/1.0.0")), false);
        QCOMPARE(*outsider->tagExists(QStringLiteral("v1.0.0-rc.1")), false);
    }

    void aCiRunTakesAWhileAndFailsWhenRehearsed()
    {
        auto client = ci();
        QVERIFY(client);
        const QJsonObject inputs{{CiClient::markerInput(), QStringLiteral("rd-1-a")}};
        Result<CiRunHandle> run =
            client->trigger(QStringLiteral("REGRESSION_BUILD"), QStringLiteral("v1"), inputs);
        QVERIFY2(run.ok(), failureOf(run).constData());
        QCOMPARE(client->runStatus(*run)->state, CiRunState::Running);
        QTRY_COMPARE_WITH_TIMEOUT(client->runStatus(*run)->state, CiRunState::Succeeded, 5000);

        QVERIFY(SandboxWorkspace(*m_database, QStringLiteral("ana"))
                    .rehearse(m_seed.editorA, SandboxRehearsal::FailNextCiRun)
                    .ok());
        Result<CiRunHandle> failing =
            client->trigger(QStringLiteral("REGRESSION_BUILD"), QStringLiteral("v1"),
                            {{CiClient::markerInput(), QStringLiteral("rd-1-b")}});
        QVERIFY(failing.ok());
        QTRY_COMPARE_WITH_TIMEOUT(client->runStatus(*failing)->state, CiRunState::Failed, 5000);
        // Consumed: the run after it succeeds again.
        Result<CiRunHandle> next =
            client->trigger(QStringLiteral("REGRESSION_BUILD"), QStringLiteral("v1"),
                            {{CiClient::markerInput(), QStringLiteral("rd-1-c")}});
        QVERIFY(next.ok());
        QTRY_COMPARE_WITH_TIMEOUT(client->runStatus(*next)->state, CiRunState::Succeeded, 5000);

        // Found again by its marker after a crash, and its log says what ran.
        CiRunHandle intent;
        intent.triggeredAt = QDateTime::currentDateTimeUtc();
        Result<std::optional<CiRunHandle>> found =
            client->findRun(intent, QStringLiteral("rd-1-b"));
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->runId, failing->runId);
        QVERIFY(!client->findRun(intent, QStringLiteral("rd-none"))->has_value());
        Result<QList<SandboxRun>> runs = SandboxStore(*m_database).runs(m_seed.workspaceA);
        QCOMPARE(runs->size(), 3);
        QVERIFY(runs->at(1).log.contains(QLatin1String("Result: failure")));
        QCOMPARE(runs->at(0).workflow, QStringLiteral("sandbox-regression_build"));
    }

    void chatKeepsMessagesAndAnswersInvalidAuthOnceWhenRehearsed()
    {
        auto client = chat();
        QVERIFY(client);
        const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-120);
        QVERIFY(SandboxWorkspace(*m_database, QStringLiteral("ana"))
                    .rehearse(m_seed.editorA, SandboxRehearsal::ChatInvalidAuth)
                    .ok());
        Result<ChatMessage> refused = client->postMessage(
            SandboxChatClient::channel(), QStringLiteral("Kickoff"), {}, QStringLiteral("rd-1-1"));
        QCOMPARE(refused.error().kind, ErrorKind::Unauthorized);
        QVERIFY(refused.error().message.contains(QLatin1String("invalid_auth")));
        QVERIFY(!client->findMessage(SandboxChatClient::channel(), QStringLiteral("rd-1-1"), before)
                     ->has_value());
        Result<ChatMessage> posted = client->postMessage(
            SandboxChatClient::channel(), QStringLiteral("Kickoff"), {}, QStringLiteral("rd-1-1"));
        QVERIFY2(posted.ok(), failureOf(posted).constData());
        Result<std::optional<ChatMessage>> found =
            client->findMessage(SandboxChatClient::channel(), QStringLiteral("rd-1-1"), before);
        QVERIFY(found.ok() && found->has_value());
        QCOMPARE((*found)->timestamp, posted->timestamp);
        QCOMPARE(SandboxStore(*m_database).messages(m_seed.workspaceA)->size(), 1);
    }

    void ticketsAreFoundAgainAndBecomeReady()
    {
        auto client = ProviderRegistry::builtIn().createIssues(
            connection(QStringLiteral("sandbox-issues"), m_seed.workspaceA,
                       {{QStringLiteral("projectKeys"),
                         QJsonObject{{QStringLiteral("ANDROID"), QStringLiteral("DROID")}}}}),
            QString(), m_http, m_database.get());
        QVERIFY(client.ok());
        Result<Issue> first =
            (*client)->ensureReleaseIssue(QStringLiteral("DROID"), QStringLiteral("Release 1.0.0"),
                                          {}, QStringLiteral("release-1.0.0"));
        QVERIFY2(first.ok(), failureOf(first).constData());
        QCOMPARE(first->key, QStringLiteral("DROID-1"));
        QCOMPARE(first->status, QStringLiteral("To Do"));
        Result<Issue> again =
            (*client)->ensureReleaseIssue(QStringLiteral("DROID"), QStringLiteral("Release 1.0.0"),
                                          {}, QStringLiteral("release-1.0.0"));
        QCOMPARE(again->key, first->key);
        QCOMPARE(SandboxStore(*m_database).tickets(m_seed.workspaceA)->size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(*(*client)->issueStatus(first->key), SandboxStore::readyState(),
                                  5000);
    }
};

QTEST_GUILESS_MAIN(TestSandboxClients)
#include "tst_sandboxclients.moc"
