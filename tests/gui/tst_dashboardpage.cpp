#include "FakeConnectionBackend.h"
#include "MainWindow.h"
#include "ReleaseSamples.h"
#include "Screenshots.h"
#include "Translations.h"
#include "WizardDriver.h"
#include "backend/ReleaseFeed.h"
#include "releases/DashboardPage.h"
#include "releases/NewReleaseDialog.h"
#include "releases/OrchestratorIndicator.h"
#include "releases/ReleaseFilterModel.h"
#include "releases/ReleaseTableModel.h"
#include "releases/StageProgress.h"
#include "widgets/StatusColors.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The dashboard in the real main window on the fake backend: rows in every state, their
// words, filters, search, sorting, the keyboard, live updates without a reset, the
// orchestrator indicator, and screenshots.
class TestDashboardPage : public QObject
{
    Q_OBJECT

private:
    FakeConnectionBackend m_backend;
    QDateTime m_now;

    FakeReleaseBackend& releases() { return m_backend.releaseFake(); }

    static QString cell(const QAbstractItemModel* model, int row, int column,
                        int role = Qt::DisplayRole)
    {
        return model->index(row, column).data(role).toString();
    }

    // The proxy row showing the release of that version.
    static int rowOf(const QAbstractItemModel* model, const QString& version)
    {
        for (int row = 0; row < model->rowCount(); ++row) {
            if (cell(model, row, ReleaseTableModel::VersionColumn) == version)
                return row;
        }
        return -1;
    }

    std::unique_ptr<MainWindow> openWindow()
    {
        auto window = std::make_unique<MainWindow>(&m_backend);
        window->resize(1280, 800);
        window->show();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qFatal("the main window did not show");
        return window;
    }

    OrchestratorLease leaseOf(const QString& holder, int heartbeatAgo)
    {
        OrchestratorLease lease;
        lease.workspaceId = 1;
        lease.holder = holder;
        lease.heartbeatAt = QDateTime::currentDateTimeUtc().addSecs(-heartbeatAgo);
        lease.expiresAt = lease.heartbeatAt.addSecs(30);
        return lease;
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_dashboardpage"));
        QSettings().clear();
        Translations::install(*qApp);
        m_backend.onboarding = false;
        m_backend.workspaceList = {{1, QStringLiteral("Acme Mobile"), Role::Owner}};
    }

    void init()
    {
        m_now = QDateTime::currentDateTimeUtc();
        releases().summaries.clear();
        releases().lease.reset();
        releases().boardCalls.clear();
        releases().orchestrator().setEnabled(true);
        releases().orchestrator().report({});
    }

