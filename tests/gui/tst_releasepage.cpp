#include "FakeConnectionBackend.h"
#include "MainWindow.h"
#include "ReleaseDetailSamples.h"
#include "ReleasePageDriver.h"
#include "ReleaseSamples.h"
#include "Screenshots.h"
#include "Translations.h"
#include "releases/DashboardPage.h"
#include "releases/ReleaseActionBar.h"
#include "releases/ReleaseFilterModel.h"
#include "releases/ReleasePage.h"
#include "releases/ReleaseTableModel.h"
#include "releases/ReleaseTaskModel.h"
#include "widgets/DisplayNames.h"
#include "widgets/FieldMessage.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The release page in the real main window on the fake backend: every state's words, the
// tasks of a release mid-regression with a failed task, actions by role, confirmations, a
// teammate's earlier change, the keyboard, live updates in place, and screenshots.
class TestReleasePage : public QObject
{
    Q_OBJECT

private:
    FakeConnectionBackend m_backend;
    QDateTime m_now;

    FakeReleaseBackend& releases() { return m_backend.releaseFake(); }

    std::unique_ptr<MainWindow> openWindow() { return openMainWindow(m_backend); }
    std::unique_ptr<MainWindow> openFailedRelease()
    {
        return Test::openFailedRelease(m_backend, m_now);
    }
    static QString text(QWidget* root, const QString& name) { return labelText(root, name); }

    static QString cell(const QModelIndex& index, int column)
    {
        return index.siblingAtColumn(column).data().toString();
    }

    static QList<QPushButton*> shownActions(ReleasePage* page)
    {
        QList<QPushButton*> shown;
        for (QPushButton* button : page->actionBar()->findChildren<QPushButton*>()) {
            if (button->isVisibleTo(page))
                shown.append(button);
        }
        return shown;
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_releasepage"));
        QSettings().clear();
        Translations::install(*qApp);
        m_backend.onboarding = false;
    }

    void init()
    {
        m_now = QDateTime::currentDateTimeUtc();
        m_backend.workspaceList = {{1, QStringLiteral("Acme Mobile"), Role::Owner}};
        releases().summaries.clear();
        releases().details.clear();
        releases().actions.clear();
        releases().detailCalls.clear();
        releases().nextActError.reset();
        releases().compareError.reset();
    }

    void everyStateIsSaidInWords()
    {
        releases().summaries = sampleReleases(m_now);
        auto window = openWindow();
        QTRY_COMPARE(window->dashboardPage()->model()->rowCount(), 12);
        ReleasePage* page = window->releasePage();
        for (const ReleaseSummary& summary : sampleReleases(m_now)) {
            QSignalSpy shown(page, &ReleasePage::detailShown);
            window->openRelease(1, summary.release.id);
            QTRY_VERIFY(shown.size() >= 1);
            const Release& release = summary.release;
            QCOMPARE(text(page, QStringLiteral("releaseVersionLabel")), release.version);
            QCOMPARE(
                page->findChild<QLabel*>(QStringLiteral("releaseHotfixBadge"))->isVisibleTo(page),
                release.type == ReleaseType::Hotfix);
            const QString status = text(page, QStringLiteral("releaseStatusLabel"));
            if (release.status == ReleaseStatus::Paused) {
                const QString reason = release.pauseReason == PauseReason::AwaitingStageTrigger
                                           ? QStringLiteral("Paused — waiting for approval")
                                       : release.pauseReason == PauseReason::TaskFailure
                                           ? QStringLiteral("Paused — a task failed")
                                           : QStringLiteral("Paused — on request");
                QCOMPARE(status, reason);
            } else {
                QCOMPARE(status, DisplayNames::releaseStatus(release.status));
            }
            // What may be decided in this state.
            const ReleaseActionBar* bar = page->actionBar();
            const auto offered = [page, bar](ReleaseAction::Kind kind) {
                return bar->button(kind)->isVisibleTo(page);
            };
            const bool paused = release.status == ReleaseStatus::Paused;
            QCOMPARE(offered(ReleaseAction::Kind::Approve),
                     paused && release.pauseReason == PauseReason::AwaitingStageTrigger);
            QCOMPARE(offered(ReleaseAction::Kind::Resume),
                     paused && release.pauseReason == PauseReason::UserRequested);
            QCOMPARE(offered(ReleaseAction::Kind::StartKickoffNow),
                     release.status == ReleaseStatus::Pending);
            QCOMPARE(offered(ReleaseAction::Kind::Pause),
                     release.status == ReleaseStatus::Pending ||
                         release.status == ReleaseStatus::InProgress);
            QCOMPARE(bar->hotfixButton()->isVisibleTo(page),
                     release.status == ReleaseStatus::Completed);
            QCOMPARE(text(page, QStringLiteral("releaseStageLabel")),
                     DisplayNames::stage(release.stage));
            const bool overdue = release.targetAt.isValid() && release.targetAt < m_now &&
                                 (release.status == ReleaseStatus::InProgress ||
                                  release.status == ReleaseStatus::Paused ||
                                  release.status == ReleaseStatus::Pending);
            QCOMPARE(text(page, QStringLiteral("releaseTargetLabel"))
                         .endsWith(QLatin1String("(overdue)")),
                     overdue);
        }
    }

