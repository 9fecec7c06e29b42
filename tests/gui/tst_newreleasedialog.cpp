#include "FakeConnectionBackend.h"
#include "ReleaseSamples.h"
#include "Screenshots.h"
#include "Translations.h"
#include "WizardDriver.h"
#include "releases/NewReleaseDialog.h"
#include "widgets/FieldMessage.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The New release dialog on the fake backend: the version it suggests, each field's
// sentence as typed (and Create disabled meanwhile), the branch list and what happens when
// it cannot be read, a train filling the fields, a refusal that keeps the entries, the
// keyboard, and screenshots.
class TestNewReleaseDialog : public QObject
{
    Q_OBJECT

private:
    FakeConnectionBackend m_backend;

    FakeReleaseBackend& releases() { return m_backend.releaseFake(); }

    std::unique_ptr<NewReleaseDialog> openDialog()
    {
        auto dialog = std::make_unique<NewReleaseDialog>(m_backend, 1);
        dialog->show();
        if (!QTest::qWaitForWindowExposed(dialog.get()))
            qFatal("the dialog did not show");
        // Ready once the releases and the branches are read.
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(
                !find<QWidget>(dialog.get(), QStringLiteral("branchesBusy"))->isVisible(), 5000);
            QTRY_VERIFY(
                !find<QLineEdit>(dialog.get(), QStringLiteral("versionEdit"))->text().isEmpty());
        }();
        return dialog;
    }

    static QString message(QWidget* dialog, const QString& name)
    {
        auto* label = find<FieldMessage>(dialog, name);
        return label->isVisible() ? label->text() : QString();
    }

    static bool createEnabled(QWidget* dialog)
    {
        return find<QPushButton>(dialog, QStringLiteral("createReleaseButton"))->isEnabled();
    }

    static ReleaseSummary completed(qint64 id, const QString& version)
    {
        ReleaseSummary summary =
            sampleRelease(id, version, ReleaseStatus::Completed, Stage::Done, 4, 4);
        summary.release.platforms = {Platform::Ios};
        summary.release.releaseTag = QStringLiteral("v") + version;
        return summary;
    }

    static ReleaseConfig weeklyTrain()
    {
        ReleaseConfig train;
        train.id = 7;
        train.name = QStringLiteral("Web weekly");
        train.platforms = {Platform::Web};
        train.baseBranch = QStringLiteral("develop");
        train.regressionSlots = {{60, true, true}, {26 * 60, false, true}};
        train.targetSeconds = 5 * 86400;
        train.optionalTasksOn = {};
        return train;
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_newreleasedialog"));
        QSettings().clear();
        Translations::install(*qApp);
        m_backend.memberRows = {{{5,
                                  QStringLiteral("ana"),
                                  QStringLiteral("Ana Lima"),
                                  QStringLiteral("ana@example.com"),
                                  Role::Owner,
                                  {}},
                                 true},
                                {{6,
                                  QStringLiteral("bo"),
                                  QStringLiteral("Bo Chen"),
                                  QStringLiteral("bo@example.com"),
                                  Role::Viewer,
                                  {}},
                                 false}};
    }

    void init()
    {
        releases().summaries = {
            sampleRelease(3, QStringLiteral("1.5.2"), ReleaseStatus::InProgress, Stage::Kickoff, 1,
                          4),
            completed(2, QStringLiteral("1.4.0")),
            completed(1, QStringLiteral("1.3.0")),
        };
        releases().branches = {QStringLiteral("main"), QStringLiteral("develop"),
                               QStringLiteral("release/1.4.0")};
        releases().branchesError.reset();
        releases().trainConfigs.clear();
        releases().createError.reset();
        releases().drafts.clear();
    }

    void theVersionIsTheNextMinorAfterTheLatestRelease()
    {
        auto dialog = openDialog();
        QCOMPARE(find<QLineEdit>(dialog.get(), QStringLiteral("versionEdit"))->text(),
                 QStringLiteral("1.6.0"));
        // Every default is fine: Create is enabled and no field says anything (but that there
        // is no train to start from).
        QVERIFY(createEnabled(dialog.get()));
        for (const FieldMessage* shown : dialog->findChildren<FieldMessage*>()) {
            if (shown->objectName() != QLatin1String("trainNote"))
                QVERIFY2(!shown->isVisible(), qPrintable(shown->text()));
        }
        QCOMPARE(message(dialog.get(), QStringLiteral("trainNote")),
                 QStringLiteral("This workspace has no release trains yet."));
        const ReleaseDraft draft = dialog->draft();
        QCOMPARE(draft.platforms, QList<Platform>({Platform::Android, Platform::Ios}));
        QCOMPARE(draft.baseBranch, QString());
        QVERIFY(qAbs(draft.kickoffAt.secsTo(QDateTime::currentDateTimeUtc())) < 120);
        QVERIFY(!draft.targetAt.isValid());
        QVERIFY(draft.regressionSlots.isEmpty());
        // The pilot is one of the members who may run releases.
        auto* pilot = find<QComboBox>(dialog.get(), QStringLiteral("pilotCombo"));
        QTRY_COMPARE(pilot->count(), 2);
        QCOMPARE(pilot->itemText(1), QStringLiteral("Ana Lima"));
    }

    void eachMistakeSaysWhyAndDisablesCreate()
    {
        auto dialog = openDialog();
        QWidget* d = dialog.get();
        type(d, QStringLiteral("versionEdit"), QStringLiteral("1.6"));
        QVERIFY(message(d, QStringLiteral("versionMessage"))
                    .startsWith(QLatin1String("'1.6' is not a release version")));
        QVERIFY(!createEnabled(d));
        type(d, QStringLiteral("versionEdit"), QStringLiteral("1.4.0"));
        QCOMPARE(message(d, QStringLiteral("versionMessage")),
                 QStringLiteral("This workspace already has a release 1.4.0."));
        QVERIFY(!createEnabled(d));
        type(d, QStringLiteral("versionEdit"), QStringLiteral("1.6.0"));
        QCOMPARE(message(d, QStringLiteral("versionMessage")), QString());
        QVERIFY(createEnabled(d));

        find<QCheckBox>(d, QStringLiteral("platformCheckANDROID"))->setChecked(false);
        find<QCheckBox>(d, QStringLiteral("platformCheckIOS"))->setChecked(false);
        QVERIFY(message(d, QStringLiteral("platformsMessage"))
                    .contains(QLatin1String("at least one platform")));
        QVERIFY(!createEnabled(d));
        QTest::mouseClick(find<QCheckBox>(d, QStringLiteral("platformCheckWEB")), Qt::LeftButton,
                          {}, QPoint(5, 5));
        QCOMPARE(message(d, QStringLiteral("platformsMessage")), QString());
        QVERIFY(createEnabled(d));

        auto* branch = find<QComboBox>(d, QStringLiteral("baseBranchCombo"));
        branch->setFocus();
        QTest::keyClicks(branch, QStringLiteral("my branch"));
        QVERIFY(message(d, QStringLiteral("baseBranchMessage")).contains(QLatin1String("space")));
        QVERIFY(!createEnabled(d));
        branch->clearEditText();
        QVERIFY(createEnabled(d));

        auto* kickoff = find<QDateTimeEdit>(d, QStringLiteral("kickoffEdit"));
        auto* target = find<QDateTimeEdit>(d, QStringLiteral("targetEdit"));
        QVERIFY(!target->isEnabled());
        find<QCheckBox>(d, QStringLiteral("targetCheck"))->setChecked(true);
        QVERIFY(target->isEnabled());
        target->setDateTime(kickoff->dateTime().addSecs(-3600));
        QVERIFY(message(d, QStringLiteral("targetMessage"))
                    .contains(QLatin1String("is not after the kickoff")));
        QVERIFY(!createEnabled(d));
        target->setDateTime(kickoff->dateTime().addDays(3));
        QVERIFY(createEnabled(d));

        click(d, QStringLiteral("addSlotButton"));
        click(d, QStringLiteral("addSlotButton"));
        auto* second = find<QDateTimeEdit>(d, QStringLiteral("slotTimeEdit2"));
        QCOMPARE(find<QDateTimeEdit>(d, QStringLiteral("slotTimeEdit1"))->dateTime(),
                 kickoff->dateTime().addDays(1));
        QCOMPARE(second->dateTime(), kickoff->dateTime().addDays(2));
        QVERIFY(createEnabled(d));
        second->setDateTime(kickoff->dateTime().addDays(4));
        QTRY_VERIFY(message(d, QStringLiteral("slotMessage2"))
                        .contains(QLatin1String("is after the target")));
        QVERIFY(!createEnabled(d));
        second->setDateTime(kickoff->dateTime().addDays(-1));
        QVERIFY(
            message(d, QStringLiteral("slotMessage2")).contains(QLatin1String("is in the past")));
        click(d, QStringLiteral("removeSlotButton2"));
        QTRY_VERIFY(!d->findChild<QWidget*>(QStringLiteral("slotRow2")));
        QCOMPARE(dialog->draft().regressionSlots.size(), 1);
        QVERIFY(createEnabled(d));
    }

    void theBranchesLoadAndATypedBranchWorksWhenTheyCannot()
    {
        {
            auto dialog = std::make_unique<NewReleaseDialog>(m_backend, 1);
            dialog->show();
            // Busy while the branches are on their way, then offered with completion.
            QVERIFY(find<QWidget>(dialog.get(), QStringLiteral("branchesBusy"))->isVisible());
            QCOMPARE(message(dialog.get(), QStringLiteral("branchesNote")),
                     QStringLiteral("Reading the repository's branches…"));
            auto* branch = find<QComboBox>(dialog.get(), QStringLiteral("baseBranchCombo"));
            QTRY_COMPARE(branch->count(), 3);
            QVERIFY(!find<QWidget>(dialog.get(), QStringLiteral("branchesBusy"))->isVisible());
            QCOMPARE(message(dialog.get(), QStringLiteral("branchesNote")), QString());
            QCOMPARE(branch->itemText(2), QStringLiteral("release/1.4.0"));
            QVERIFY(branch->completer());
            branch->setCurrentIndex(1);
            QCOMPARE(dialog->draft().baseBranch, QStringLiteral("develop"));
        }
        releases().branchesError =
            Error::unavailable(QStringLiteral("GitHub did not answer (connection refused)."));
        auto dialog = openDialog();
        QVERIFY(message(dialog.get(), QStringLiteral("branchesNote"))
                    .startsWith(
                        QLatin1String("The branches could not be read: GitHub did not answer")));
        auto* branch = find<QComboBox>(dialog.get(), QStringLiteral("baseBranchCombo"));
        QCOMPARE(branch->count(), 0);
        branch->setFocus();
        QTest::keyClicks(branch, QStringLiteral("hotfix/login"));
        QVERIFY(createEnabled(dialog.get()));
        click(dialog.get(), QStringLiteral("createReleaseButton"));
        QTRY_COMPARE(releases().drafts.size(), 1);
        QCOMPARE(releases().drafts.constFirst().baseBranch, QStringLiteral("hotfix/login"));
    }

    void aTrainFillsTheFieldsAndTheReleaseIsMadeThroughIt()
    {
        ReleaseSummary fromTrain =
            sampleRelease(4, QStringLiteral("3.2.0"), ReleaseStatus::Completed, Stage::Done, 4, 4);
        fromTrain.release.configId = 7;
        releases().summaries.prepend(fromTrain);
        releases().trainConfigs = {weeklyTrain()};
        auto dialog = openDialog();
        QWidget* d = dialog.get();
        auto* train = find<QComboBox>(d, QStringLiteral("trainCombo"));
        QTRY_COMPARE(train->count(), 2);
        QVERIFY(train->isEnabled());
        train->setFocus();
        QTest::keyClick(train, Qt::Key_Down);
        QCOMPARE(train->currentText(), QStringLiteral("Web weekly"));

        // The train's next version, platforms, branch, target and slots (offsets from kickoff).
        QCOMPARE(find<QLineEdit>(d, QStringLiteral("versionEdit"))->text(),
                 QStringLiteral("3.3.0"));
        QVERIFY(!find<QCheckBox>(d, QStringLiteral("platformCheckANDROID"))->isChecked());
        QVERIFY(find<QCheckBox>(d, QStringLiteral("platformCheckWEB"))->isChecked());
        QCOMPARE(find<QComboBox>(d, QStringLiteral("baseBranchCombo"))->currentText(),
                 QStringLiteral("develop"));
        const QDateTime kickoff = find<QDateTimeEdit>(d, QStringLiteral("kickoffEdit"))->dateTime();
        QVERIFY(find<QCheckBox>(d, QStringLiteral("targetCheck"))->isChecked());
        QCOMPARE(find<QDateTimeEdit>(d, QStringLiteral("targetEdit"))->dateTime(),
                 kickoff.addDays(5));
        QCOMPARE(find<QDateTimeEdit>(d, QStringLiteral("slotTimeEdit1"))->dateTime(),
                 kickoff.addSecs(3600));
        QCOMPARE(find<QDateTimeEdit>(d, QStringLiteral("slotTimeEdit2"))->dateTime(),
                 kickoff.addSecs(26 * 3600));
        QVERIFY(!find<QCheckBox>(d, QStringLiteral("slotBuildCheck2"))->isChecked());
        QVERIFY(find<QCheckBox>(d, QStringLiteral("slotAutomationCheck2"))->isChecked());
        for (const QCheckBox* task : d->findChildren<QCheckBox*>()) {
            if (task->objectName().startsWith(QLatin1String("optionalTaskCheck")))
                QVERIFY2(!task->isChecked(), qPrintable(task->objectName()));
        }
        // A train's release is planned, never a hotfix.
        QVERIFY(!find<QComboBox>(d, QStringLiteral("typeCombo"))->isEnabled());

        QVERIFY(createEnabled(d));
        click(d, QStringLiteral("createReleaseButton"));
        QTRY_COMPARE(releases().drafts.size(), 1);
        const ReleaseDraft sent = releases().drafts.constFirst();
        QCOMPARE(sent.train, QStringLiteral("Web weekly"));
        QCOMPARE(sent.version, QStringLiteral("3.3.0"));
        QCOMPARE(sent.platforms, QList<Platform>({Platform::Web}));
        QCOMPARE(sent.regressionSlots.size(), 2);
        QVERIFY(!sent.regressionSlots.at(1).runBuild);
        QCOMPARE(sent.optionalTasksOn, std::optional<QList<TaskType>>(QList<TaskType>()));
    }

    void aHotfixNamesTheReleaseItFixesAndConfirmsAnOlderOne()
    {
        releases().summaries.prepend(completed(5, QStringLiteral("1.5.0")));
        auto dialog = openDialog();
        QWidget* d = dialog.get();
        auto* kind = find<QComboBox>(d, QStringLiteral("typeCombo"));
        kind->setCurrentIndex(1);
        auto* fixes = find<QComboBox>(d, QStringLiteral("fixesCombo"));
        QVERIFY(fixes->isVisible());
        QCOMPARE(fixes->currentText(), QStringLiteral("1.5.0"));
        QCOMPARE(find<QLineEdit>(d, QStringLiteral("versionEdit"))->text(),
                 QStringLiteral("1.5.1"));
        QVERIFY(!find<QComboBox>(d, QStringLiteral("baseBranchCombo"))->isEnabled());
        QVERIFY(createEnabled(d));
        fixes->setCurrentIndex(fixes->findText(QStringLiteral("1.4.0")));
        QCOMPARE(find<QLineEdit>(d, QStringLiteral("versionEdit"))->text(),
                 QStringLiteral("1.4.1"));
        QCOMPARE(message(d, QStringLiteral("hotfixMessage")),
                 QStringLiteral("1.5.0 was released after 1.4.0; confirm that this hotfix is of "
                                "1.4.0."));
        QVERIFY(!createEnabled(d));
        auto* force = find<QCheckBox>(d, QStringLiteral("forceHotfixCheck"));
        QVERIFY(force->isVisible());
        force->setChecked(true);
        QVERIFY(createEnabled(d));
        type(d, QStringLiteral("versionEdit"), QStringLiteral("1.5.1"));
        QVERIFY(message(d, QStringLiteral("versionMessage"))
                    .startsWith(QLatin1String("A hotfix of 1.4.0 must be a patch above it")));
        QVERIFY(!createEnabled(d));
        type(d, QStringLiteral("versionEdit"), QStringLiteral("1.4.1"));
        QTest::keyClick(find<QLineEdit>(d, QStringLiteral("versionEdit")), Qt::Key_Return);
        QTRY_COMPARE(releases().drafts.size(), 1);
        QCOMPARE(releases().drafts.constFirst().hotfixOf, QStringLiteral("1.4.0"));
        QVERIFY(releases().drafts.constFirst().force);
        QVERIFY(releases().drafts.constFirst().baseBranch.isEmpty());
    }

    void aRefusalIsShownAndTheEntriesStay()
    {
        releases().createError =
            Error::usage(QStringLiteral("The regression slot at 2026-12-09 10:00 UTC is after the "
                                        "target 2026-12-08 10:00 UTC."));
        auto dialog = openDialog();
        QWidget* d = dialog.get();
        QSignalSpy created(dialog.get(), &NewReleaseDialog::created);
        type(d, QStringLiteral("versionEdit"), QStringLiteral("1.7.0"));
        click(d, QStringLiteral("addSlotButton"));
        // Enter creates.
        QTest::keyClick(find<QLineEdit>(d, QStringLiteral("versionEdit")), Qt::Key_Return);
        QTRY_COMPARE(releases().drafts.size(), 1);
        QTRY_VERIFY(message(d, QStringLiteral("newReleaseError"))
                        .startsWith(QLatin1String("The regression slot at")));
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Rejected));
        QCOMPARE(created.size(), 0);
        QCOMPARE(find<QLineEdit>(d, QStringLiteral("versionEdit"))->text(),
                 QStringLiteral("1.7.0"));
        QCOMPARE(dialog->draft().regressionSlots.size(), 1);
        QVERIFY(find<QLineEdit>(d, QStringLiteral("versionEdit"))->isEnabled());
        QVERIFY(createEnabled(d));
        QTRY_VERIFY(find<QWidget>(d, QStringLiteral("slotRow1"))->isVisible());
        QVERIFY(!saveScreenshot(d, QStringLiteral("new-release-refused")).isEmpty());

        releases().createError.reset();
        click(d, QStringLiteral("createReleaseButton"));
        QTRY_COMPARE(created.size(), 1);
        QCOMPARE(created.constFirst().constFirst().value<Release>().version,
                 QStringLiteral("1.7.0"));
        QVERIFY(!dialog->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
    }

    void escapeCancelsAndEveryWidgetIsNamed()
    {
        auto dialog = openDialog();
        click(dialog.get(), QStringLiteral("addSlotButton"));
        for (QWidget* widget : dialog->findChildren<QWidget*>()) {
            if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisible() ||
                widget->objectName().startsWith(QLatin1String("qt_")) ||
                (qobject_cast<QLineEdit*>(widget) && qobject_cast<QComboBox*>(widget->parent())))
                continue;
            QVERIFY2(!widget->objectName().isEmpty(), widget->metaObject()->className());
            QVERIFY2(!widget->accessibleName().isEmpty(), qPrintable(widget->objectName()));
        }
        QTest::keyClick(find<QLineEdit>(dialog.get(), QStringLiteral("versionEdit")),
                        Qt::Key_Escape);
        QVERIFY(!dialog->isVisible());
        QCOMPARE(dialog->result(), int(QDialog::Rejected));
        QVERIFY(releases().drafts.isEmpty());
    }

    void tabGoesDownTheFormWithAddedSlots()
    {
        auto dialog = openDialog();
        click(dialog.get(), QStringLiteral("addSlotButton"));
        QTRY_VERIFY(find<QWidget>(dialog.get(), QStringLiteral("slotRow1"))->isVisible());
        QWidget* at = find<QWidget>(dialog.get(), QStringLiteral("versionEdit"));
        QStringList seen;
        for (int i = 0; i < 40 && at->objectName() != QLatin1String("cancelButton"); ++i) {
            seen.append(at->objectName());
            at = at->nextInFocusChain();
            while (!(at->focusPolicy() & Qt::TabFocus) || !at->isVisibleTo(dialog.get()) ||
                   !at->isEnabled())
                at = at->nextInFocusChain();
        }
        const auto before = [&seen](const char* first, const char* second) {
            const qsizetype a = seen.indexOf(QString::fromLatin1(first));
            const qsizetype b = seen.indexOf(QString::fromLatin1(second));
            return a >= 0 && b >= 0 && a < b;
        };
        const QString order = seen.join(u' ');
        QVERIFY2(before("versionEdit", "platformCheckANDROID"), qPrintable(order));
        QVERIFY2(before("platformCheckWEB", "baseBranchCombo"), qPrintable(order));
        QVERIFY2(before("kickoffEdit", "slotTimeEdit1"), qPrintable(order));
        QVERIFY2(before("removeSlotButton1", "addSlotButton"), qPrintable(order));
        QVERIFY2(before("addSlotButton", "pilotCombo"), qPrintable(order));
        QVERIFY2(before("pilotCombo", "optionalTaskCheckCREATE_RELEASE_NOTES"), qPrintable(order));
        QVERIFY2(before("optionalTaskCheckCREATE_RELEASE_NOTES", "createReleaseButton"),
                 qPrintable(order));
    }

    void screenshots_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<bool>("error");
        QTest::newRow("defaults light") << false << false;
        QTest::newRow("defaults dark") << true << false;
        QTest::newRow("error light") << false << true;
        QTest::newRow("error dark") << true << true;
    }

    void screenshots()
    {
        QFETCH(bool, dark);
        QFETCH(bool, error);
        if (dark)
            useDarkPalette();
        releases().trainConfigs = {weeklyTrain()};
        auto dialog = openDialog();
        QWidget* d = dialog.get();
        if (error) {
            type(d, QStringLiteral("versionEdit"), QStringLiteral("1.4.0"));
            click(d, QStringLiteral("addSlotButton"));
            find<QCheckBox>(d, QStringLiteral("targetCheck"))->setChecked(true);
            click(d, QStringLiteral("addSlotButton"));
            auto* kickoff = find<QDateTimeEdit>(d, QStringLiteral("kickoffEdit"));
            find<QDateTimeEdit>(d, QStringLiteral("slotTimeEdit2"))
                ->setDateTime(kickoff->dateTime().addDays(9));
            QTRY_VERIFY(find<FieldMessage>(d, QStringLiteral("slotMessage2"))->isVisible());
        }
        // It fits a 1280×800 screen.
        QVERIFY2(d->height() <= 760, qPrintable(QString::number(d->height())));
        const QString name = QStringLiteral("new-release-%1%2")
                                 .arg(error ? QStringLiteral("error") : QStringLiteral("defaults"),
                                      dark ? QStringLiteral("-dark") : QString());
        QVERIFY(!saveScreenshot(d, name).isEmpty());
        if (dark)
            QApplication::setPalette(QPalette());
    }
};

QTEST_MAIN(TestNewReleaseDialog)
#include "tst_newreleasedialog.moc"
