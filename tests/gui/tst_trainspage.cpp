#include "FakeConnectionBackend.h"
#include "MainWindow.h"
#include "Screenshots.h"
#include "TrainSamples.h"
#include "Translations.h"
#include "trains/RegressionSlotEditor.h"
#include "trains/TrainDialog.h"
#include "trains/TrainForm.h"
#include "trains/TrainTableModel.h"
#include "trains/TrainsPage.h"
#include "widgets/MessageBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The Trains page on the fake backend: the list in words, the buttons by role, Delete asking
// first and showing the service's refusal, pause and resume, the feed's train changes; and
// screenshots of the page, the dashboard's next kickoff and the train dialog, light and dark.
class TestTrainsPage : public QObject
{
    Q_OBJECT

private:
    template<typename T>
    static T* find(QWidget* root, const QString& name)
    {
        auto* widget = root->findChild<T*>(name);
        if (!widget)
            qFatal("no %s", qPrintable(name));
        return widget;
    }

    static QString message(QWidget* root, const QString& field)
    {
        return find<QLabel>(root, field + QStringLiteral("Message"))->text();
    }

    static void retype(QWidget* root, const QString& name, const QString& text)
    {
        auto* edit = find<QLineEdit>(root, name);
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        if (!text.isEmpty())
            QTest::keyClicks(edit, text);
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_trainspage"));
        QSettings().clear();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        Translations::install(*qApp);
    }