    void anEmptyWorkspaceSaysSoAndOffersNewRelease()
    {
        auto window = openWindow();
        DashboardPage* page = window->dashboardPage();
        auto* stack = find<QStackedWidget>(page, QStringLiteral("dashboardStack"));
        QTRY_COMPARE(stack->currentWidget()->objectName(), QStringLiteral("dashboardEmptyState"));
        QVERIFY(find<QLabel>(page, QStringLiteral("dashboardEmptyText"))
                    ->text()
                    .startsWith(QLatin1String("This workspace has no releases yet.")));
        QSignalSpy asked(page, &DashboardPage::newReleaseRequested);
        click(page, QStringLiteral("emptyNewReleaseButton"));
        QCOMPARE(asked.size(), 1);
        NewReleaseDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<NewReleaseDialog*>()));
        auto* version = find<QLineEdit>(dialog, QStringLiteral("versionEdit"));
        QTRY_COMPARE(version->text(), QStringLiteral("0.1.0"));
        auto* create = find<QPushButton>(dialog, QStringLiteral("createReleaseButton"));
        QTRY_VERIFY(create->isEnabled());
        create->click();
        QTRY_COMPARE(releases().drafts.size(), 1);
        QCOMPARE(releases().drafts.constFirst().version, QStringLiteral("0.1.0"));
        QTRY_VERIFY(!window->findChild<NewReleaseDialog*>());
        QTRY_COMPARE(window->statusBar()->currentMessage(),
                     QStringLiteral("Release 0.1.0 created."));
        // The feed looks at once after a change made here; the row replaces the empty state.
        QTRY_COMPARE(page->model()->rowCount(), 1);
        QCOMPARE(stack->currentWidget(), page->view());
        QCOMPARE(releases().orchestrator().ticks, 1);
        QVERIFY(!saveScreenshot(window.get(), QStringLiteral("dashboard-one")).isEmpty());
        releases().drafts.clear();
    }

    void rowsSayWhereEachReleaseIs()
    {
        releases().summaries = sampleReleases(m_now);
        auto window = openWindow();
        DashboardPage* page = window->dashboardPage();
        QTRY_COMPARE(page->model()->rowCount(), 12);
        const QAbstractItemModel* rows = page->filtered();
        // Active hides completed, cancelled and archived ones.
        QCOMPARE(rows->rowCount(), 9);
        const int approval = rowOf(rows, QStringLiteral("2.0.0"));
        QCOMPARE(cell(rows, approval, ReleaseTableModel::StatusColumn),
                 QStringLiteral("Paused — waiting for approval"));
        QCOMPARE(cell(rows, approval, ReleaseTableModel::NextColumn),
                 QStringLiteral("Awaiting approval"));
        const int failed = rowOf(rows, QStringLiteral("1.9.0"));
        QCOMPARE(cell(rows, failed, ReleaseTableModel::StatusColumn),
                 QStringLiteral("Paused — FORK_BRANCH failed"));
        QCOMPARE(cell(rows, failed, ReleaseTableModel::ProgressColumn),
                 QStringLiteral("Kickoff · 1 of 4 tasks · a task failed"));
        QCOMPARE(rows->index(failed, ReleaseTableModel::StatusColumn).data(Qt::ForegroundRole),
                 QVariant(StatusColors::error(QApplication::palette())));
        // Overdue: in the error colour, and said in the tooltip and to screen readers.
        QCOMPARE(rows->index(failed, ReleaseTableModel::TargetColumn).data(Qt::ForegroundRole),
                 QVariant(StatusColors::error(QApplication::palette())));
        QVERIFY(cell(rows, failed, ReleaseTableModel::TargetColumn, Qt::ToolTipRole)
                    .startsWith(QLatin1String("Overdue: the target was ")));
        QVERIFY(cell(rows, failed, ReleaseTableModel::TargetColumn, Qt::AccessibleTextRole)
                    .endsWith(QLatin1String(", overdue")));
        const int waiting = rowOf(rows, QStringLiteral("1.7.0"));
        // The next slot's time of day, in the reader's time and without seconds.
        const QString next = cell(rows, waiting, ReleaseTableModel::NextColumn);
        static const QRegularExpression rcAt(
            QStringLiteral("^RC 3 at \\d{1,2}:\\d\\d( ?[AaPp][Mm])?$"));
        QVERIFY2(rcAt.match(next).hasMatch(), qPrintable(next));
        QVERIFY(next.contains(m_now.addSecs(7200).toLocalTime().toString(QStringLiteral(":mm"))));
        QCOMPARE(cell(rows, waiting, ReleaseTableModel::KickoffColumn),
                 QStringLiteral("3 days ago"));
        QCOMPARE(cell(rows, waiting, ReleaseTableModel::PilotColumn), QStringLiteral("Dana Ruiz"));
        const int running = rowOf(rows, QStringLiteral("2.2.0"));
        QCOMPARE(cell(rows, running, ReleaseTableModel::NextColumn),
                 QStringLiteral("RC 2 in regression"));
        // The stage bar's state is in its accessible text: RC 2 of 3, one cycle and a fifth.
        QCOMPARE(cell(rows, running, ReleaseTableModel::ProgressColumn, Qt::AccessibleTextRole),
                 QStringLiteral("Regression · RC 2 of 3; stage 2 of 4, 40% done"));
        const auto bar = rows->index(running, ReleaseTableModel::ProgressColumn)
                             .data(ReleaseTableModel::StageProgressRole)
                             .value<StageProgress>();
        QCOMPARE(bar.segments[0].state, StageProgress::SegmentState::Done);
        QCOMPARE(bar.segments[1].state, StageProgress::SegmentState::Current);
        QCOMPARE(bar.segments[1].notches, 2);
        QCOMPARE(bar.segments[2].state, StageProgress::SegmentState::Upcoming);
        const int hotfix = rowOf(rows, QStringLiteral("1.8.1"));
        QVERIFY(rows->index(hotfix, ReleaseTableModel::VersionColumn)
                    .data(ReleaseTableModel::HotfixRole)
                    .toBool());
        QCOMPARE(cell(rows, hotfix, ReleaseTableModel::VersionColumn, Qt::AccessibleTextRole),
                 QStringLiteral("1.8.1, hotfix"));
    }

    void filtersSearchAndSorting()
    {
        releases().summaries = sampleReleases(m_now);
        auto window = openWindow();
        DashboardPage* page = window->dashboardPage();
        QTRY_COMPARE(page->model()->rowCount(), 12);
        ReleaseFilterModel* rows = page->filtered();
        click(page, QStringLiteral("completedFilterButton"));
        QCOMPARE(rows->rowCount(), 2);
        click(page, QStringLiteral("allFilterButton"));
        QCOMPARE(rows->rowCount(), 12);
        type(page, QStringLiteral("releaseSearchEdit"), QStringLiteral("1.8"));
        QCOMPARE(rows->rowCount(), 2);
        type(page, QStringLiteral("releaseSearchEdit"), QStringLiteral("7.7"));
        QCOMPARE(rows->rowCount(), 0);
        QCOMPARE(find<QLabel>(page, QStringLiteral("dashboardEmptyText"))->text(),
                 QStringLiteral("No release matches “7.7”."));
        find<QLineEdit>(page, QStringLiteral("releaseSearchEdit"))->clear();
        QCOMPARE(rows->rowCount(), 12);

        // Unsorted: newest first. By version: by number, so 1.10 would follow 1.9.
        QCOMPARE(cell(rows, 0, ReleaseTableModel::VersionColumn), QStringLiteral("2.4.0"));
        QHeaderView* header = page->view()->horizontalHeader();
        QTest::mouseClick(
            header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(ReleaseTableModel::VersionColumn) + 10,
                   header->height() / 2));
        QCOMPARE(cell(rows, 0, ReleaseTableModel::VersionColumn), QStringLiteral("1.4.0"));
        QCOMPARE(cell(rows, 11, ReleaseTableModel::VersionColumn), QStringLiteral("2.4.0"));
        page->view()->sortByColumn(ReleaseTableModel::TargetColumn, Qt::AscendingOrder);
        // The overdue target of 1.9.0 comes before every later one; none set go last.
        QCOMPARE(cell(rows, 0, ReleaseTableModel::VersionColumn), QStringLiteral("1.6.0"));
        QCOMPARE(cell(rows, 1, ReleaseTableModel::VersionColumn), QStringLiteral("1.9.0"));
        page->view()->sortByColumn(ReleaseTableModel::ProgressColumn, Qt::DescendingOrder);
        QCOMPARE(rows->index(0, 0)
                     .data(ReleaseTableModel::StageProgressRole)
                     .value<StageProgress>()
                     .overall,
                 1.0);
    }

    void theKeyboardReachesEverything()
    {
        releases().summaries = sampleReleases(m_now);
        auto window = openWindow();
        DashboardPage* page = window->dashboardPage();
        QTRY_COMPARE(page->model()->rowCount(), 12);
        QTableView* view = page->view();
        view->setFocus();
        view->setCurrentIndex(page->filtered()->index(0, 0));
        QCOMPARE(page->currentReleaseId(), qint64(12));
        QTest::keyClick(view, Qt::Key_Down);
        QTest::keyClick(view, Qt::Key_Down);
        QTest::keyClick(view, Qt::Key_Up);
        QCOMPARE(page->currentReleaseId(), qint64(11));
        QSignalSpy opened(window.get(), &MainWindow::releaseOpenRequested);
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.constFirst().at(0).toLongLong(), qint64(1));
        QCOMPARE(opened.constFirst().at(1).toLongLong(), qint64(11));
        // F5 reads the board again, Ctrl+N asks for a new release.
        const qsizetype boards = releases().boardCalls.size();
        QTest::keyClick(window.get(), Qt::Key_F5);
        QTRY_COMPARE(releases().boardCalls.size(), boards + 1);
        QTest::keyClick(window.get(), Qt::Key_N, Qt::ControlModifier);
        NewReleaseDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<NewReleaseDialog*>()));
        dialog->reject();
        // Every widget has an object name and an accessible name where it can take focus.
        for (QWidget* widget : page->findChildren<QWidget*>()) {
            if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisible() ||
                qobject_cast<QScrollBar*>(widget) || widget->parentWidget() == view ||
                widget->objectName() == QLatin1String("qt_scrollarea_viewport"))
                continue;
            QVERIFY2(!widget->objectName().isEmpty(), widget->metaObject()->className());
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
        }
    }

    void liveUpdatesChangeRowsInPlaceAndKeepSelectionAndScroll()
    {
        QList<ReleaseSummary> many;
        for (int i = 1; i <= 60; ++i)
            many.prepend(sampleRelease(i, QStringLiteral("1.%1.0").arg(i),
                                       ReleaseStatus::InProgress, Stage::Kickoff, 1, 4));
        releases().summaries = many;
        releases().lease = leaseOf(QStringLiteral("orchestrator@build-01/77"), 4);
        auto window = openWindow();
        DashboardPage* page = window->dashboardPage();
        page->view()->setFocus();
        QTRY_COMPARE(page->model()->rowCount(), 60);
        ReleaseFilterModel* rows = page->filtered();
        QTableView* view = page->view();
        view->selectRow(rowOf(rows, QStringLiteral("1.30.0")));
        view->scrollTo(rows->index(rowOf(rows, QStringLiteral("1.30.0")), 0),
                       QAbstractItemView::PositionAtTop);
        const int topBefore = view->rowAt(0);
        const QString topVersion = cell(rows, topBefore, ReleaseTableModel::VersionColumn);

        QSignalSpy resets(page->model(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(page->model(), &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(page->model(), &QAbstractItemModel::dataChanged);
        QSignalSpy layout(rows, &QAbstractItemModel::layoutChanged);
        // Another instance finishes a kickoff task of 1.30.0 and creates 1.61.0.
        ReleaseSummary moved = many.at(30);
        QCOMPARE(moved.release.version, QStringLiteral("1.30.0"));
        moved.release.rowVersion = 2;
        moved.add(Stage::Kickoff, TaskStatus::Pending, -1);
        moved.add(Stage::Kickoff, TaskStatus::Completed, 1);
        releases().change(moved);
        releases().change(sampleRelease(61, QStringLiteral("1.61.0"), ReleaseStatus::Pending,
                                        Stage::Kickoff, 0, 4));
        QTRY_COMPARE(page->model()->rowCount(), 61);
        QTRY_COMPARE(
            cell(rows, rowOf(rows, QStringLiteral("1.30.0")), ReleaseTableModel::ProgressColumn),
            QStringLiteral("Kickoff · 2 of 4 tasks"));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 1);
        const QModelIndex changedRow = changed.constFirst().at(0).toModelIndex();
        QCOMPARE(changedRow.data(ReleaseTableModel::ReleaseIdRole).toLongLong(), qint64(30));
        // The same release stays selected and the same rows stay in view.
        QCOMPARE(page->currentReleaseId(), qint64(30));
        QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(view->selectionModel()
                     ->selectedRows()
                     .constFirst()
                     .data(ReleaseTableModel::ReleaseIdRole)
                     .toLongLong(),
                 qint64(30));
        QCOMPARE(cell(rows, view->rowAt(0), ReleaseTableModel::VersionColumn), topVersion);
        QVERIFY(layout.isEmpty());

        // A release deleted elsewhere leaves; nothing is reset either.
        QSignalSpy removed(page->model(), &QAbstractItemModel::rowsRemoved);
        releases().remove(59);
        QTRY_COMPARE(page->model()->rowCount(), 60);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(page->currentReleaseId(), qint64(30));
        QCOMPARE(cell(rows, view->rowAt(0), ReleaseTableModel::VersionColumn), topVersion);
        // The feed asked from where the board left it and never skipped an event.
        const auto& calls = releases().changesCalls;
        QVERIFY(!calls.isEmpty());
        for (qsizetype i = 1; i < calls.size(); ++i)
            QVERIFY(calls.at(i).second >= calls.at(i - 1).second);
    }

    void aLongBoardShowsItsNewestReleasesFirstThenTheRestInSlices()
    {
        QList<ReleaseSummary> many;
        for (int i = 4500; i >= 1; --i)
            many.append(sampleRelease(i, QStringLiteral("%1.%2.0").arg(i / 100).arg(i % 100),
                                      ReleaseStatus::InProgress, Stage::Regression, 1, 5));
        releases().summaries = many;
        releases().boardNewest.clear();
        releases().changesCalls.clear();
        releases().delayMs = 200;
        MainWindow window(&m_backend);
        ReleaseTableModel* model = window.dashboardPage()->model();
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        window.show();
        QTRY_COMPARE(model->rowCount(), 100);
        QCOMPARE(model->summaryAt(0).release.id, qint64(4500));
        QTRY_COMPARE(model->rowCount(), 4500);
        releases().delayMs = 20;
        QCOMPARE(releases().boardNewest, (QList<int>{100, 0}));
        // The first screen, then three slices of the rest; never a reset.
        QCOMPARE(inserted.size(), 4);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(model->summaryAt(4499).release.id, qint64(1));
        // The feed follows from where the first screen was read.
        QTRY_VERIFY(!releases().changesCalls.isEmpty());
        QCOMPARE(releases().changesCalls.constFirst().second, releases().seq());
    }

    void theStatusBarSaysWhoOrchestrates()
    {
        releases().summaries = sampleReleases(m_now);
        releases().lease = leaseOf(QStringLiteral("orchestrator@build-01/77"), 4);
        auto window = openWindow();
        auto* label = find<QLabel>(window.get(), QStringLiteral("orchestratorStatusLabel"));
        QTRY_VERIFY2(
            label->text().startsWith(QLatin1String("Orchestrated by build-01 (heartbeat ")),
            qPrintable(label->text()));
        QVERIFY(label->text().endsWith(QLatin1String(" s ago)")));

        // This app takes the lease: the feed reads it as ours.
        releases().lease = leaseOf(releases().orchestrator().holder(), 0);
        releases().releaseFeed().pollNow();
        QTRY_COMPARE(label->text(), QStringLiteral("Orchestrating here"));

        // Nobody holds it and this computer's orchestrator is off: a warning, and why.
        releases().lease.reset();
        auto* orchestrate = window->findChild<QAction*>(QStringLiteral("orchestrateHereAction"));
        QVERIFY(orchestrate->isChecked());
        orchestrate->trigger();
        QVERIFY(!releases().orchestrator().enabled());
        releases().releaseFeed().pollNow();
        QTRY_COMPARE(label->text(), QStringLiteral("No orchestrator — releases are not moving"));
        QVERIFY(label->toolTip().contains(QLatin1String("Orchestrating on this computer is off")));
        QCOMPARE(label->palette().color(QPalette::WindowText),
                 StatusColors::warning(label->palette()));

        // On but without a workspace's tokens, it says what is missing.
        orchestrate->trigger();
        OrchestratorStatus status;
        status.workspaces = {{1,
                              QStringLiteral("Acme Mobile"),
                              WorkspaceOrchestration::State::MissingTokens,
                              {},
                              QStringLiteral("This instance does not orchestrate Acme Mobile: the "
                                             "token of the GitHub connection is not on this "
                                             "machine.")}};
        releases().orchestrator().report(status);
        QTRY_VERIFY(label->toolTip().contains(QLatin1String("token of the GitHub connection")));
        QCOMPARE(OrchestratorIndicator::hostOf(QStringLiteral("orchestrator@ci-7.acme.io/1234")),
                 QStringLiteral("ci-7.acme.io"));
        QCOMPARE(OrchestratorIndicator::hostOf(QStringLiteral("nightly")),
                 QStringLiteral("nightly"));
    }

    void screenshots_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<bool>("empty");
        QTest::newRow("empty light") << false << true;
        QTest::newRow("empty dark") << true << true;
        QTest::newRow("twelve light") << false << false;
        QTest::newRow("twelve dark") << true << false;
    }

    void screenshots()
    {
        QFETCH(bool, dark);
        QFETCH(bool, empty);
        if (dark)
            useDarkPalette();
        if (!empty)
            releases().summaries = sampleReleases(m_now);
        releases().lease = leaseOf(QStringLiteral("orchestrator@build-01/77"), 4);
        auto window = openWindow();
        DashboardPage* page = window->dashboardPage();
        if (empty) {
            QTRY_COMPARE(find<QStackedWidget>(page, QStringLiteral("dashboardStack"))
                             ->currentWidget()
                             ->objectName(),
                         QStringLiteral("dashboardEmptyState"));
        } else {
            QTRY_COMPARE(page->model()->rowCount(), 12);
            click(page, QStringLiteral("allFilterButton"));
            page->view()->selectRow(2);
        }
        QTRY_VERIFY(find<QLabel>(window.get(), QStringLiteral("orchestratorStatusLabel"))
                        ->text()
                        .startsWith(QLatin1String("Orchestrated by")));
        const QString name = QStringLiteral("dashboard-%1%2")
                                 .arg(empty ? QStringLiteral("empty") : QStringLiteral("12"),
                                      dark ? QStringLiteral("-dark") : QString());
        QVERIFY(!saveScreenshot(window.get(), name).isEmpty());
        if (dark)
            QApplication::setPalette(QPalette());
    }
};

QTEST_MAIN(TestDashboardPage)
#include "tst_dashboardpage.moc"
