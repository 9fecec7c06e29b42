#include "FakeGitHub.h"
#include "FakeHttpServer.h"
#include "MainWindow.h"
#include "Screenshots.h"
#include "backend/AppBackend.h"
#include "connections/ConnectionTableModel.h"
#include "connections/ConnectionsPage.h"
#include "db/Database.h"
#include "db/DatabaseUrl.h"
#include "db/MigrationRunner.h"
#include "providers/ConnectionVerifier.h"
#include "secrets/KeychainSecretStore.h"
#include "services/ConnectionService.h"
#include "services/Identity.h"
#include "store/AccountStore.h"
#include "store/ConnectionStore.h"
#include "store/MembershipStore.h"
#include "store/WorkspaceStore.h"
#include "widgets/MessageBox.h"

#include <QFile>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>

using namespace ReleaseDeck;
using ReleaseDeck::Test::FakeGitHub;
using ReleaseDeck::Test::FakeHttpServer;
using ReleaseDeck::Test::FakeResponse;

namespace {

// The value, or the test stops saying what could not be set up.
template<typename T>
T must(Result<T> result, const char* what)
{
    if (!result)
        qFatal("%s: %s", what, qPrintable(result.error().message));
    return std::move(*result);
}

constexpr int NetworkTimeoutMs = 20000;

} // namespace

// The real Connections page in the real main window on the real backend: connections set up
// through core in SQLite and the test keychain, verified against fakes on 127.0.0.1.
class TestConnectionsRealBackend : public QObject
{
    Q_OBJECT

private:
    struct Seeded
    {
        qint64 workspaceId = 0;
        Connection scm;
        Connection chat;
    };

    static QString databasePath() { return DatabaseUrl::defaultLocal().path; }

    // Workspace "Acme Mobile" (owner Ana, viewer Vic) with a GitHub Enterprise connection on
    // github and a Slack one on slack, both PENDING; the app acts as the local user, who is
    // Ana or Vic as local says.
    static Seeded seed(const FakeGitHub& github, const FakeHttpServer& slack, Role local)
    {
        const QString ownerLogin =
            local == Role::Owner ? Identity::localLogin() : QStringLiteral("ana@example.com");
        const QString viewerLogin =
            local == Role::Viewer ? Identity::localLogin() : QStringLiteral("vic@example.com");
        Seeded seeded;
        Database database(DatabaseUrl::defaultLocal());
        if (!database.open().ok() || !MigrationRunner(database).migrate().ok())
            qFatal("the test database could not be created");
        AccountStore accounts(database);
        const Account owner =
            must(accounts.ensure(ownerLogin, QStringLiteral("Ana Lima"), QString()), "owner");
        const Account viewer =
            must(accounts.ensure(viewerLogin, QStringLiteral("Vic Park"), QString()), "viewer");
        seeded.workspaceId =
            must(WorkspaceStore(database).create(QStringLiteral("Acme Mobile"), owner.id),
                 "workspace")
                .id;
        const Actor actor{seeded.workspaceId, owner.id};
        if (!MembershipStore(database).add(actor, viewer.id, Role::Viewer).ok())
            qFatal("the viewer could not be added");

        KeychainSecretStore keychain;
        const ConnectionVerifier verifier;
        ConnectionService service(database, keychain, verifier, ownerLogin);
        const ConnectionService::AddOptions unverified{false, false};
        QJsonObject scmConfig = github.config();
        seeded.scm = must(service.add(actor,
                                      {ConnectionCategory::Scm, QStringLiteral("github-enterprise"),
                                       QStringLiteral("octo/app"), scmConfig,
                                       QStringLiteral("fake-ghe-token-for-tests")},
                                      unverified),
                          "GitHub connection");
        seeded.chat =
            must(service.add(actor,
                             {ConnectionCategory::Chat, QStringLiteral("slack"),
                              QStringLiteral("#releases"),
                              QJsonObject{{QStringLiteral("apiUrl"), slack.url().toString()},
                                          {QStringLiteral("channel"), QStringLiteral("C0100AAAA")}},
                              QStringLiteral("fake-revoked-slack-token")},
                             unverified),
                 "Slack connection");
        QSettings settings;
        settings.setValue(QStringLiteral("database/url"), DatabaseUrl::defaultLocal().toString());
        return seeded;
    }

    static Connection stored(qint64 workspaceId, qint64 id)
    {
        Database database(DatabaseUrl::defaultLocal());
        if (!database.open().ok())
            qFatal("the test database could not be opened");
        Result<std::optional<Connection>> found =
            ConnectionStore(database).findById(workspaceId, id);
        if (!found.ok() || !found->has_value())
            qFatal("connection %lld is gone", id);
        return **found;
    }

