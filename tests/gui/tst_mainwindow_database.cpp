#include "InMemorySecretStore.h"
#include "MainWindow.h"
#include "MariaDbServer.h"
#include "Screenshots.h"
#include "TestMariaDb.h"
#include "backend/AppBackend.h"
#include "connections/ConnectionsPage.h"
#include "db/Database.h"
#include "db/MigrationRunner.h"
#include "services/Identity.h"
#include "store/WorkspaceStore.h"
#include "widgets/FieldMessage.h"

#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

const QString Email = QStringLiteral("ana@example.com");
constexpr int TimeoutMs = 20000;

} // namespace

// The real main window on a private MariaDB server that goes away while the app runs and
// comes back: the status bar says so within the probe interval, counts down to the next
// try, offers Reconnect, and recovers by itself; pages that failed meanwhile load again.
class TestMainWindowDatabase : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow_database"));
        QSettings().clear();
        QVERIFY(m_state.isValid());
        QString error;
        QVERIFY2(MariaDbServer::start(m_state.path(), &error), qPrintable(error));
        m_server = TestMariaDb::fromStateDir(m_state.path(), &error);
        QVERIFY2(m_server.isValid(), qPrintable(error));
        const QString url = m_server.createDatabase(QStringLiteral("health"), &error);
        QVERIFY2(!url.isEmpty(), qPrintable(error));
        Database database(*DatabaseUrl::parse(url));
        QVERIFY(MigrationRunner(database).migrate().ok());
        Result<Account> owner = Identity::signIn(database, QStringLiteral("Ana Lima"), Email);
        QVERIFY(owner.ok());
        QVERIFY(WorkspaceStore(database).create(QStringLiteral("Acme Mobile"), owner->id).ok());
        QSettings settings;
        settings.setValue(QStringLiteral("database/url"), url);
    }

    void cleanupTestCase()
    {
        MariaDbServer::stop(m_state.path());
        QSettings().clear();
    }

    void aServerThatGoesAwayIsReportedAndRecoveredFrom()
    {
        AppBackend backend(std::make_unique<InMemorySecretStore>());
        backend.databaseHealth().setInterval(std::chrono::milliseconds(1500));
        QFuture<BackendStatus> started = backend.start();
        QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), TimeoutMs);
        QVERIFY2(started.result().databaseReachable, qPrintable(started.result().databaseError));
        MainWindow window(&backend);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* database = window.findChild<QLabel*>(QStringLiteral("databaseStatusLabel"));
        auto* reconnect = window.findChild<QPushButton*>(QStringLiteral("reconnectButton"));
        const QString reachable = QStringLiteral("Database: 127.0.0.1 (shared)");
        QTRY_COMPARE_WITH_TIMEOUT(database->text(), reachable, TimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            window.findChild<QComboBox*>(QStringLiteral("workspaceCombo"))->count(), 1, TimeoutMs);
        QVERIFY(!reconnect->isVisible());

        QString error;
        QVERIFY2(MariaDbServer::halt(m_state.path(), &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(
            database->text().startsWith(u"Database unreachable — retrying in "), TimeoutMs);
        QVERIFY2(database->toolTip().contains(QStringLiteral("127.0.0.1:%1").arg(m_server.port)),
                 qPrintable(database->toolTip()));
        QVERIFY(reconnect->isVisible());
        // A page loaded while the server is away fails and says why.
        window.connectionsPage()->reload();
        auto* message = window.connectionsPage()->findChild<FieldMessage*>();
        QVERIFY(message);
        QTRY_VERIFY_WITH_TIMEOUT(!message->text().isEmpty(), TimeoutMs);
        QVERIFY(
            !Test::saveScreenshot(&window, QStringLiteral("main-database-unreachable")).isEmpty());

        QVERIFY2(MariaDbServer::resume(m_state.path(), &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(database->text(), reachable, TimeoutMs);
        QVERIFY(!reconnect->isVisible());
        // The page that failed loads again by itself.
        QTRY_VERIFY_WITH_TIMEOUT(message->text().isEmpty(), TimeoutMs);
    }

private:
    QTemporaryDir m_state;
    TestMariaDb m_server;
};

QTEST_MAIN(TestMainWindowDatabase)
#include "tst_mainwindow_database.moc"
