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

// The train dialog on the fake backend: every field's problem in core's words with Save
// disabled, the live preview of the next kickoff, an edit pre-filled and saved.
class TestTrainDialog : public QObject
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
        QCoreApplication::setApplicationName(QStringLiteral("tst_traindialog"));
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
        const qint64 id = backend.add(sampleMobileTrain());
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
        auto* slotEditor = find<RegressionSlotEditor>(&dialog, QStringLiteral("regressionSlots"));
        QVERIFY(!slotEditor->runs(1, 1));
        QVERIFY(slotEditor->runs(1, 2));
        QVERIFY(slotEditor->runs(0, 1));
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
};

QTEST_MAIN(TestTrainDialog)
#include "tst_traindialog.moc"
