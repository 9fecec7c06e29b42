#include "InMemorySecretStore.h"
#include "MainWindow.h"
#include "Translations.h"
#include "backend/AppBackend.h"
#include "db/Database.h"
#include "db/MigrationRunner.h"
#include "services/Identity.h"
#include "services/ReleaseService.h"
#include "services/TrainService.h"
#include "store/AccountStore.h"
#include "store/MembershipStore.h"
#include "store/WorkspaceStore.h"
#include "trains/KickoffWords.h"
#include "trains/TrainDialog.h"
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
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <QTimeZone>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

namespace {

template<typename T>
T must(Result<T> result, const char* what)
{
    if (!result)
        qFatal("%s: %s", what, qPrintable(result.error().message));
    return std::move(*result);
}

} // namespace

// The Trains page and the dashboard's next kickoff on the real backend and SQLite: a train
// created through the dialog is planned by TrainService and shows its next kickoff on the
// page and the dashboard; pause and resume; a change made elsewhere shows through the
// feed; Delete asks, is refused in the service's words while a release of the train is
// active, and works for a train without one; a VIEWER sees no button that changes trains.
class TestTrainsRealBackend : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    DatabaseUrl m_url;
    qint64 m_workspaceId = 0;
    Actor m_me;

    // A fresh SQLite file whose local user is a member of one workspace with role.
    void seed(const QString& name, Role role)
    {
        m_url = DatabaseUrl();
        m_url.dialect = Dialect::Sqlite;
        m_url.path = m_dir.filePath(name + QStringLiteral(".sqlite"));
        Database database(m_url);
        if (!database.open().ok() || !MigrationRunner(database).migrate().ok())
            qFatal("the test database could not be created");
        const Account me = must(Identity::signIn(database, QStringLiteral("Ana Lima"),
                                                 QStringLiteral("ana@example.com")),
                                "account");
        qint64 owner = me.id;
        if (role != Role::Owner)
            owner = must(AccountStore(database).ensure(QStringLiteral("bo@example.com"),
                                                       QStringLiteral("Bo Chen"),
                                                       QStringLiteral("bo@example.com")),
                         "owner")
                        .id;
        m_workspaceId =
            must(WorkspaceStore(database).create(QStringLiteral("Acme Mobile"), owner), "workspace")
                .id;
        if (role != Role::Owner &&
            !MembershipStore(database).add({m_workspaceId, owner}, me.id, role).ok())
            qFatal("membership");
        m_me = {m_workspaceId, me.id};
        QSettings settings;
        settings.setValue(QStringLiteral("database/url"), m_url.toString());
        // Nothing here needs tasks run: the trains' releases stay as created.
        settings.setValue(QStringLiteral("orchestrator/enabled"), false);
    }

    static void start(AppBackend& backend)
    {
        QFuture<BackendStatus> started = backend.start();
        QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), 20000);
        QVERIFY2(started.result().databaseReachable, qPrintable(started.result().databaseError));
    }

    template<typename T>
    static T* find(QWidget* root, const QString& name)
    {
        auto* widget = root->findChild<T*>(name);
        if (!widget)
            qFatal("no %s", qPrintable(name));
        return widget;
    }

    TrainSummary stored(const QString& name)
    {
        Database database(m_url);
        if (!database.open().ok())
            qFatal("open");
        return must(TrainService(database, QStringLiteral("test")).find(m_me, name), "train");
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_trains_realbackend"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        Translations::install(*qApp);
        QVERIFY(m_dir.isValid());
    }

    void init() { QSettings().clear(); }

    void aTrainMadeInTheDialogShowsItsNextKickoffAndIsPausedResumedAndDeleted()
    {
        seed(QStringLiteral("trains"), Role::Editor);
        AppBackend backend(std::make_unique<InMemorySecretStore>());
        start(backend);
        MainWindow window(&backend);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        TrainsPage* page = window.trainsPage();
        QTRY_VERIFY(page->isVisible());
        auto* empty = find<QLabel>(page, QStringLiteral("trainsEmptyText"));
        QTRY_VERIFY(empty->isVisible());

        find<QPushButton>(page, QStringLiteral("newTrainButton"))->click();
        auto* dialog = page->findChild<TrainDialog*>(QStringLiteral("trainDialog"));
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTest::keyClicks(find<QLineEdit>(dialog, QStringLiteral("trainNameEdit")),
                         QStringLiteral("Mobile train"));
        find<QCheckBox>(dialog, QStringLiteral("platformANDROIDCheck"))->click();
        find<QCheckBox>(dialog, QStringLiteral("platformIOSCheck"))->click();
        find<QComboBox>(dialog, QStringLiteral("kickoffWeekdayCombo"))->setCurrentIndex(1);
        find<QTimeEdit>(dialog, QStringLiteral("kickoffTimeEdit"))->setTime(QTime(10, 0));
        find<QComboBox>(dialog, QStringLiteral("timeZoneCombo"))
            ->setEditText(QStringLiteral("Europe/Berlin"));
        find<QSpinBox>(dialog, QStringLiteral("everyWeeksSpin"))->setValue(2);
        QVERIFY(dialog->preview()->text().contains(u" 10:00 Europe/Berlin ("));
        QVERIFY(dialog->saveButton()->isEnabled());
        QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);

        TrainTableModel* model = page->model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 10000);
        const TrainSummary made = stored(QStringLiteral("Mobile train"));
        QVERIFY(made.train.nextKickoffAt.isValid());
        QCOMPARE(made.train.nextKickoffAt.toTimeZone(QTimeZone("Europe/Berlin")).time(),
                 QTime(10, 0));
        QCOMPARE(made.train.targets,
                 (QStringList{QStringLiteral("PLAY_STORE"), QStringLiteral("APP_STORE")}));
        auto cell = [model](int column, int role = Qt::DisplayRole) {
            return model->index(0, column).data(role).toString();
        };
        QCOMPARE(cell(TrainTableModel::ScheduleColumn),
                 QStringLiteral("every 2 weeks, Tue 10:00 Europe/Berlin"));
        QVERIFY(cell(TrainTableModel::NextKickoffColumn).startsWith(u"in ") ||
                cell(TrainTableModel::NextKickoffColumn) == u"Tomorrow");
        QVERIFY2(cell(TrainTableModel::NextKickoffColumn, Qt::ToolTipRole)
                     .startsWith(KickoffWords::exact(made.train.nextKickoffAt,
                                                     QStringLiteral("Europe/Berlin"))),
                 qPrintable(cell(TrainTableModel::NextKickoffColumn, Qt::ToolTipRole)));

        // The dashboard says the same, above its releases.
        window.showPage(MainWindow::DashboardPageIndex);
        auto* strip = find<QLabel>(&window, QStringLiteral("nextKickoffStrip"));
        QTRY_VERIFY(strip->isVisible());
        QVERIFY2(strip->text().startsWith(u"Next kickoff: Mobile train — Tue 10:00 ("),
                 qPrintable(strip->text()));

        // Paused, it has no next kickoff, and the dashboard's line goes; resumed, both return.
        window.showPage(MainWindow::TrainsPageIndex);
        page->view()->selectRow(0);
        auto* pause = find<QPushButton>(page, QStringLiteral("pauseTrainButton"));
        pause->click();
        QTRY_COMPARE_WITH_TIMEOUT(cell(TrainTableModel::StateColumn), QStringLiteral("Paused"),
                                  10000);
        QCOMPARE(cell(TrainTableModel::NextKickoffColumn), QStringLiteral("None while paused"));
        QVERIFY(stored(QStringLiteral("Mobile train")).train.paused);
        QTRY_VERIFY_WITH_TIMEOUT(strip->isHidden(), 10000);
        QTRY_COMPARE(pause->text(), QStringLiteral("&Resume"));
        pause->click();
        QTRY_COMPARE_WITH_TIMEOUT(cell(TrainTableModel::StateColumn), QStringLiteral("Running"),
                                  10000);
        QVERIFY(!stored(QStringLiteral("Mobile train")).train.paused);
        QTRY_VERIFY_WITH_TIMEOUT(!strip->isHidden(), 10000);

        // Another app (here: the service on its own connection) adds a train and starts a
        // release of the first: the page follows the feed.
        {
            Database database(m_url);
            QVERIFY(database.open().ok());
            ReleaseConfig web;
            web.name = QStringLiteral("Web train");
            web.platforms = {Platform::Web};
            web.baseBranch = QStringLiteral("main");
            web.kickoffWeekday = 4;
            web.kickoffTime = QTime(15, 30);
            web.timeZone = QStringLiteral("America/New_York");
            must(TrainService(database, QStringLiteral("bo@laptop")).create(m_me, web), "web");
            ReleaseDraft draft;
            draft.version = QStringLiteral("1.0.0");
            draft.train = QStringLiteral("Mobile train");
            must(ReleaseService(database, QStringLiteral("bo@laptop")).create(m_me, draft),
                 "release");
        }
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, 10000);
        const int mobileRow = model->rowOf(made.train.id);
        QTRY_COMPARE_WITH_TIMEOUT(
            model->index(mobileRow, TrainTableModel::ActiveColumn).data().toString(),
            QStringLiteral("1.0.0"), 10000);

        // Delete asks; the service refuses while 1.0.0 is active and the page says why.
        page->view()->selectRow(mobileRow);
        MessageBox::setNextAnswer(QMessageBox::Yes);
        find<QPushButton>(page, QStringLiteral("deleteTrainButton"))->click();
        auto* message = find<QLabel>(page, QStringLiteral("trainsMessage"));
        QTRY_VERIFY_WITH_TIMEOUT(
            message->text().startsWith(u"Train Mobile train has release 1.0.0 in progress"), 10000);
        QCOMPARE(model->rowCount(), 2);
        // The Web train has none: it goes.
        page->view()->selectRow(model->rowOf(stored(QStringLiteral("Web train")).train.id));
        MessageBox::setNextAnswer(QMessageBox::Yes);
        find<QPushButton>(page, QStringLiteral("deleteTrainButton"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(message->text(), QStringLiteral("Deleted train Web train."),
                                  10000);
        QTRY_COMPARE(model->rowCount(), 1);
    }

    void aViewerSeesTrainsButNoButtonToChangeThem()
    {
        seed(QStringLiteral("viewer"), Role::Viewer);
        {
            Database database(m_url);
            QVERIFY(database.open().ok());
            const Account owner =
                must(AccountStore(database).ensure(QStringLiteral("bo@example.com"),
                                                   QStringLiteral("Bo Chen"),
                                                   QStringLiteral("bo@example.com")),
                     "owner");
            ReleaseConfig train;
            train.name = QStringLiteral("Mobile train");
            train.platforms = {Platform::Android};
            train.baseBranch = QStringLiteral("main");
            train.kickoffWeekday = 2;
            train.kickoffTime = QTime(10, 0);
            train.timeZone = QStringLiteral("Europe/Berlin");
            must(TrainService(database, QStringLiteral("bo@laptop"))
                     .create({m_workspaceId, owner.id}, train),
                 "train");
        }
        AppBackend backend(std::make_unique<InMemorySecretStore>());
        start(backend);
        MainWindow window(&backend);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(MainWindow::TrainsPageIndex);
        TrainsPage* page = window.trainsPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, 10000);
        for (const QString& name :
             {QStringLiteral("newTrainButton"), QStringLiteral("editTrainButton"),
              QStringLiteral("pauseTrainButton"), QStringLiteral("deleteTrainButton")})
            QVERIFY2(find<QPushButton>(page, name)->isHidden(), qPrintable(name));
        page->view()->selectRow(0);
        QTest::keyClick(page->view(), Qt::Key_Return);
        QVERIFY(!page->findChild<TrainDialog*>(QStringLiteral("trainDialog")));
        window.showPage(MainWindow::DashboardPageIndex);
        QTRY_VERIFY(find<QLabel>(&window, QStringLiteral("nextKickoffStrip"))->isVisible());
    }
};

QTEST_MAIN(TestTrainsRealBackend)
#include "tst_trains_realbackend.moc"