    void thePageListsTrainsAndEditorsActOnThem()
    {
        FakeReleaseBackend releases;
        FakeTrainBackend& trains = releases.trainFake();
        const qint64 mobile =
            trains.add(sampleMobileTrain(), QStringLiteral("1.4.0"), QStringLiteral("1.5.0"));
        ReleaseConfig web = sampleWebTrain();
        web.paused = true;
        const qint64 webId = trains.add(web);
        TrainsPage page(trains, releases.releaseFeed());
        page.resize(1100, 500);
        page.setWorkspace(1, Role::Editor);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        TrainTableModel* model = page.model();
        QTRY_COMPARE(model->rowCount(), 2);
        auto cell = [model](int row, int column, int role = Qt::DisplayRole) {
            return model->index(row, column).data(role).toString();
        };
        QCOMPARE(cell(0, TrainTableModel::ScheduleColumn),
                 QStringLiteral("every 2 weeks, Tue 10:00 Europe/Berlin"));
        QCOMPARE(cell(1, TrainTableModel::ScheduleColumn),
                 QStringLiteral("every week, Thu 15:30 America/New_York"));
        QVERIFY(cell(0, TrainTableModel::NextKickoffColumn).startsWith(u"in "));
        QVERIFY(cell(0, TrainTableModel::NextKickoffColumn, Qt::ToolTipRole)
                    .contains(u" 10:00 Europe/Berlin ("));
        QCOMPARE(cell(1, TrainTableModel::NextKickoffColumn), QStringLiteral("None while paused"));
        QCOMPARE(cell(0, TrainTableModel::StateColumn), QStringLiteral("Running"));
        QCOMPARE(cell(1, TrainTableModel::StateColumn), QStringLiteral("Paused"));
        QCOMPARE(cell(0, TrainTableModel::LatestColumn), QStringLiteral("1.4.0"));
        QCOMPARE(cell(0, TrainTableModel::ActiveColumn), QStringLiteral("1.5.0"));
        QCOMPARE(cell(1, TrainTableModel::LatestColumn), QStringLiteral("None yet"));

        auto* remove = find<QPushButton>(&page, QStringLiteral("deleteTrainButton"));
        auto* pause = find<QPushButton>(&page, QStringLiteral("pauseTrainButton"));
        QVERIFY(!remove->isEnabled());
        page.view()->selectRow(0);
        QVERIFY(remove->isEnabled());
        QCOMPARE(pause->text(), QStringLiteral("&Pause"));
        // Delete asks first: cancelled, nothing is asked of the backend.
        MessageBox::setNextAnswer(QMessageBox::Cancel);
        remove->click();
        QTest::qWait(60);
        QVERIFY(trains.removed.isEmpty());
        // Confirmed, the service refuses while 1.5.0 is active, and the page says why.
        MessageBox::setNextAnswer(QMessageBox::Yes);
        remove->click();
        QTRY_COMPARE(find<QLabel>(&page, QStringLiteral("trainsMessage"))->text(),
                     QStringLiteral("Train Mobile train has release 1.5.0 in progress; finish or "
                                    "cancel it before deleting the train."));
        QCOMPARE(trains.removed, QList<qint64>{mobile});
        QTRY_COMPARE(model->rowCount(), 2);

        page.view()->selectRow(1);
        QCOMPARE(page.currentTrainId(), webId);
        QCOMPARE(pause->text(), QStringLiteral("&Resume"));
        pause->click();
        QTRY_COMPARE(cell(1, TrainTableModel::StateColumn), QStringLiteral("Running"));
        QCOMPARE(trains.resumed, QList<qint64>{webId});
        QCOMPARE(page.currentTrainId(), webId);
        QTRY_COMPARE(pause->text(), QStringLiteral("&Pause"));
        pause->click();
        QTRY_COMPARE(cell(1, TrainTableModel::StateColumn), QStringLiteral("Paused"));

        // Enter on a row edits it.
        QTest::keyClick(page.view(), Qt::Key_Return);
        auto* dialog = page.findChild<TrainDialog*>(QStringLiteral("trainDialog"));
        QVERIFY(dialog);
        QCOMPARE(dialog->form()->nameEdit()->text(), QStringLiteral("Web train"));
        dialog->reject();

        // The train removed elsewhere leaves when the feed says trains changed.
        trains.summaries.removeLast();
        emit releases.releaseFeed().trainsChanged(1);
        QTRY_COMPARE(model->rowCount(), 1);
        emit releases.releaseFeed().trainsChanged(2);
        QTest::qWait(60);
        QCOMPARE(trains.listCalls, 5);

        page.setWorkspace(1, Role::Viewer);
        for (const QString& name :
             {QStringLiteral("newTrainButton"), QStringLiteral("editTrainButton"),
              QStringLiteral("pauseTrainButton"), QStringLiteral("deleteTrainButton")})
            QVERIFY2(find<QPushButton>(&page, name)->isHidden(), qPrintable(name));
        QVERIFY(!page.openEditTrain());
        QVERIFY(!page.openNewTrain());
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
            useDarkPalette();
        FakeConnectionBackend backend;
        backend.workspaceList = {{1, QStringLiteral("Acme Mobile"), Role::Owner}};
        FakeTrainBackend& trains = backend.releaseFake().trainFake();
        trains.add(sampleMobileTrain(), QStringLiteral("1.4.0"), QStringLiteral("1.5.0"));
        ReleaseConfig web = sampleWebTrain();
        web.paused = true;
        trains.add(web, QStringLiteral("2026.11.0"));
        MainWindow window(&backend);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(MainWindow::TrainsPageIndex);
        QTRY_COMPARE(window.trainsPage()->model()->rowCount(), 2);
        window.trainsPage()->view()->selectRow(0);
        const QString suffix = dark ? QStringLiteral("-dark") : QString();
        QVERIFY(!saveScreenshot(&window, QStringLiteral("trains-page") + suffix).isEmpty());
        window.showPage(MainWindow::DashboardPageIndex);
        auto* strip = find<QLabel>(&window, QStringLiteral("nextKickoffStrip"));
        QTRY_VERIFY(strip->isVisible());
        QVERIFY2(strip->text().startsWith(u"Next kickoff: Mobile train — Tue 10:00 ("),
                 qPrintable(strip->text()));
        QVERIFY(strip->toolTip().contains(u"Web train: None while paused"));
        QVERIFY(!saveScreenshot(&window, QStringLiteral("trains-dashboard") + suffix).isEmpty());

        window.showPage(MainWindow::TrainsPageIndex);
        TrainDialog* dialog = window.trainsPage()->openEditTrain();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(!saveScreenshot(dialog, QStringLiteral("train-dialog") + suffix).isEmpty());
        retype(dialog, QStringLiteral("tagPatternEdit"), QStringLiteral("v{build}"));
        retype(dialog, QStringLiteral("reminderEdit"), QStringLiteral("3w"));
        // The dialog lays out again, taller, once the event loop runs.
        QTest::qWait(100);
        QVERIFY(
            !saveScreenshot(dialog, QStringLiteral("train-dialog-problems") + suffix).isEmpty());
        dialog->reject();
    }
};

QTEST_MAIN(TestTrainsPage)
#include "tst_trainspage.moc"
