#include "FakeConnectionBackend.h"
#include "MainWindow.h"
#include "Screenshots.h"
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

// The train dialog and the Trains page on the fake backend: every field's problem in core's
// words with Save disabled, the live preview of the next kickoff, an edit pre-filled and
// saved, the page's buttons by role, Delete asking first and showing the service's refusal,
// pause and resume; screenshots of both, light and dark.
class TestTrains : public QObject
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

    // A train as the CLI would have made it: Tue 10:00 Berlin every 2 weeks, slots, target.
    static ReleaseConfig mobileTrain()
    {
        ReleaseConfig train;
        train.name = QStringLiteral("Mobile train");
        train.platforms = {Platform::Android, Platform::Ios};
        train.baseBranch = QStringLiteral("develop");
        train.branchPattern = QStringLiteral("rel/{version}");
        train.kickoffWeekday = 2;
        train.kickoffTime = QTime(10, 0);
        train.timeZone = QStringLiteral("Europe/Berlin");
        train.repeatWeeks = 2;
        train.reminderSeconds = 2 * 3600;
        train.targetSeconds = 7 * 86400;
        train.regressionSlots = {{24 * 60, true, true}, {50 * 60, false, true}};
        train.optionalTasksOn = {};
        train.autoMoveToRegression = false;
        train.autoMoveToPreRelease = true;
        train.versionBump = VersionBump::Patch;
        return train;
    }

    static ReleaseConfig webTrain()
    {
        ReleaseConfig train;
        train.name = QStringLiteral("Web train");
        train.platforms = {Platform::Web};
        train.baseBranch = QStringLiteral("main");
        train.kickoffWeekday = 4;
        train.kickoffTime = QTime(15, 30);
        train.timeZone = QStringLiteral("America/New_York");
        return train;
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_trains"));
        QSettings().clear();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        Translations::install(*qApp);
    }

    void everyInvalidFieldSaysCoresSentenceAndDisablesSave()
    {
        FakeTrainBackend backend;
        TrainDialog dialog(backend, 1, TrainDialog::newTrain());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QPushButton* save = dialog.saveButton();
        // A new train has no name and no platform yet: nothing to save, nothing said yet.
        QVERIFY(!save->isEnabled());
        QVERIFY(message(&dialog, QStringLiteral("trainNameEdit")).isEmpty());
        QTest::keyClicks(find<QLineEdit>(&dialog, QStringLiteral("trainNameEdit")),
                         QStringLiteral("Mobile train"));
        find<QCheckBox>(&dialog, QStringLiteral("platformANDROIDCheck"))->click();
        QVERIFY(save->isEnabled());

        struct Case
        {
            QString edit;
            QString bad;
            QString good;
            QString sentence;
        };
        const QList<Case> cases{
            {QStringLiteral("trainNameEdit"), QString(), QStringLiteral("Mobile train"),
             QStringLiteral("A release train needs a name.")},
            {QStringLiteral("baseBranchEdit"), QStringLiteral("my branch"), QStringLiteral("main"),
             QStringLiteral("The base branch 'my branch' contains a space; branch and tag names "
                            "cannot.")},
            {QStringLiteral("branchPatternEdit"), QStringLiteral("release/{build}"),
             QStringLiteral("release/{version}"),
             QStringLiteral("{build} is not a placeholder of a branch pattern; it takes {version} "
                            "(e.g. release/{version}).")},
            {QStringLiteral("tagPatternEdit"), QStringLiteral("v1"), QStringLiteral("v{version}"),
             QStringLiteral("The tag pattern needs {version}, e.g. v{version}.")},
            {QStringLiteral("rcTagPatternEdit"), QStringLiteral("v{version}-rc"),
             QStringLiteral("v{version}-rc.{cycle}"),
             QStringLiteral("The RC tag pattern needs {cycle}, e.g. v{version}-rc.{cycle}.")},
            {QStringLiteral("reminderEdit"), QStringLiteral("soon"), QStringLiteral("1h"),
             QStringLiteral("'soon' is not a duration like 30m, 2h or 3d.")},
            {QStringLiteral("reminderEdit"), QStringLiteral("2w"), QStringLiteral("1h"),
             QStringLiteral("The kickoff reminder must come less than the train's repeat period "
                            "(1w) before the kickoff.")},
            {QStringLiteral("targetAfterEdit"), QStringLiteral("a week"), QString(),
             QStringLiteral("'a week' is not a duration like 30m, 2h or 3d.")},
        };
        for (const Case& each : cases) {
            retype(&dialog, each.edit, each.bad);
            QCOMPARE(message(&dialog, each.edit), each.sentence);
            QVERIFY2(!save->isEnabled(), qPrintable(each.edit));
            retype(&dialog, each.edit, each.good);
            QVERIFY2(message(&dialog, each.edit).isEmpty(), qPrintable(each.edit));
            QVERIFY2(save->isEnabled(), qPrintable(each.edit));
        }

        find<QCheckBox>(&dialog, QStringLiteral("platformANDROIDCheck"))->click();
        QCOMPARE(message(&dialog, QStringLiteral("trainPlatforms")),
                 QStringLiteral("A release train needs at least one platform: ANDROID, IOS or "
                                "WEB."));
        QVERIFY(!save->isEnabled());
        find<QCheckBox>(&dialog, QStringLiteral("platformANDROIDCheck"))->click();
        QVERIFY(save->isEnabled());

        auto* zone = find<QComboBox>(&dialog, QStringLiteral("timeZoneCombo"));
        zone->setEditText(QStringLiteral("Mars/Olympus"));
        QCOMPARE(message(&dialog, QStringLiteral("timeZoneCombo")),
                 QStringLiteral("'Mars/Olympus' is not an IANA time zone such as Europe/Berlin or "
                                "America/New_York."));
        QVERIFY(!save->isEnabled());
        QVERIFY(dialog.preview()->text().contains(u"the schedule is not complete"));
        zone->setEditText(QStringLiteral("Europe/Berlin"));
        QVERIFY(save->isEnabled());

        auto* every = find<QSpinBox>(&dialog, QStringLiteral("everyWeeksSpin"));
        every->setValue(53);
        QCOMPARE(message(&dialog, QStringLiteral("everyWeeksSpin")),
                 QStringLiteral("A train repeats every 1 to 52 weeks."));
        QVERIFY(!save->isEnabled());
        every->setValue(2);
        QVERIFY(save->isEnabled());

        // Two slots a day after kickoff, then one after the target.
        auto* slotEditor = find<RegressionSlotEditor>(&dialog, QStringLiteral("regressionSlots"));
        QTableWidget* table = slotEditor->table();
        find<QPushButton>(&dialog, QStringLiteral("addSlotButton"))->click();
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("+1d"));
        QVERIFY(save->isEnabled());
        find<QPushButton>(&dialog, QStringLiteral("addSlotButton"))->click();
        QCOMPARE(table->item(1, 0)->text(), QStringLiteral("+2d"));
        table->item(1, 0)->setText(QStringLiteral("+24h"));
        QCOMPARE(message(&dialog, QStringLiteral("regressionSlots")),
                 QStringLiteral("Two regression slots are at +1d."));
        QVERIFY(!save->isEnabled());
        table->item(1, 0)->setText(QStringLiteral("tomorrow"));
        QCOMPARE(message(&dialog, QStringLiteral("regressionSlots")),
                 QStringLiteral("'tomorrow' is not a regression slot offset: use +DURATION after "
                                "kickoff, e.g. +1d or +26h."));
        table->item(1, 0)->setText(QStringLiteral("+4d"));
        QVERIFY(message(&dialog, QStringLiteral("regressionSlots")).isEmpty());
        retype(&dialog, QStringLiteral("targetAfterEdit"), QStringLiteral("3d"));
        QCOMPARE(message(&dialog, QStringLiteral("regressionSlots")),
                 QStringLiteral("The regression slot at +4d is after the target (+3d)."));
        QVERIFY(!save->isEnabled());
        table->setCurrentCell(1, 0);
        find<QPushButton>(&dialog, QStringLiteral("removeSlotButton"))->click();
        QCOMPARE(table->rowCount(), 1);
        QVERIFY(save->isEnabled());

        // Saved as typed; the service's own refusal would stay in the dialog.
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(backend.created.size(), 1);
        const ReleaseConfig& sent = backend.created.constFirst();
        QCOMPARE(sent.name, QStringLiteral("Mobile train"));
        QCOMPARE(sent.platforms, QList<Platform>{Platform::Android});
        QCOMPARE(sent.timeZone, QStringLiteral("Europe/Berlin"));
        QCOMPARE(sent.repeatWeeks, 2);
        QCOMPARE(sent.targetSeconds, 3 * 86400);
        QCOMPARE(sent.regressionSlots, (QList<RegressionSlotPlan>{{24 * 60, true, true}}));
        QVERIFY(sent.autoMoveToRegression);
        QVERIFY(!sent.autoMoveToPreRelease);
        QCOMPARE(dialog.saved().name, QStringLiteral("Mobile train"));
    }

    void thePreviewShowsTheNextKickoffAsTyped()
    {
        FakeTrainBackend backend;
        TrainDialog dialog(backend, 1, TrainDialog::newTrain());
        // Wednesday 2 December 2026, noon UTC.
        dialog.setNow(QDateTime(QDate(2026, 12, 2), QTime(12, 0), QTimeZone::utc()));
        dialog.show();
        find<QComboBox>(&dialog, QStringLiteral("kickoffWeekdayCombo"))->setCurrentIndex(1);
        find<QTimeEdit>(&dialog, QStringLiteral("kickoffTimeEdit"))->setTime(QTime(10, 0));
        auto* zone = find<QComboBox>(&dialog, QStringLiteral("timeZoneCombo"));
        zone->setEditText(QStringLiteral("Europe/Berlin"));
        QVERIFY2(dialog.preview()->text().startsWith(
                     u"Next kickoff: Tue 8 Dec 2026 10:00 Europe/Berlin ("),
                 qPrintable(dialog.preview()->text()));
        QVERIFY(dialog.preview()->text().contains(u"The release is created Tue 09:00."));
        zone->setEditText(QStringLiteral("America/New_York"));
        QVERIFY2(dialog.preview()->text().startsWith(
                     u"Next kickoff: Tue 8 Dec 2026 10:00 America/New_York ("),
                 qPrintable(dialog.preview()->text()));
        // Noon has passed on Wednesday: a Wednesday kickoff at 09:00 is next week's.
        find<QComboBox>(&dialog, QStringLiteral("kickoffWeekdayCombo"))->setCurrentIndex(2);
        find<QTimeEdit>(&dialog, QStringLiteral("kickoffTimeEdit"))->setTime(QTime(9, 0));
        zone->setEditText(QStringLiteral("UTC"));
        QVERIFY2(dialog.preview()->text().startsWith(u"Next kickoff: Wed 9 Dec 2026 09:00 UTC ("),
                 qPrintable(dialog.preview()->text()));
    }

    void anEditIsPrefilledAndSavesTheTrain()
    {
        FakeTrainBackend backend;
        const qint64 id = backend.add(mobileTrain());
        const ReleaseConfig stored = backend.summaries.constFirst().train;
        TrainDialog dialog(backend, 1, stored);
        dialog.show();
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Edit Train Mobile train"));
        QCOMPARE(find<QLineEdit>(&dialog, QStringLiteral("trainNameEdit"))->text(),
                 QStringLiteral("Mobile train"));
        QVERIFY(find<QCheckBox>(&dialog, QStringLiteral("platformANDROIDCheck"))->isChecked());
        QVERIFY(find<QCheckBox>(&dialog, QStringLiteral("platformIOSCheck"))->isChecked());
        QVERIFY(!find<QCheckBox>(&dialog, QStringLiteral("platformWEBCheck"))->isChecked());
        QCOMPARE(find<QLineEdit>(&dialog, QStringLiteral("baseBranchEdit"))->text(),
                 QStringLiteral("develop"));
        QCOMPARE(find<QLineEdit>(&dialog, QStringLiteral("branchPatternEdit"))->text(),
                 QStringLiteral("rel/{version}"));
        QCOMPARE(find<QComboBox>(&dialog, QStringLiteral("kickoffWeekdayCombo"))->currentData(),
                 QVariant(2));
        QCOMPARE(find<QTimeEdit>(&dialog, QStringLiteral("kickoffTimeEdit"))->time(), QTime(10, 0));
        QCOMPARE(find<QComboBox>(&dialog, QStringLiteral("timeZoneCombo"))->currentText(),
                 QStringLiteral("Europe/Berlin"));
        QCOMPARE(find<QSpinBox>(&dialog, QStringLiteral("everyWeeksSpin"))->value(), 2);
        QCOMPARE(find<QLineEdit>(&dialog, QStringLiteral("reminderEdit"))->text(),
                 QStringLiteral("2h"));
        QCOMPARE(find<QLineEdit>(&dialog, QStringLiteral("targetAfterEdit"))->text(),
                 QStringLiteral("1w"));
        QTableWidget* slotTable =
            find<QTableWidget>(&dialog, QStringLiteral("regressionSlotTable"));
        QCOMPARE(slotTable->rowCount(), 2);
        QCOMPARE(slotTable->item(1, 0)->text(), QStringLiteral("+50h"));
        QCOMPARE(slotTable->item(1, 1)->checkState(), Qt::Unchecked);
        QVERIFY(!find<QCheckBox>(&dialog, QStringLiteral("autoRegressionCheck"))->isChecked());
        QVERIFY(find<QCheckBox>(&dialog, QStringLiteral("autoPreReleaseCheck"))->isChecked());
        QCOMPARE(find<QComboBox>(&dialog, QStringLiteral("versionBumpCombo"))->currentData(),
                 QVariant(int(VersionBump::Patch)));
        QVERIFY(dialog.saveButton()->isEnabled());
        retype(&dialog, QStringLiteral("trainNameEdit"), QStringLiteral("Mobile"));
        QTest::mouseClick(dialog.saveButton(), Qt::LeftButton);
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(backend.updated.size(), 1);
        ReleaseConfig expected = stored;
        expected.name = QStringLiteral("Mobile");
        expected.targets.clear();
        const ReleaseConfig& sent = backend.updated.constFirst();
        QCOMPARE(sent.id, id);
        QCOMPARE(sent.name, expected.name);
        QCOMPARE(sent.regressionSlots, expected.regressionSlots);
        QCOMPARE(sent.scheduleAnchor, expected.scheduleAnchor);
        QCOMPARE(sent.reminderSeconds, expected.reminderSeconds);
        QCOMPARE(sent.versionBump, expected.versionBump);
    }

    void thePageListsTrainsAndEditorsActOnThem()
    {
        FakeReleaseBackend releases;
        FakeTrainBackend& trains = releases.trainFake();
        const qint64 mobile =
            trains.add(mobileTrain(), QStringLiteral("1.4.0"), QStringLiteral("1.5.0"));
        ReleaseConfig web = webTrain();
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
        trains.add(mobileTrain(), QStringLiteral("1.4.0"), QStringLiteral("1.5.0"));
        ReleaseConfig web = webTrain();
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
        QVERIFY(
            !saveScreenshot(dialog, QStringLiteral("train-dialog-problems") + suffix).isEmpty());
        dialog->reject();
    }
};

QTEST_MAIN(TestTrains)
#include "tst_trains.moc"
