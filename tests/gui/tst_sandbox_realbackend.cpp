#include "AppWindowFlow.h"
#include "MainWindow.h"
#include "Screenshots.h"
#include "TestKeyring.h"
#include "Translations.h"
#include "backend/AppBackend.h"
#include "connections/ConnectionsPage.h"
#include "db/DatabaseUrl.h"
#include "releases/DashboardPage.h"
#include "releases/ReleaseTableModel.h"
#include "wizard/OnboardingWizard.h"

#include <QAbstractButton>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace ReleaseDeck;

namespace {

// Simulated durations divided by this: a CI run takes a second, slots come 2 s apart.
constexpr int TimeScale = 30;
constexpr int RunTimeoutMs = 180000;

QString cell(const QAbstractItemModel* model, int row, int column)
{
    return model->index(row, column).data().toString();
}

} // namespace

// First launch on the real backend (SQLite under the test keychain's private profile):
// "Explore with a sandbox" opens the main window on the Sandbox workspace, whose release
// moves on the dashboard under the app's own orchestrator; approved, it reaches Done. The
// banner shows on every page, the connections are badged Simulated, the Sandbox page lists
// what the simulation did, and the keychain gets no entry.
class TestSandboxRealBackend : public QObject
{
    Q_OBJECT

private:
    static void waitForMidRun(ReleaseTableModel* model)
    {
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 20000);
        const QModelIndex status = model->index(0, ReleaseTableModel::StatusColumn);
        QTRY_VERIFY_WITH_TIMEOUT(model->summaryAt(0).release.stage == Stage::Regression,
                                 RunTimeoutMs);
        QVERIFY(!status.data().toString().isEmpty());
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_sandbox_realbackend"));
        Translations::install(*qApp);
        QVERIFY2(
            DatabaseUrl::defaultLocal().path.contains(QStringLiteral("/releasedeck-keychain.")),
            "runs only inside with-test-keychain.sh, never on a real profile");
        QSettings().clear();
        QFile::remove(DatabaseUrl::defaultLocal().path);
    }

    void exploreRunsAReleaseToDone()
    {
        const int entriesBefore = Test::keychainEntries();
        QVERIFY(entriesBefore >= 0);
        AppBackend backend;
        backend.setSandboxTimeScale(TimeScale);
        QVERIFY(backend.needsOnboarding());
        AppWindowFlow flow(backend);
        flow.start();
        QVERIFY(flow.wizard());
        auto* explore =
            flow.wizard()->findChild<QAbstractButton*>(QStringLiteral("exploreSandboxButton"));
        QVERIFY(explore && explore->isVisible());
        QVERIFY(flow.wizard()->findChild<QAbstractButton*>(QStringLiteral("setUpTeamButton")));
        QTest::mouseClick(explore, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(flow.mainWindow() && flow.mainWindow()->isVisible(), 20000);
        QVERIFY(!flow.wizard());

        MainWindow* window = flow.mainWindow();
        window->resize(1280, 800);
        QTRY_COMPARE_WITH_TIMEOUT(window->windowTitle(), QStringLiteral("Sandbox — Release Deck"),
                                  20000);
        auto* banner = window->findChild<QLabel*>(QStringLiteral("sandboxBanner"));
        QVERIFY(banner);
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().startsWith(QStringLiteral("Sandbox — simulated services")));

        ReleaseTableModel* model = window->dashboardPage()->model();
        waitForMidRun(model);
        QVERIFY(!Test::saveScreenshot(window, QStringLiteral("sandbox-dashboard")).isEmpty());

        // Every page keeps the banner; the connections are simulated, without a token.
        window->showPage(MainWindow::ConnectionsPageIndex);
        QVERIFY(banner->isVisible());
        auto* connections = window->connectionsPage()->findChild<QTableView*>();
        QVERIFY(connections);
        QTRY_COMPARE_WITH_TIMEOUT(connections->model()->rowCount(), 4, 20000);
        for (int row = 0; row < 4; ++row)
            QVERIFY2(cell(connections->model(), row, 0).endsWith(QStringLiteral("— Simulated")),
                     qPrintable(cell(connections->model(), row, 0)));

        const QModelIndex status = model->index(0, ReleaseTableModel::StatusColumn);
        QTRY_COMPARE_WITH_TIMEOUT(status.data().toString(),
                                  QStringLiteral("Paused — waiting for approval"), RunTimeoutMs);
        ReleaseAction approve;
        approve.kind = ReleaseAction::Kind::Approve;
        approve.releaseId = model->summaryAt(0).release.id;
        approve.seenRowVersion = model->summaryAt(0).release.rowVersion;
        QFuture<Result<Release>> approved = backend.act(window->workspaceId(), approve);
        QTRY_VERIFY_WITH_TIMEOUT(approved.isFinished(), 20000);
        QVERIFY2(
            approved.result().ok(),
            qPrintable(approved.result().ok() ? QString() : approved.result().error().message));
        QTRY_COMPARE_WITH_TIMEOUT(status.data().toString(), QStringLiteral("Completed"),
                                  RunTimeoutMs);
        QCOMPARE(model->summaryAt(0).release.stage, Stage::Done);

        // The Sandbox page lists what would have been posted, the tickets and the runs.
        window->showPage(MainWindow::SandboxPageIndex);
        auto* messages = window->findChild<QTreeWidget*>(QStringLiteral("sandboxMessagesList"));
        auto* tickets = window->findChild<QTreeWidget*>(QStringLiteral("sandboxTicketsList"));
        auto* runs = window->findChild<QTreeWidget*>(QStringLiteral("sandboxRunsList"));
        QVERIFY(messages && tickets && runs);
        QTRY_COMPARE_WITH_TIMEOUT(tickets->topLevelItemCount(), 2, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(runs->topLevelItemCount(), 12, 10000);
        QVERIFY(messages->topLevelItemCount() >= 5);
        runs->setCurrentItem(runs->topLevelItem(0));
        QVERIFY(window->findChild<QPlainTextEdit*>(QStringLiteral("sandboxRunLog"))
                    ->toPlainText()
                    .contains(QStringLiteral("Result: success")));
        auto* failCi = window->findChild<QAbstractButton*>(QStringLiteral("failNextCiButton"));
        QVERIFY(failCi->isEnabled());
        QTest::mouseClick(failCi, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!failCi->isEnabled(), 10000);
        QVERIFY(!Test::saveScreenshot(window, QStringLiteral("sandbox-page")).isEmpty());

        QCOMPARE(Test::keychainEntries(), entriesBefore);
        backend.stop();
    }

    // The dashboard mid-run in a dark palette, on a sandbox reset to run again.
    void darkDashboardMidRun()
    {
        Test::useDarkPalette();
        AppBackend backend;
        backend.setSandboxTimeScale(TimeScale);
        QFuture<BackendStatus> started = backend.start();
        QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), 20000);
        QFuture<Result<WorkspaceSummary>> reset = backend.resetSandbox();
        QTRY_VERIFY_WITH_TIMEOUT(reset.isFinished(), 20000);
        QVERIFY(reset.result().ok());
        QSettings().setValue(QStringLiteral("workspace/current"), reset.result()->id);
        MainWindow window(&backend);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        waitForMidRun(window.dashboardPage()->model());
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("sandboxBanner"))->isVisible());
        QVERIFY(!Test::saveScreenshot(&window, QStringLiteral("sandbox-dashboard-dark")).isEmpty());
        backend.stop();
    }
};

QTEST_MAIN(TestSandboxRealBackend)
#include "tst_sandbox_realbackend.moc"