    static void startBackend(AppBackend& backend)
    {
        QFuture<BackendStatus> started = backend.start();
        QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), NetworkTimeoutMs);
        QVERIFY2(started.result().databaseReachable, qPrintable(started.result().databaseError));
        QVERIFY(started.result().keychainAvailable);
    }

    static QString statusText(ConnectionsPage* page, qint64 id)
    {
        const int row = page->model()->rowOf(id);
        return row < 0 ? QString()
                       : page->model()
                             ->index(row, ConnectionTableModel::StatusColumn)
                             .data()
                             .toString();
    }

    static QPushButton* button(QWidget* window, const QString& name)
    {
        auto* found = window->findChild<QPushButton*>(name);
        if (!found)
            qFatal("no button named %s", qPrintable(name));
        return found;
    }

    static void addSlackRoutes(FakeHttpServer& slack)
    {
        // Slack answers a revoked token with HTTP 200 and ok:false; after a moment, so that
        // GitHub's answer shows first.
        slack.on("POST", "/auth.test",
                 FakeResponse::json(200, R"({"ok":false,"error":"invalid_auth"})").withDelay(1500));
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeck"));
        QCoreApplication::setApplicationName(QStringLiteral("ReleaseDeck"));
        QVERIFY2(databasePath().contains(QStringLiteral("/releasedeck-keychain.")),
                 "runs only inside with-test-keychain.sh, never on a real profile");
    }

    void init()
    {
        QSettings().clear();
        QFile::remove(databasePath());
        QProcess::execute(QStringLiteral("secret-tool"),
                          {QStringLiteral("clear"), QStringLiteral("server"),
                           KeychainSecretStore::serviceName()});
    }

    void verifyAllUpdatesEachBadgeAsResultsArrive()
    {
        FakeGitHub github(QStringLiteral("/api/v3"));
        FakeHttpServer slack;
        addSlackRoutes(slack);
        const Seeded seeded = seed(github, slack, Role::Owner);
        AppBackend backend;
        startBackend(backend);
        MainWindow window(&backend);
        window.resize(1280, 800);
        window.showPage(MainWindow::ConnectionsPageIndex);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ConnectionsPage* page = window.connectionsPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 2, NetworkTimeoutMs);
        QCOMPARE(statusText(page, seeded.scm.id), QStringLiteral("Pending"));
        QVERIFY(button(&window, QStringLiteral("editButton"))->isVisible());

        QTest::mouseClick(button(&window, QStringLiteral("verifyAllButton")), Qt::LeftButton);
        auto* progress = page->findChild<QProgressBar*>(QStringLiteral("verifyProgress"));
        QVERIFY(progress->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(statusText(page, seeded.scm.id), QStringLiteral("Valid"),
                                  NetworkTimeoutMs);
        QCOMPARE(statusText(page, seeded.chat.id), QStringLiteral("Verifying…"));
        QVERIFY(!Test::saveScreenshot(&window, QStringLiteral("realbackend-connections-verifying"))
                     .isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(statusText(page, seeded.chat.id), QStringLiteral("Invalid"),
                                  NetworkTimeoutMs);
        QTRY_VERIFY(!progress->isVisible());
        const int chatRow = page->model()->rowOf(seeded.chat.id);
        QVERIFY(!page->model()
                     ->index(chatRow, ConnectionTableModel::ErrorColumn)
                     .data()
                     .toString()
                     .isEmpty());
        QVERIFY(
            !Test::saveScreenshot(&window, QStringLiteral("realbackend-connections")).isEmpty());

        const Connection scm = stored(seeded.workspaceId, seeded.scm.id);
        QCOMPARE(scm.status, VerificationStatus::Valid);
        QVERIFY(scm.lastVerifiedAt.isValid());
        const Connection chat = stored(seeded.workspaceId, seeded.chat.id);
        QCOMPARE(chat.status, VerificationStatus::Invalid);
        QVERIFY(chat.lastVerifiedAt.isValid());
        QVERIFY(!chat.verificationError.isEmpty());
        QCOMPARE(slack.requests("POST", "/auth.test").size(), 1);
    }

    void disconnectDeactivatesTheRowAndDeletesTheKeychainEntry()
    {
        FakeGitHub github(QStringLiteral("/api/v3"));
        FakeHttpServer slack;
        addSlackRoutes(slack);
        const Seeded seeded = seed(github, slack, Role::Owner);
        KeychainSecretStore keychain;
        QVERIFY(awaitSecret(keychain.read(seeded.chat.secretRef)).ok());
        AppBackend backend;
        startBackend(backend);
        MainWindow window(&backend);
        window.resize(1280, 800);
        window.showPage(MainWindow::ConnectionsPageIndex);
        window.show();
        ConnectionsPage* page = window.connectionsPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 2, NetworkTimeoutMs);
        page->view()->selectRow(page->model()->rowOf(seeded.chat.id));

        MessageBox::setNextAnswer(QMessageBox::Yes);
        QTest::mouseClick(button(&window, QStringLiteral("disconnectButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, NetworkTimeoutMs);
        QCOMPARE(page->model()->rowOf(seeded.chat.id), -1);
        QVERIFY(!stored(seeded.workspaceId, seeded.chat.id).active);
        QVERIFY(stored(seeded.workspaceId, seeded.scm.id).active);
        QVERIFY(awaitSecret(keychain.read(seeded.chat.secretRef)).notFound());
        QVERIFY(awaitSecret(keychain.read(seeded.scm.secretRef)).ok());
    }

    void aViewerSeesNoEditingActions()
    {
        FakeGitHub github(QStringLiteral("/api/v3"));
        FakeHttpServer slack;
        addSlackRoutes(slack);
        seed(github, slack, Role::Viewer);
        AppBackend backend;
        startBackend(backend);
        MainWindow window(&backend);
        window.resize(1280, 800);
        window.showPage(MainWindow::ConnectionsPageIndex);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ConnectionsPage* page = window.connectionsPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 2, NetworkTimeoutMs);
        for (const char* name : {"addConnectionButton", "editButton", "disconnectButton",
                                 "verifyButton", "verifyAllButton"})
            QVERIFY2(!button(&window, QString::fromLatin1(name))->isVisible(), name);
        QVERIFY(!Test::saveScreenshot(&window, QStringLiteral("realbackend-connections-viewer"))
                     .isEmpty());
    }
};

QTEST_MAIN(TestConnectionsRealBackend)
#include "tst_connections_realbackend.moc"
