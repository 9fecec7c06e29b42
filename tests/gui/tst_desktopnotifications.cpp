#include "AppWindowFlow.h"
#include "FakeConnectionBackend.h"
#include "FakeNotifier.h"
#include "MainWindow.h"
#include "ReleaseSamples.h"
#include "Screenshots.h"
#include "Translations.h"
#include "desktop/DesktopIntegration.h"
#include "desktop/DesktopSettings.h"
#include "desktop/ReleaseTray.h"
#include "desktop/WorkspaceWatch.h"

#include <QAction>
#include <QApplication>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

constexpr qint64 Ana = 7; // the signed-in person
constexpr qint64 Bea = 9; // a teammate
const QString AnaLogin = QStringLiteral("ana@laptop");

} // namespace

// The desktop notifications and the tray menu, wired as the app wires them (AppWindowFlow,
// the real main window, DesktopIntegration) on the fake backend, with a fake notifier.
// Events arrive through the feed the way other instances and people write them.
class TestDesktopNotifications : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<FakeConnectionBackend> m_backend;
    std::unique_ptr<AppWindowFlow> m_flow;
    std::unique_ptr<DesktopIntegration> m_desktop;
    FakeNotifier* m_notifier = nullptr;
    qint64 m_nextId = 100;

    FakeReleaseBackend& releases() { return m_backend->releaseFake(); }

    static Event event(const QString& kind, qint64 accountId, const QString& actor,
                       qint64 releaseId = 3)
    {
        Event e;
        e.workspaceId = 1;
        e.releaseId = releaseId;
        e.accountId = accountId;
        e.actor = actor;
        e.kind = kind;
        e.message = QStringLiteral("%1 by %2").arg(kind, actor);
        e.data = {{QStringLiteral("version"), QStringLiteral("2.4.0")}};
        return e;
    }

    // Written by someone, with an id of its own.
    Event record(Event e)
    {
        e.id = ++m_nextId;
        releases().record(e);
        return e;
    }

    // Until the feed has read everything recorded so far.
    bool feedCaughtUp()
    {
        const qint64 wanted = releases().seq();
        for (const auto& [workspace, after] : std::as_const(releases().changesCalls)) {
            if (workspace == 1 && after >= wanted)
                return true;
        }
        return false;
    }

    void startApp()
    {
        m_flow->start();
        QVERIFY(m_flow->mainWindow());
        QTRY_COMPARE(m_desktop->watch().followedWorkspaces(), QList<qint64>{1});
    }

    QStringList menuNames() const
    {
        QStringList names;
        for (QAction* action : m_desktop->tray().menu()->actions())
            names.append(action->objectName());
        return names;
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_desktopnotifications"));
        Translations::install(*qApp);
    }

    void init()
    {
        QSettings().clear();
        m_backend = std::make_unique<FakeConnectionBackend>();
        m_backend->onboarding = false;
        m_backend->currentStatus.accountId = Ana;
        m_backend->currentStatus.login = AnaLogin;
        m_backend->databaseHealth().start(m_backend->currentStatus);
        m_flow = std::make_unique<AppWindowFlow>(*m_backend);
        auto notifier = std::make_unique<FakeNotifier>();
        m_notifier = notifier.get();
        m_desktop = std::make_unique<DesktopIntegration>(*m_backend, *m_flow, std::move(notifier));
        m_desktop->watch().setInterval(std::chrono::milliseconds(30));
    }

    void cleanup()
    {
        m_desktop.reset();
        m_flow.reset();
        m_backend.reset();
    }

    void approvalFromElsewhereIsNotifiedOnce_data()
    {
        QTest::addColumn<qint64>("account");
        QTest::addColumn<QString>("actor");
        QTest::newRow("a teammate's orchestrator on a build host")
            << Bea << QStringLiteral("orchestrator@build-01");
        // The orchestrator of this app (or of the person's other computer) runs under the
        // person's account, but what it does is not the person's action.
        QTest::newRow("an orchestrator under the person's own account")
            << Ana << QStringLiteral("orchestrator@laptop");
    }

    void approvalFromElsewhereIsNotifiedOnce()
    {
        QFETCH(qint64, account);
        QFETCH(QString, actor);
        startApp();
        const Event awaiting =
            record(event(QStringLiteral("release.awaiting_approval"), account, actor));
        QTRY_COMPARE(m_notifier->shown.size(), 1);
        // The feed delivers the same event again (read twice after a retry).
        releases().record(awaiting);
        record(event(QStringLiteral("release.stage_changed"), Bea, actor));
        QTRY_VERIFY(feedCaughtUp());
        QTest::qWait(100);
        QCOMPARE(m_notifier->shown.size(), 1);
        const FakeNotifier::Shown& shown = m_notifier->shown.first();
        QVERIFY2(shown.title.contains(QLatin1String("2.4.0")), qPrintable(shown.title));
        QCOMPARE(shown.body, awaiting.message);
        QCOMPARE(shown.workspaceId, 1);
        QCOMPARE(shown.releaseId, 3);
    }

    void thePersonsOwnActionsAreNotNotified()
    {
        startApp();
        // Ana approves; the release moves on and at once waits at the next gate, all
        // recorded under her account and login in the same transaction.
        record(event(QStringLiteral("release.approved"), Ana, AnaLogin));
        record(event(QStringLiteral("release.awaiting_approval"), Ana, AnaLogin));
        record(event(QStringLiteral("release.completed"), Ana, AnaLogin));
        // Then something by someone else, read after them.
        record(event(QStringLiteral("task.failed"), Bea, QStringLiteral("orchestrator@build-01")));
        QTRY_COMPARE(m_notifier->shown.size(), 1);
        QTRY_VERIFY(feedCaughtUp());
        QCOMPARE(m_notifier->shown.size(), 1);
        QVERIFY2(m_notifier->shown.first().title.contains(QLatin1String("failed")),
                 qPrintable(m_notifier->shown.first().title));
    }

    void aKindTurnedOffIsSilentAtOnce()
    {
        startApp();
        DesktopSettings::setNotifies(NotificationKind::ApprovalNeeded, false);
        record(event(QStringLiteral("release.awaiting_approval"), Bea, QStringLiteral("bea")));
        record(event(QStringLiteral("release.completed"), Bea, QStringLiteral("bea")));
        QTRY_COMPARE(m_notifier->shown.size(), 1);
        QTRY_VERIFY(feedCaughtUp());
        QCOMPARE(m_notifier->shown.size(), 1);
        QVERIFY(m_notifier->shown.first().title.contains(QLatin1String("is out")));
        // Back on, the next one shows, without a restart.
        DesktopSettings::setNotifies(NotificationKind::ApprovalNeeded, true);
        record(event(QStringLiteral("release.awaiting_approval"), Bea, QStringLiteral("bea")));
        QTRY_COMPARE(m_notifier->shown.size(), 2);
    }

    void aConnectionThatTurnsBadIsNotified()
    {
        startApp();
        auto verified = [](const QString& before, const QString& now) {
            Event e = event(QStringLiteral("connection.verified"), Bea, QStringLiteral("bea"), 0);
            e.data = {{QStringLiteral("status"), now}, {QStringLiteral("previousStatus"), before}};
            return e;
        };
        record(verified(QStringLiteral("VALID"), QStringLiteral("INVALID")));
        record(verified(QStringLiteral("INVALID"), QStringLiteral("INVALID")));
        record(verified(QStringLiteral("INVALID"), QStringLiteral("VALID")));
        record(verified(QStringLiteral("VALID"), QStringLiteral("EXPIRED")));
        QTRY_COMPARE(m_notifier->shown.size(), 2);
        QTRY_VERIFY(feedCaughtUp());
        QCOMPARE(m_notifier->shown.size(), 2);
        QCOMPARE(m_notifier->shown.at(0).releaseId, 0);
    }

    void eventsFromBeforeTheAppRanAreNotNotified()
    {
        record(event(QStringLiteral("release.awaiting_approval"), Bea, QStringLiteral("bea")));
        startApp();
        record(event(QStringLiteral("release.stage_changed"), Bea, QStringLiteral("bea")));
        QTRY_VERIFY(feedCaughtUp());
        QTest::qWait(100);
        QCOMPARE(m_notifier->shown.size(), 0);
    }

    void clickingANotificationOpensItsRelease()
    {
        startApp();
        MainWindow* window = m_flow->mainWindow();
        window->hide();
        record(
            event(QStringLiteral("task.failed"), Bea, QStringLiteral("orchestrator@build-01"), 5));
        QTRY_COMPARE(m_notifier->shown.size(), 1);
        QSignalSpy opened(window, &MainWindow::releaseOpenRequested);
        m_notifier->click(0);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().at(0).toLongLong(), 1);
        QCOMPARE(opened.first().at(1).toLongLong(), 5);
        QVERIFY(window->isVisible());
    }

    void theTrayMenuListsTheReleasesThatNeedThePerson()
    {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        releases().summaries = sampleReleases(now);
        startApp();
        QMenu* menu = m_desktop->tray().menu();
        // 2.1.0 and 2.0.0 wait for approval, 1.9.0 waits on a failed task; a release a
        // person paused waits for nobody in particular.
        QTRY_COMPARE(menu->actions().size(), 7);
        const QStringList names = menuNames();
        QVERIFY2(names.contains(QStringLiteral("trayRelease9")), qPrintable(names.join(u' ')));
        QVERIFY(names.contains(QStringLiteral("trayRelease8")));
        for (int id : {12, 11, 10, 6, 5, 4, 3, 2, 1})
            QVERIFY2(!names.contains(QStringLiteral("trayRelease%1").arg(id)),
                     qPrintable(names.join(u' ')));

        // Opening one raises the window and asks it to open the release.
        MainWindow* window = m_flow->mainWindow();
        QSignalSpy opened(window, &MainWindow::releaseOpenRequested);
        menu->findChild<QAction*>(QStringLiteral("trayRelease8"))->trigger();
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.first().at(1).toLongLong(), 8);

        // Approved elsewhere: it leaves the menu as the feed tells.
        ReleaseSummary approved = releases().summaries.at(4);
        QCOMPARE(approved.release.id, 8);
        approved.release.status = ReleaseStatus::InProgress;
        approved.release.pauseReason = PauseReason::None;
        releases().change(approved);
        QTRY_VERIFY(!menuNames().contains(QStringLiteral("trayRelease8")));

        // Show/Hide acts on the main window; Quit asks the app to quit.
        QAction* showHide = menu->findChild<QAction*>(QStringLiteral("trayShowHideAction"));
        QVERIFY(window->isVisible());
        showHide->trigger();
        QVERIFY(!window->isVisible());
        QSignalSpy quit(m_desktop.get(), &DesktopIntegration::quitRequested);
        menu->findChild<QAction*>(QStringLiteral("trayQuitAction"))->trigger();
        QCOMPARE(quit.size(), 1);
    }

    void trayMenuScreenshots_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void trayMenuScreenshots()
    {
        QFETCH(bool, dark);
        if (dark)
            useDarkPalette();
        releases().summaries = sampleReleases(QDateTime::currentDateTimeUtc());
        startApp();
        QMenu* menu = m_desktop->tray().menu();
        QTRY_COMPARE(menu->actions().size(), 7);
        menu->resize(menu->sizeHint());
        const QString name = dark ? QStringLiteral("tray-menu-dark") : QStringLiteral("tray-menu");
        QVERIFY(!saveScreenshot(menu, name).isEmpty());
        if (dark)
            QApplication::setPalette(QPalette());
    }
};

QTEST_MAIN(TestDesktopNotifications)
#include "tst_desktopnotifications.moc"
