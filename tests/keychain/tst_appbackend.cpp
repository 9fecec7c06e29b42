#include "FakeHttpServer.h"
#include "InMemorySecretStore.h"
#include "TestMariaDb.h"
#include "backend/AppBackend.h"
#include "db/Database.h"
#include "db/DatabaseUrl.h"
#include "db/MigrationRunner.h"
#include "providers/ConnectionVerifier.h"
#include "secrets/KeychainSecretStore.h"
#include "services/ConnectionService.h"
#include "services/Identity.h"
#include "store/ConnectionStore.h"
#include "store/WorkspaceStore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <thread>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

const QString Email = QStringLiteral("ana@example.com");
constexpr int TimeoutMs = 20000;

template<typename T>
QString errorOf(const Result<T>& result)
{
    return result.ok() ? QString() : result.error().message;
}

template<typename T>
T must(Result<T> result, const char* what)
{
    if (!result)
        qFatal("%s: %s", what, qPrintable(result.error().message));
    return std::move(*result);
}

// Counts the reads that reach the store.
class CountingSecretStore : public InMemorySecretStore
{
public:
    QFuture<SecretResult> read(const QString& key) override
    {
        ++reads;
        return InMemorySecretStore::read(key);
    }
    std::atomic<int> reads{0};
};

// Ends the process if the backend's destructor hangs, so the test fails instead of waiting
// for CTest's timeout.
class Watchdog
{
public:
    explicit Watchdog(int seconds) { m_thread = std::thread(&Watchdog::watch, this, seconds); }
    ~Watchdog()
    {
        m_done = true;
        m_thread.join();
    }

private:
    void watch(int seconds)
    {
        for (int i = 0; i < seconds * 10 && !m_done; ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (!m_done)
            qFatal("quitting the backend hung for %d s", seconds);
    }

    std::atomic<bool> m_done{false};
    std::thread m_thread;
};

} // namespace

// AppBackend on SQLite (and MariaDB for the database test), with the test keychain or a
// counting in-memory store, against fake providers on 127.0.0.1.
class TestAppBackend : public QObject
{
    Q_OBJECT

private:
    struct Seeded
    {
        qint64 workspaceA = 0;
        qint64 workspaceB = 0;
        QList<Connection> inA;
        Connection inB;
    };

    // Workspaces A (two Slack-like chat and GitHub connections on server) and B (one).
    static Seeded seed(SecretStore& secrets, const FakeHttpServer& server)
    {
        Seeded seeded;
        Database database(DatabaseUrl::defaultLocal());
        if (!database.open().ok() || !MigrationRunner(database).migrate().ok())
            qFatal("the test database could not be created");
        const Account owner =
            must(Identity::signIn(database, QStringLiteral("Ana Lima"), Email), "owner");
        WorkspaceStore workspaces(database);
        seeded.workspaceA =
            must(workspaces.create(QStringLiteral("Acme Mobile"), owner.id), "A").id;
        seeded.workspaceB = must(workspaces.create(QStringLiteral("Acme Web"), owner.id), "B").id;
        const ConnectionVerifier verifier;
        ConnectionService service(database, secrets, verifier, owner.login);
        const ConnectionService::AddOptions unverified{false, false};
        const QJsonObject scm{
            {QStringLiteral("owner"), QStringLiteral("octo")},
            {QStringLiteral("repo"), QStringLiteral("app")},
            {QStringLiteral("apiUrl"), server.url(QStringLiteral("/api/v3")).toString()}};
        const QJsonObject chat{{QStringLiteral("apiUrl"), server.url().toString()},
                               {QStringLiteral("channel"), QStringLiteral("C0100AAAA")}};
        seeded.inA.append(
            must(service.add({seeded.workspaceA, owner.id},
                             {ConnectionCategory::Scm, QStringLiteral("github-enterprise"),
                              QStringLiteral("octo/app"), scm,
                              QStringLiteral("fake-ghe-token-for-tests")},
                             unverified),
                 "SCM in A"));
        seeded.inA.append(must(service.add({seeded.workspaceA, owner.id},
                                           {ConnectionCategory::Chat, QStringLiteral("slack"),
                                            QStringLiteral("#releases"), chat,
                                            QStringLiteral("fake-slack-token-for-tests")},
                                           unverified),
                               "chat in A"));
        seeded.inB = must(
            service.add({seeded.workspaceB, owner.id},
                        {ConnectionCategory::Chat, QStringLiteral("slack"), QStringLiteral("#web"),
                         chat, QStringLiteral("fake-slack-token-web-tests")},
                        unverified),
            "chat in B");
        QSettings settings;
        settings.setValue(QStringLiteral("database/url"), DatabaseUrl::defaultLocal().toString());
        return seeded;
    }