    void aFailedTaskShowsItsErrorBuildsAndWaits()
    {
        auto window = openFailedRelease();
        ReleasePage* page = window->releasePage();
        QCOMPARE(window->findChild<QStackedWidget*>()->currentWidget(), page);
        QCOMPARE(text(page, QStringLiteral("releaseStatusLabel")),
                 QStringLiteral("Paused — CREATE_RC_TAG failed"));
        ReleaseTaskModel* model = page->taskModel();
        const QModelIndex failed = model->indexOfKey(QStringLiteral("task:CREATE_RC_TAG:2"));
        QVERIFY(failed.isValid());
        QCOMPARE(cell(failed, ReleaseTaskModel::StatusColumn), QStringLiteral("Failed"));
        QCOMPARE(cell(failed, ReleaseTaskModel::AttemptsColumn), QStringLiteral("3"));
        QVERIFY(
            cell(failed, ReleaseTaskModel::DetailsColumn).contains(QLatin1String("may not write")));
        const QModelIndex cycle = model->indexOfKey(QStringLiteral("cycle:1"));
        QCOMPARE(cell(cycle, ReleaseTaskModel::NameColumn), QStringLiteral("RC 1 — v2.2.0-rc.1"));
        const QModelIndex build = model->indexOfKey(QStringLiteral("build:2"));
        QCOMPARE(cell(build, ReleaseTaskModel::NameColumn), QStringLiteral("Build for iOS"));
        QCOMPARE(cell(build, ReleaseTaskModel::StatusColumn), QStringLiteral("Succeeded"));
        QCOMPARE(
            build.data(ReleaseTaskModel::LinksRole).toList().constFirst().toStringList().value(1),
            QStringLiteral("https://ci.example/runs/4512"));
        const QModelIndex waiting =
            model->indexOfKey(QStringLiteral("task:TRIGGER_REGRESSION_BUILDS:2"));
        QCOMPARE(
            cell(waiting, ReleaseTaskModel::DetailsColumn),
            QStringLiteral("Waits: release paused until the failed task is retried or skipped"));
        QVERIFY(model->indexOfKey(QStringLiteral("slot:3")).isValid());
        // The chosen task in full, with its links.
        page->taskView()->setCurrentIndex(model->indexOfKey(QStringLiteral("task:FORK_BRANCH:0")));
        QVERIFY(text(page, QStringLiteral("taskDetails"))
                    .contains(QLatin1String("https://github.example/acme/app/tree/release/2.2.0")));
    }

    void aViewerSeesNoAction()
    {
        m_backend.workspaceList = {{1, QStringLiteral("Acme Mobile"), Role::Viewer}};
        auto window = openFailedRelease();
        QCOMPARE(shownActions(window->releasePage()), QList<QPushButton*>());
    }

