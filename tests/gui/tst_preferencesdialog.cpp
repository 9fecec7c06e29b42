#include "AppWindowFlow.h"
#include "FakeConnectionBackend.h"
#include "FakeNotifier.h"
#include "MainWindow.h"
#include "Screenshots.h"
#include "Translations.h"
#include "WizardDriver.h"
#include "desktop/DesktopIntegration.h"
#include "desktop/DesktopSettings.h"
#include "desktop/PreferencesDialog.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QSpinBox>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// The Preferences dialog opened from the real main window (File › Preferences…, Ctrl+,) on
// the fake backend: every setting applies and is saved at once, reads back in a new
// dialog, and the orchestrate setting is one with the Releases menu's.
class TestPreferencesDialog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeConnectionBackend> m_backend;
    std::unique_ptr<AppWindowFlow> m_flow;
    std::unique_ptr<DesktopIntegration> m_desktop;

    FakeLocalOrchestrator& orchestrator() { return m_backend->releaseFake().orchestrator(); }

    PreferencesDialog* openWithShortcut()
    {
        MainWindow* window = m_flow->mainWindow();
        window->activateWindow();
        if (!QTest::qWaitForWindowActive(window))
            return nullptr;
        QTest::keyClick(window, Qt::Key_Comma, Qt::ControlModifier);
        PreferencesDialog* dialog = m_desktop->preferences();
        if (dialog && !QTest::qWaitForWindowExposed(dialog))
            return nullptr;
        return dialog;
    }

    void closeDialog(PreferencesDialog* dialog)
    {
        QPointer<PreferencesDialog> closing(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!closing);
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_preferencesdialog"));
        Translations::install(*qApp);
    }

    void init()
    {
        QSettings().clear();
        m_backend = std::make_unique<FakeConnectionBackend>();
        m_backend->onboarding = false;
        m_flow = std::make_unique<AppWindowFlow>(*m_backend);
        m_desktop = std::make_unique<DesktopIntegration>(*m_backend, *m_flow,
                                                         std::make_unique<FakeNotifier>());
        m_flow->start();
        QVERIFY(QTest::qWaitForWindowExposed(m_flow->mainWindow()));
    }

    void cleanup()
    {
        m_desktop.reset();
        m_flow.reset();
        m_backend.reset();
        QApplication::setPalette(QPalette());
    }

    void notificationKindsRoundTrip()
    {
        PreferencesDialog* dialog = openWithShortcut();
        QVERIFY(dialog);
        auto* approval = find<QCheckBox>(dialog, QStringLiteral("notifyApprovalCheck"));
        auto* completed = find<QCheckBox>(dialog, QStringLiteral("notifyCompletedCheck"));
        QVERIFY(approval->isChecked());
        QVERIFY(completed->isChecked());
        click(dialog, QStringLiteral("notifyApprovalCheck"));
        click(dialog, QStringLiteral("notifyConnectionCheck"));
        // Saved at once, before the dialog closes.
        QVERIFY(!DesktopSettings::notifies(NotificationKind::ApprovalNeeded));
        QVERIFY(!DesktopSettings::notifies(NotificationKind::ConnectionProblem));
        QVERIFY(DesktopSettings::notifies(NotificationKind::TaskFailed));
        QCOMPARE(QSettings().value(QStringLiteral("notifications/approvalNeeded")).toBool(), false);
        closeDialog(dialog);

        dialog = openWithShortcut();
        QVERIFY(dialog);
        QVERIFY(!find<QCheckBox>(dialog, QStringLiteral("notifyApprovalCheck"))->isChecked());
        QVERIFY(!find<QCheckBox>(dialog, QStringLiteral("notifyConnectionCheck"))->isChecked());
        QVERIFY(find<QCheckBox>(dialog, QStringLiteral("notifyTaskFailedCheck"))->isChecked());
        QVERIFY(find<QCheckBox>(dialog, QStringLiteral("notifyCompletedCheck"))->isChecked());
    }

    void orchestrateIsOneSettingWithTheReleasesMenu()
    {
        PreferencesDialog* dialog = openWithShortcut();
        QVERIFY(dialog);
        auto* check = find<QCheckBox>(dialog, QStringLiteral("orchestrateCheck"));
        auto* menuAction =
            m_flow->mainWindow()->findChild<QAction*>(QStringLiteral("orchestrateHereAction"));
        QVERIFY(check->isChecked());
        QVERIFY(menuAction->isChecked());
        click(dialog, QStringLiteral("orchestrateCheck"));
        QVERIFY(!orchestrator().enabled());
        QVERIFY(!menuAction->isChecked());
        // And the other way: the menu turns it on, the open dialog shows it.
        menuAction->trigger();
        QVERIFY(orchestrator().enabled());
        QVERIFY(check->isChecked());
    }

    void tickIntervalIsCheckedByCoreAndAppliedAtOnce()
    {
        PreferencesDialog* dialog = openWithShortcut();
        QVERIFY(dialog);
        auto* spin = find<QSpinBox>(dialog, QStringLiteral("tickIntervalSpin"));
        auto* message = find<QLabel>(dialog, QStringLiteral("tickIntervalMessage"));
        QCOMPARE(spin->value(), 10);
        spin->setFocus();
        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("15"));
        QTest::keyClick(spin, Qt::Key_Return);
        QCOMPARE(orchestrator().tickSeconds(), 15);
        QVERIFY(message->text().isEmpty());
        QVERIFY(dialog->isVisible());

        spin->selectAll();
        QTest::keyClicks(spin, QStringLiteral("45"));
        QTest::keyClick(spin, Qt::Key_Tab);
        QCOMPARE(orchestrator().tickSeconds(), 15);
        QVERIFY2(message->isVisible() && message->text().contains(QLatin1String("1 to 29")),
                 qPrintable(message->text()));
        QCOMPARE(spin->accessibleDescription(), message->text());
        spin->setValue(20);
        QCOMPARE(orchestrator().tickSeconds(), 20);
        QVERIFY(message->text().isEmpty());
    }

    void themeAppliesAtOnceAndRoundTrips()
    {
        const QColor systemWindow = QApplication::palette().color(QPalette::Window);
        PreferencesDialog* dialog = openWithShortcut();
        QVERIFY(dialog);
        auto* theme = find<QComboBox>(dialog, QStringLiteral("themeCombo"));
        QCOMPARE(theme->currentData().toInt(), int(Appearance::System));
        theme->setFocus();
        // Down twice: Light, then Dark (each applies as the combo activates it).
        QTest::keyClick(theme, Qt::Key_Down);
        QTest::keyClick(theme, Qt::Key_Down);
        QCOMPARE(theme->currentData().toInt(), int(Appearance::Dark));
        QCOMPARE(DesktopSettings::appearance(), Appearance::Dark);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
        closeDialog(dialog);

        dialog = openWithShortcut();
        QVERIFY(dialog);
        theme = find<QComboBox>(dialog, QStringLiteral("themeCombo"));
        QCOMPARE(theme->currentData().toInt(), int(Appearance::Dark));
        theme->setFocus();
        QTest::keyClick(theme, Qt::Key_Home);
        QCOMPARE(DesktopSettings::appearance(), Appearance::System);
        QCOMPARE(QApplication::palette().color(QPalette::Window), systemWindow);
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
        PreferencesDialog* dialog = openWithShortcut();
        QVERIFY(dialog);
        auto* spin = find<QSpinBox>(dialog, QStringLiteral("tickIntervalSpin"));
        // The inline message shows in the picture, as when a value does not fit.
        spin->setValue(45);
        dialog->adjustSize();
        QVERIFY(!saveScreenshot(dialog, dark ? QStringLiteral("preferences-dark")
                                             : QStringLiteral("preferences"))
                     .isEmpty());
    }
};

QTEST_MAIN(TestPreferencesDialog)
#include "tst_preferencesdialog.moc"
