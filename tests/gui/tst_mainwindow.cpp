#include "AppWindowFlow.h"
#include "FakeConnectionBackend.h"
#include "MainWindow.h"
#include "Screenshots.h"
#include "WizardDriver.h"
#include "activity/ActivityModel.h"
#include "activity/ActivityPage.h"
#include "connections/ConnectionTableModel.h"
#include "connections/ConnectionsPage.h"
#include "wizard/OnboardingWizard.h"
#include "wizard/WizardController.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTest>

using namespace ReleaseDeck;
using ReleaseDeck::Test::click;
using ReleaseDeck::Test::FakeConnectionBackend;
using ReleaseDeck::Test::type;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    static void fill(FakeConnectionBackend& backend)
    {
        backend.workspaceList = {{1, QStringLiteral("Acme Mobile"), Role::Owner},
                                 {2, QStringLiteral("Acme Web"), Role::Viewer}};
        ConnectionRow scm;
        scm.connection.id = 1;
        scm.connection.workspaceId = 1;
        scm.connection.provider = QStringLiteral("github");
        scm.connection.displayName = QStringLiteral("acme/app");
        scm.connection.status = VerificationStatus::Valid;
        scm.connection.lastVerifiedAt = QDateTime::currentDateTimeUtc().addSecs(-120);
        scm.tokenOnThisMachine = true;
        backend.rows = {scm};
        const QDateTime now = QDateTime::currentDateTimeUtc();
        backend.eventList = {
            {1, now.addSecs(-3600), QStringLiteral("Ana Lima"), QStringLiteral("connection.added"),
             QStringLiteral("Connected GitHub acme/app")},
            {2, now.addSecs(-1800), QStringLiteral("orchestrator@build-01"),
             QStringLiteral("release.kickoff"), QStringLiteral("Kicked off 1.4.0")},
            {3, now.addSecs(-60), QStringLiteral("Bo Chen"), QStringLiteral("connection.verified"),
             QStringLiteral("Verified Slack #releases")}};
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        QSettings().clear();
    }

    void opensWithItsTitle()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Release Deck"));
        QCOMPARE(window.objectName(), QStringLiteral("mainWindow"));
        QVERIFY(window.menuBar()->actions().size() >= 2);
    }

    void remembersItsGeometry()
    {
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(900, 640);
            window.close();
        }
        MainWindow again;
        QCOMPARE(again.size(), QSize(900, 640));
        QSettings().remove(QStringLiteral("window"));
    }

    void switchingWorkspaceAppliesItsRole()
    {
        FakeConnectionBackend backend;
        fill(backend);
        MainWindow window(&backend);
        window.showPage(MainWindow::ConnectionsPageIndex);
        window.show();
        auto* workspaces = window.findChild<QComboBox*>(QStringLiteral("workspaceCombo"));
        QTRY_COMPARE(workspaces->count(), 2);
        QTRY_COMPARE(window.connectionsPage()->model()->rowCount(), 1);
        auto* edit = window.findChild<QPushButton*>(QStringLiteral("editButton"));
        QVERIFY(edit->isVisible());
        QCOMPARE(window.windowTitle(), QStringLiteral("Acme Mobile — Release Deck"));

        workspaces->setFocus();
        QTest::keyClick(workspaces, Qt::Key_Down);
        QCOMPARE(workspaces->currentText(), QStringLiteral("Acme Web"));
        QVERIFY(!edit->isVisible());
        QCOMPARE(QSettings().value(QStringLiteral("workspace/current")).toLongLong(), 2);
        QSettings().remove(QStringLiteral("workspace"));
    }

    void activityIsNewestFirstAndFilterable()
    {
        FakeConnectionBackend backend;
        fill(backend);
        MainWindow window(&backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        auto* pages = window.findChild<QStackedWidget*>();
        QCOMPARE(pages->currentWidget(), window.activityPage());
        ActivityModel* model = window.activityPage()->model();
        QTRY_COMPARE(model->rowCount(), 3);
        QCOMPARE(model->index(0, ActivityModel::ActorColumn).data().toString(),
                 QStringLiteral("Bo Chen"));
        QCOMPARE(model->index(2, ActivityModel::ActorColumn).data().toString(),
                 QStringLiteral("Ana Lima"));

        backend.eventList.append({4, QDateTime::currentDateTimeUtc(), QStringLiteral("Ana Lima"),
                                  QStringLiteral("release.approved"),
                                  QStringLiteral("Approved 1.4.0")});
        window.activityPage()->refresh();
        QTRY_COMPARE(model->rowCount(), 4);
        QCOMPARE(model->index(0, ActivityModel::MessageColumn).data().toString(),
                 QStringLiteral("Approved 1.4.0"));
        QVERIFY(!Test::saveScreenshot(&window, QStringLiteral("main-activity")).isEmpty());

        QTest::keyClicks(window.findChild<QLineEdit*>(QStringLiteral("activityFilterEdit")),
                         QStringLiteral("orchestrator"));
        QCOMPARE(window.activityPage()->filtered()->rowCount(), 1);
    }

    static QLabel* databaseLabel(QWidget& window)
    {
        return window.findChild<QLabel*>(QStringLiteral("databaseStatusLabel"));
    }

    void statusBarCountsDownWhileTheDatabaseIsUnreachableAndReconnects_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void statusBarCountsDownWhileTheDatabaseIsUnreachableAndReconnects()
    {
        QFETCH(bool, dark);
        if (dark)
            Test::useDarkPalette();
        FakeConnectionBackend backend;
        fill(backend);
        backend.databaseHealth().setInterval(std::chrono::seconds(3));
        backend.currentStatus = {true, QStringLiteral("db.example.com"), false,
                                 QStringLiteral("Cannot reach db.example.com:3306; is it running "
                                                "and reachable?"),
                                 false};
        MainWindow window(&backend);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        backend.databaseHealth().start(backend.currentStatus);
        QLabel* database = databaseLabel(window);
        QCOMPARE(database->text(), QStringLiteral("Database unreachable — retrying in 3 s"));
        QCOMPARE(database->toolTip(),
                 QStringLiteral("Database: db.example.com (shared): Cannot reach "
                                "db.example.com:3306; is it running and reachable?"));
        QCOMPARE(window.findChild<QLabel*>(QStringLiteral("keychainStatusLabel"))->text(),
                 QStringLiteral("Keychain: not available — tokens cannot be saved"));
        auto* reconnect = window.findChild<QPushButton*>(QStringLiteral("reconnectButton"));
        QVERIFY(reconnect->isVisible());
        QVERIFY(!Test::saveScreenshot(&window, dark ? QStringLiteral("main-unreachable-dark")
                                                    : QStringLiteral("main-unreachable"))
                     .isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(database->text(),
                                  QStringLiteral("Database unreachable — retrying in 2 s"), 2000);
        QCOMPARE(backend.probeCalls, 0);

        backend.currentStatus.databaseReachable = true;
        backend.currentStatus.databaseError.clear();
        QTest::mouseClick(reconnect, Qt::LeftButton);
        QTRY_COMPARE(database->text(), QStringLiteral("Database: db.example.com (shared)"));
        QCOMPARE(backend.probeCalls, 1);
        QVERIFY(!reconnect->isVisible());
        if (dark)
            QApplication::setPalette(QPalette());
    }

    void aDatabaseLostWhileRunningIsReportedAndRecoversByItself()
    {
        FakeConnectionBackend backend;
        fill(backend);
        backend.databaseHealth().setInterval(std::chrono::milliseconds(300));
        MainWindow window(&backend);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        backend.databaseHealth().start(backend.currentStatus);
        QLabel* database = databaseLabel(window);
        QCOMPARE(database->text(), QStringLiteral("Database: on this computer"));
        QTRY_COMPARE(window.connectionsPage()->model()->rowCount(), 1);

        backend.currentStatus.databaseReachable = false;
        backend.currentStatus.databaseError = QStringLiteral("The database went away.");
        QTRY_VERIFY(database->text().startsWith(u"Database unreachable — retrying in "));
        QVERIFY(window.findChild<QPushButton*>(QStringLiteral("reconnectButton"))->isVisible());
        const qsizetype listedBefore = backend.listConnectionsCalls.size();
        const qsizetype eventsBefore = backend.eventsCalls.size();

        backend.currentStatus.databaseReachable = true;
        backend.currentStatus.databaseError.clear();
        QTRY_COMPARE(database->text(), QStringLiteral("Database: on this computer"));
        // The pages ask again for what they may have failed to load meanwhile.
        QTRY_VERIFY(backend.listConnectionsCalls.size() > listedBefore);
        QTRY_VERIFY(backend.eventsCalls.size() > eventsBefore);
    }

    void aQueryThatLostTheServerHasItCheckedAtOnce()
    {
        FakeConnectionBackend backend;
        backend.databaseHealth().setInterval(std::chrono::hours(1));
        MainWindow window(&backend);
        window.show();
        backend.databaseHealth().start(backend.currentStatus);
        backend.currentStatus.databaseReachable = false;
        backend.currentStatus.databaseError = QStringLiteral("The database went away.");
        backend.databaseHealth().reportConnectionLost();
        QTRY_VERIFY(databaseLabel(window)->text().startsWith(u"Database unreachable"));
        QCOMPARE(backend.probeCalls, 1);
    }

    void setUpAgainShowsTheNewDatabaseAndWorkspaceAtOnce()
    {
        FakeConnectionBackend backend;
        fill(backend);
        backend.onboarding = false;
        AppWindowFlow flow(backend);
        flow.start();
        MainWindow* window = flow.mainWindow();
        auto* workspaces = window->findChild<QComboBox*>(QStringLiteral("workspaceCombo"));
        QTRY_COMPARE(workspaces->count(), 2);
        QTRY_COMPARE(window->activityPage()->model()->rowCount(), 3);

        emit window->setupRequested();
        OnboardingWizard* wizard = flow.wizard();
        QVERIFY(wizard);
        // The wizard moves to another database, whose only workspace has its own ids.
        backend.workspaceList = {{7, QStringLiteral("Acme Games"), Role::Owner}};
        backend.eventList = {{1, QDateTime::currentDateTimeUtc(), QStringLiteral("Ana Lima"),
                              QStringLiteral("workspace.created"),
                              QStringLiteral("Created Acme Games")}};
        type(wizard, QStringLiteral("displayNameEdit"), QStringLiteral("Ana Lima"));
        type(wizard, QStringLiteral("emailEdit"), QStringLiteral("ana@example.com"));
        type(wizard, QStringLiteral("workspaceNameEdit"), QStringLiteral("Acme Games"));
        click(wizard, QStringLiteral("nextButton"));
        click(wizard, QStringLiteral("nextButton"));
        for (int page = WizardController::SourceControlPage; page <= WizardController::CiPage;
             ++page)
            click(wizard, QStringLiteral("setUpLaterButton"));
        click(wizard, QStringLiteral("finishButton"));

        QTRY_COMPARE(workspaces->count(), 1);
        QCOMPARE(workspaces->currentText(), QStringLiteral("Acme Games"));
        QCOMPARE(window->windowTitle(), QStringLiteral("Acme Games — Release Deck"));
        QTRY_COMPARE(backend.listConnectionsCalls.constLast(), qint64(7));
        QTRY_COMPARE(backend.releaseFake().boardCalls.constLast(), qint64(7));
        QTRY_COMPARE(backend.eventsCalls.constLast(), qMakePair(qint64(7), qint64(0)));
        // Only the new database's events: nothing of the old one stays or is asked after.
        QTRY_COMPARE(window->activityPage()->model()->rowCount(), 1);
        QCOMPARE(window->activityPage()->model()->index(0, ActivityModel::MessageColumn).data(),
                 QVariant(QStringLiteral("Created Acme Games")));
    }

    void screenshots_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void screenshots()
    {
        QFETCH(bool, dark);
        if (dark)
            Test::useDarkPalette();
        FakeConnectionBackend backend;
        fill(backend);
        MainWindow window(&backend);
        window.resize(1280, 800);
        window.showPage(MainWindow::ConnectionsPageIndex);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(window.connectionsPage()->model()->rowCount(), 1);
        QVERIFY(!Test::saveScreenshot(&window,
                                      dark ? QStringLiteral("main-dark") : QStringLiteral("main"))
                     .isEmpty());
        if (dark)
            QApplication::setPalette(QPalette());
    }

    void firstLaunchOpensTheWizardAndCancelQuits()
    {
        FakeConnectionBackend backend;
        AppWindowFlow flow(backend);
        QSignalSpy abandoned(&flow, &AppWindowFlow::setupAbandoned);
        flow.start();
        QVERIFY(flow.wizard());
        QVERIFY(flow.wizard()->isVisible());
        QVERIFY(!flow.mainWindow());
        flow.wizard()->reject();
        QCOMPARE(abandoned.size(), 1);
        QVERIFY(backend.finishCalls.isEmpty());
    }

    void laterLaunchesOpenTheMainWindow()
    {
        FakeConnectionBackend backend;
        backend.onboarding = false;
        AppWindowFlow flow(backend);
        flow.start();
        QVERIFY(!flow.wizard());
        QVERIFY(flow.mainWindow());
        QVERIFY(flow.mainWindow()->isVisible());
        emit flow.mainWindow()->setupRequested();
        QVERIFY(flow.wizard());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