    void anEditorSeesWhatTheStateAllows()
    {
        m_backend.workspaceList = {{1, QStringLiteral("Acme Mobile"), Role::Editor}};
        auto window = openFailedRelease();
        QStringList names;
        for (QPushButton* button : shownActions(window->releasePage()))
            names.append(button->objectName());
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("addSlotButton"),
                                     QStringLiteral("cancelReleaseButton"),
                                     QStringLiteral("retryButton"), QStringLiteral("skipButton")}));
    }

    void aTeammatesEarlierChangeIsSaidAndReadAgain()
    {
        auto window = openFailedRelease();
        ReleasePage* page = window->releasePage();
        const QModelIndex failed =
            page->taskModel()->indexOfKey(QStringLiteral("task:CREATE_RC_TAG:2"));
        page->taskView()->setCurrentIndex(failed);
        const QString sentence = QStringLiteral("A teammate changed 2.2.0 a moment ago (it is now "
                                                "Paused in REGRESSION); nothing was done. Look at "
                                                "it again and decide.");
        releases().nextActError = Error::conflict(sentence);
        const qsizetype reads = releases().detailCalls.size();
        QTest::mouseClick(page->actionBar()->button(ReleaseAction::Kind::Retry), Qt::LeftButton);
        QTRY_COMPARE(page->message()->text(), sentence);
        QVERIFY(page->message()->isVisible());
        QTRY_VERIFY(releases().detailCalls.size() > reads);
        // Nothing was lost: the chosen task is still chosen.
        QCOMPARE(page->taskView()->currentIndex().siblingAtColumn(0),
                 page->taskModel()->indexOfKey(QStringLiteral("task:CREATE_RC_TAG:2")));
    }

    void backspaceAndAltLeftGoBackToTheDashboard()
    {
        releases().summaries = {midRegressionSummary(m_now)};
        releases().details.insert(10, midRegressionDetail(m_now));
        auto window = openWindow();
        DashboardPage* dashboard = window->dashboardPage();
        QTRY_COMPARE(dashboard->filtered()->rowCount(), 1);
        auto* pages = window->findChild<QStackedWidget*>();
        QTableView* view = dashboard->view();
        view->setFocus();
        view->setCurrentIndex(dashboard->filtered()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_COMPARE(pages->currentWidget(), window->releasePage());
        QTRY_COMPARE(window->releasePage()->releaseId(), 10);
        QTest::keyClick(window->releasePage()->taskView(), Qt::Key_Backspace);
        QCOMPARE(pages->currentWidget(), dashboard);
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_COMPARE(pages->currentWidget(), window->releasePage());
        QTest::keyClick(window->releasePage()->taskView(), Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(pages->currentWidget(), dashboard);
        // View › Dashboard (Ctrl+1) leaves it too.
        QTest::keyClick(view, Qt::Key_Return);
        QTRY_COMPARE(pages->currentWidget(), window->releasePage());
        QTest::keyClick(window->releasePage()->taskView(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(pages->currentWidget(), dashboard);
    }

    void theKeyboardReachesEverything()
    {
        auto window = openFailedRelease();
        ReleasePage* page = window->releasePage();
        QTreeView* tree = page->taskView();
        QTRY_VERIFY(tree->hasFocus());
        // Arrows walk the tasks.
        tree->setCurrentIndex(page->taskModel()->indexOfKey(QStringLiteral("task:FORK_BRANCH:0")));
        QTest::keyClick(tree, Qt::Key_Down);
        QCOMPARE(tree->currentIndex().siblingAtColumn(0),
                 page->taskModel()->indexOfKey(
                     QStringLiteral("task:CREATE_PROJECT_MANAGEMENT_TICKET:0")));
        // Tab reaches the buttons, the tasks, the chosen task's links and the tabs.
        QSet<QString> reached;
        QWidget* start = page->findChild<QPushButton*>(QStringLiteral("releaseBackButton"));
        start->setFocus();
        for (int i = 0; i < 40; ++i) {
            reached.insert(QApplication::focusWidget()->objectName());
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        }
        for (const QString& name :
             {QStringLiteral("retryButton"), QStringLiteral("skipButton"),
              QStringLiteral("addSlotButton"), QStringLiteral("cancelReleaseButton"),
              QStringLiteral("releaseTaskTree"), QStringLiteral("taskDetails"),
              QStringLiteral("releaseTabBar")})
            QVERIFY2(reached.contains(name), qPrintable(QStringList(reached.values()).join(u',')));
        // Tab never leaves the page for a hidden one.
        QCOMPARE(window->findChild<QStackedWidget*>()->currentWidget(), page);
        QVERIFY(!reached.contains(QStringLiteral("releaseTable")));
        // Mnemonics act: Alt+T retries the failed task.
        QTest::keyClick(tree, Qt::Key_T, Qt::AltModifier);
        QTRY_COMPARE(releases().actions.size(), 1);
        QCOMPARE(releases().actions.constFirst().kind, ReleaseAction::Kind::Retry);
        QCOMPARE(releases().actions.constFirst().task, TaskType::CreateRcTag);
    }

    void everyWidgetHasANameForPeopleAndTests()
    {
        auto window = openFailedRelease();
        QVERIFY2(unnamedWidgets(window->releasePage()).isEmpty(),
                 qPrintable(unnamedWidgets(window->releasePage()).join(u',')));
    }

    void aChangeElsewhereShowsInPlace()
    {
        auto window = openFailedRelease();
        ReleasePage* page = window->releasePage();
        ReleaseTaskModel* model = page->taskModel();
        page->taskView()->setCurrentIndex(
            model->indexOfKey(QStringLiteral("task:CREATE_RC_TAG:2")));
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
        // Another instance retried the tag and it worked.
        ReleaseDetail detail = midRegressionDetail(m_now);
        detail.tasks[6].status = TaskStatus::Completed;
        detail.tasks[6].lastError.clear();
        detail.cycles[1].rcTag = QStringLiteral("v2.2.0-rc.2");
        releases().details.insert(10, detail);
        ReleaseSummary summary = midRegressionSummary(m_now);
        summary.release.status = ReleaseStatus::InProgress;
        summary.release.pauseReason = PauseReason::None;
        summary.release.rowVersion = 2;
        releases().change(summary);
        const QModelIndex tag = model->indexOfKey(QStringLiteral("task:CREATE_RC_TAG:2"));
        QTRY_COMPARE_WITH_TIMEOUT(cell(tag, ReleaseTaskModel::StatusColumn), QStringLiteral("Done"),
                                  2000);
        QCOMPARE(cell(model->indexOfKey(QStringLiteral("cycle:2")), ReleaseTaskModel::NameColumn),
                 QStringLiteral("RC 2 — v2.2.0-rc.2"));
        QCOMPARE(text(page, QStringLiteral("releaseStatusLabel")), QStringLiteral("In progress"));
        QCOMPARE(page->taskView()->currentIndex().siblingAtColumn(0), tag);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(removed.size(), 0);
    }

    void changesAndTimelineShow()
    {
        releases().compareError = Error::notFound(
            QStringLiteral("This workspace has no source control connection; add one on the "
                           "Connections page."));
        releases().timelines.insert(
            10, {{2, m_now, QStringLiteral("orchestrator@ci-box"), QStringLiteral("task.failed"),
                  QStringLiteral("CREATE_RC_TAG of 2.2.0 failed.")},
                 {1, m_now.addSecs(-7200), QStringLiteral("Ana Lima"),
                  QStringLiteral("release.created"), QStringLiteral("Ana Lima created 2.2.0.")}});
        auto window = openFailedRelease();
        ReleasePage* page = window->releasePage();
        QTRY_VERIFY(text(page, QStringLiteral("releaseChangesMessage"))
                        .startsWith(QLatin1String("This workspace has no source control")));
        auto* timeline = page->findChild<QListWidget*>(QStringLiteral("releaseTimeline"));
        QTRY_COMPARE(timeline->count(), 2);
        QVERIFY(
            timeline->item(0)->text().endsWith(QLatin1String("CREATE_RC_TAG of 2.2.0 failed.")));
        releases().timelines.clear();
    }

    void screenshots()
    {
        releases().comparison.base = QStringLiteral("v2.1.0");
        releases().comparison.head = QStringLiteral("release/2.2.0");
        for (int i = 0; i < 6; ++i)
            releases().comparison.commits.append({QStringLiteral("%1a9c3e7d2b").arg(i),
                                                  QStringLiteral("Fix crash on login %1").arg(i),
                                                  QStringLiteral("Chidi Okafor")});
        releases().timelines.insert(
            10, {{1, m_now, QStringLiteral("orchestrator@ci-box"), QStringLiteral("task.failed"),
                  QStringLiteral("CREATE_RC_TAG of 2.2.0 failed: the token may not write.")}});
        const auto take = [this](const QString& name) {
            auto window = openFailedRelease();
            ReleasePage* page = window->releasePage();
            page->taskView()->setCurrentIndex(
                page->taskModel()->indexOfKey(QStringLiteral("task:CREATE_RC_TAG:2")));
            QTest::qWait(200);
            QVERIFY(!saveScreenshot(window.get(), name).isEmpty());
        };
        take(QStringLiteral("release-page-failed"));
        useDarkPalette();
        take(QStringLiteral("release-page-failed-dark"));
    }
};

QTEST_MAIN(TestReleasePage)
#include "tst_releasepage.moc"