    static void addRoutes(FakeHttpServer& server, int delayMs = 0)
    {
        server.on("GET", "/api/v3/repos/octo/app",
                  FakeResponse::json(200, R"({"full_name":"octo/app","default_branch":"main",
                                            "permissions":{"push":true}})")
                      .withDelay(delayMs));
        server.on(
            "POST", "/auth.test",
            FakeResponse::json(200, R"({"ok":false,"error":"invalid_auth"})").withDelay(delayMs));
    }

    static void startBackend(AppBackend& backend)
    {
        QFuture<BackendStatus> started = backend.start();
        QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), TimeoutMs);
        QVERIFY2(started.result().databaseReachable, qPrintable(started.result().databaseError));
    }

    static QList<Result<ConnectionRow>> resultsOf(const QFuture<Result<ConnectionRow>>& future)
    {
        return future.results();
    }

    static int countRows(const QString& sql)
    {
        Database database(DatabaseUrl::defaultLocal());
        Result<QSqlQuery> query = database.run(sql);
        if (!query || !query->next())
            qFatal("cannot count: %s", qPrintable(sql));
        return query->value(0).toInt();
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeck"));
        QCoreApplication::setApplicationName(QStringLiteral("ReleaseDeck"));
        QVERIFY2(
            DatabaseUrl::defaultLocal().path.contains(QStringLiteral("/releasedeck-keychain.")),
            "runs only inside with-test-keychain.sh, never on a real profile");
    }

    void init()
    {
        QSettings().clear();
        QFile::remove(DatabaseUrl::defaultLocal().path);
        QProcess::execute(QStringLiteral("secret-tool"),
                          {QStringLiteral("clear"), QStringLiteral("server"),
                           KeychainSecretStore::serviceName()});
    }

    void verifyAllReadsEachTokenOnce()
    {
        FakeHttpServer server;
        addRoutes(server);
        auto owned = std::make_unique<CountingSecretStore>();
        CountingSecretStore& secrets = *owned;
        const Seeded seeded = seed(secrets, server);
        AppBackend backend(std::move(owned));
        startBackend(backend);
        const int readsBefore = secrets.reads;

        QFuture<Result<ConnectionRow>> all = backend.verifyAll(seeded.workspaceA);
        QTRY_VERIFY_WITH_TIMEOUT(all.isFinished(), TimeoutMs);
        const QList<Result<ConnectionRow>> rows = resultsOf(all);
        QCOMPARE(rows.size(), 2);
        for (const Result<ConnectionRow>& row : rows) {
            QVERIFY2(row.ok(), qPrintable(errorOf(row)));
            QVERIFY(row->tokenOnThisMachine);
            QCOMPARE(row->connection.status, row->connection.category == ConnectionCategory::Scm
                                                 ? VerificationStatus::Valid
                                                 : VerificationStatus::Invalid);
        }
        QCOMPARE(secrets.reads - readsBefore, 2);
    }

    void verifyAndDisconnectActInTheWorkspaceTheyAreGiven()
    {
        FakeHttpServer server;
        addRoutes(server);
        auto owned = std::make_unique<CountingSecretStore>();
        const Seeded seeded = seed(*owned, server);
        AppBackend backend(std::move(owned));
        startBackend(backend);
        // The Connections page last listed workspace A; B's connection is still B's.
        QFuture<Result<QList<ConnectionRow>>> listed = backend.listConnections(seeded.workspaceA);
        QTRY_VERIFY_WITH_TIMEOUT(listed.isFinished(), TimeoutMs);
        QCOMPARE(listed.result()->size(), 2);

        QFuture<Result<ConnectionRow>> verified = backend.verify(seeded.workspaceB, seeded.inB.id);
        QTRY_VERIFY_WITH_TIMEOUT(verified.isFinished(), TimeoutMs);
        QVERIFY2(verified.result().ok(), qPrintable(errorOf(verified.result())));
        QCOMPARE(verified.result()->connection.id, seeded.inB.id);
        QCOMPARE(verified.result()->connection.status, VerificationStatus::Invalid);

        QFuture<Status> removed = backend.disconnect(seeded.workspaceB, seeded.inB.id);
        QTRY_VERIFY_WITH_TIMEOUT(removed.isFinished(), TimeoutMs);
        QVERIFY2(removed.result().ok(), qPrintable(errorOf(removed.result())));
        QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM connections WHERE active = 1")), 2);
    }

    void finishReplacesThroughTheServiceAllOrNothing()
    {
        FakeHttpServer server;
        auto owned = std::make_unique<InMemorySecretStore>();
        InMemorySecretStore& secrets = *owned;
        const Seeded seeded = seed(secrets, server);
        const Connection oldScm = seeded.inA.at(0);
        const Connection chat = seeded.inA.at(1);
        AppBackend backend(std::move(owned));
        startBackend(backend);

        WizardResult again;
        again.joinWorkspaceId = seeded.workspaceA;
        again.displayName = QStringLiteral("Ana Lima");
        again.email = Email;
        ConnectionDraft scm{ConnectionCategory::Scm, QStringLiteral("github-enterprise"),
                            QStringLiteral("octo/app"), oldScm.config,
                            QStringLiteral("fake-ghe-token-replacing")};
        // A chat draft without its channel cannot be saved: nothing of this Finish may stay.
        ConnectionDraft broken{ConnectionCategory::Chat, QStringLiteral("slack"),
                               QStringLiteral("#releases"),
                               QJsonObject{{QStringLiteral("apiUrl"), server.url().toString()}},
                               QStringLiteral("fake-slack-token-replacing")};
        again.connections = {scm, broken};
        const QHash<QString, QString> before = secrets.entries();
        QFuture<Status> failed = backend.finish(again);
        QTRY_VERIFY_WITH_TIMEOUT(failed.isFinished(), TimeoutMs);
        QVERIFY(!failed.result().ok());
        QCOMPARE(secrets.entries(), before);
        QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM connections")), 3);

        again.connections = {scm};
        QFuture<Status> finished = backend.finish(again);
        QTRY_VERIFY_WITH_TIMEOUT(finished.isFinished(), TimeoutMs);
        QVERIFY2(finished.result().ok(), qPrintable(errorOf(finished.result())));
        // The replaced connection's token went with it; the chat connection kept its own.
        QVERIFY(!secrets.entries().contains(oldScm.secretRef));
        QVERIFY(secrets.entries().contains(chat.secretRef));
        QVERIFY(secrets.entries().values().contains(QStringLiteral("fake-ghe-token-replacing")));
        QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM connections WHERE active = 1 "
                                          "AND category = 'SCM' AND verification_status = "
                                          "'VALID'")),
                 1);
        QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM connections WHERE active = 1")), 3);
    }

    void quittingWhileVerificationsAreInFlightEndsAtOnceAndStoresNothing()
    {
        FakeHttpServer server;
        // Slower than the test is willing to wait for the quit.
        addRoutes(server, 15000);
        KeychainSecretStore keychain;
        const Seeded seeded = seed(keychain, server);
        const int eventsBefore = countRows(QStringLiteral("SELECT COUNT(*) FROM events"));
        QElapsedTimer quitting;
        {
            auto backend = std::make_unique<AppBackend>();
            startBackend(*backend);
            QFuture<Result<ConnectionRow>> all = backend->verifyAll(seeded.workspaceA);
            QTRY_COMPARE_WITH_TIMEOUT(server.requests().size(), 2, TimeoutMs);
            QVERIFY(!all.isFinished());
            const Watchdog watchdog(20);
            quitting.start();
            backend.reset();
        }
        QVERIFY2(quitting.elapsed() < 2000, qPrintable(QString::number(quitting.elapsed())));
        // Nothing of the cut-short verifications was stored.
        QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM events")), eventsBefore);
        QCOMPARE(countRows(QStringLiteral("SELECT COUNT(*) FROM connections WHERE "
                                          "verification_status <> 'PENDING'")),
                 0);
    }

    void quittingDuringAReloadNeverHangs()
    {
        FakeHttpServer server;
        KeychainSecretStore keychain;
        const Seeded seeded = seed(keychain, server);
        auto backend = std::make_unique<AppBackend>();
        startBackend(*backend);
        // The reload reads every token from the keychain, which answers on this thread;
        // quitting before this thread ever runs its event loop again must not wait for it.
        QFuture<Result<QList<ConnectionRow>>> listed = backend->listConnections(seeded.workspaceA);
        const Watchdog watchdog(20);
        QElapsedTimer quitting;
        quitting.start();
        backend.reset();
        QVERIFY2(quitting.elapsed() < 2000, qPrintable(QString::number(quitting.elapsed())));
        QVERIFY(listed.isFinished());
    }

    void testingASharedDatabaseWritesNothing()
    {
        QString error;
        const TestMariaDb server = TestMariaDb::fromEnvironment(&error);
        QVERIFY2(server.isValid(), qPrintable(error));
        const QString name = TestMariaDb::uniqueName(QStringLiteral("testonly"));
        const QString url = server.createDatabase(name, &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        AppBackend backend(std::make_unique<InMemorySecretStore>());
        DatabaseDraft draft;
        draft.shared = true;
        draft.host = server.host;
        draft.port = server.port;
        draft.database = name;
        draft.user = server.user;
        draft.tls = false;
        QFuture<Result<QList<WorkspaceSummary>>> tested = backend.testDatabase(draft);
        QTRY_VERIFY_WITH_TIMEOUT(tested.isFinished(), TimeoutMs);
        QVERIFY2(tested.result().ok(), qPrintable(errorOf(tested.result())));
        QVERIFY(tested.result()->isEmpty());

        Database database(*DatabaseUrl::parse(url));
        Result<QSqlQuery> tables = database.run(
            QStringLiteral("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?"),
            {name});
        QVERIFY(tables.ok() && tables->next());
        QCOMPARE(tables->value(0).toInt(), 0);
        QVERIFY(server.dropDatabase(name, &error));
    }
};

QTEST_MAIN(TestAppBackend)
#include "tst_appbackend.moc"
