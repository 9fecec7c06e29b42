#include "FakeProviderWorld.h"
#include "InMemorySecretStore.h"
#include "MainWindow.h"
#include "Translations.h"
#include "WizardDriver.h"
#include "backend/AppBackend.h"
#include "backend/LocalOrchestrator.h"
#include "db/Database.h"
#include "db/MigrationRunner.h"
#include "providers/ConnectionVerifier.h"
#include "releases/DashboardPage.h"
#include "releases/NewReleaseDialog.h"
#include "releases/ReleaseTableModel.h"
#include "services/ConnectionService.h"
#include "services/Identity.h"
#include "services/ReleaseService.h"
#include "store/WorkspaceStore.h"
#include "widgets/FieldMessage.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

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

// The New release dialog on the real backend: SQLite, the release service, and the
// branches of a fake GitHub on 127.0.0.1. A release made through the dialog with two
// regression slots is saved as asked and its dashboard row appears; a version taken
// meanwhile by someone else is refused by the service and the dialog keeps the entries.
class TestNewReleaseRealBackend : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeProviderWorld> m_world;
    qint64 m_workspaceId = 0;
    Account m_ana;
    DatabaseUrl m_url;

    // A workspace with GitHub whose token is in the returned store.
    std::unique_ptr<InMemorySecretStore> seed(const QString& name)
    {
        m_url = DatabaseUrl();
        m_url.dialect = Dialect::Sqlite;
        m_url.path = m_dir.filePath(name + QStringLiteral(".sqlite"));
        Database database(m_url);
        if (!database.open().ok() || !MigrationRunner(database).migrate().ok())
            qFatal("the test database could not be created");
        m_ana = must(Identity::signIn(database, QStringLiteral("Ana Lima"),
                                      QStringLiteral("ana@example.com")),
                     "account");
        m_workspaceId =
            must(WorkspaceStore(database).create(QStringLiteral("Acme Mobile"), m_ana.id),
                 "workspace")
                .id;
        auto secrets = std::make_unique<InMemorySecretStore>();
        const ConnectionVerifier verifier;
        ConnectionService service(database, *secrets, verifier, m_ana.login);
        must(service.add({m_workspaceId, m_ana.id},
                         m_world->draft(QStringLiteral("github-enterprise")), {false, false}),
             "connection");
        QSettings settings;
        settings.setValue(QStringLiteral("database/url"), m_url.toString());
        return secrets;
    }

    // Ctrl+N, as a person opens it; null (and the test failed) when it does not open.
    static NewReleaseDialog* openDialog(MainWindow& window)
    {
        auto* action = window.findChild<QAction*>(QStringLiteral("newReleaseAction"));
        if (!QTest::qWaitFor([action] { return action->isEnabled(); }, 20000)) {
            QTest::qFail("New release stayed disabled", __FILE__, __LINE__);
            return nullptr;
        }
        // Back to the window once an earlier dialog closed: its shortcuts act when it is active.
        window.activateWindow();
        if (!QTest::qWaitForWindowActive(&window))
            QTest::qFail("the main window did not become active", __FILE__, __LINE__);
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        NewReleaseDialog* dialog = nullptr;
        if (!QTest::qWaitFor([&] { return (dialog = window.findChild<NewReleaseDialog*>()); }))
            QTest::qFail("Ctrl+N opened no New release dialog", __FILE__, __LINE__);
        return dialog;
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_newrelease_realbackend"));
        Translations::install(*qApp);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        QSettings().clear();
        m_world = std::make_unique<FakeProviderWorld>();
        m_world->github().pushCommit(QStringLiteral("develop"), QStringLiteral("Next features"));
    }

    void cleanup() { m_world.reset(); }

    void aReleaseWithTwoSlotsIsCreatedAndItsRowAppears()
    {
        AppBackend backend(seed(QStringLiteral("create")));
        QFuture<BackendStatus> started = backend.start();
        QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), 20000);
        QVERIFY2(started.result().databaseReachable, qPrintable(started.result().databaseError));
        backend.releases().localOrchestrator().setEnabled(false);
        MainWindow window(&backend);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        NewReleaseDialog* dialog = openDialog(window);
        QVERIFY(dialog);
        auto* version = find<QLineEdit>(dialog, QStringLiteral("versionEdit"));
        QTRY_COMPARE_WITH_TIMEOUT(version->text(), QStringLiteral("0.1.0"), 10000);
        // The repository's real branches, read from GitHub.
        auto* branch = find<QComboBox>(dialog, QStringLiteral("baseBranchCombo"));
        QTRY_VERIFY_WITH_TIMEOUT(branch->findText(QStringLiteral("develop")) >= 0, 20000);
        branch->setCurrentIndex(branch->findText(QStringLiteral("develop")));
        type(dialog, QStringLiteral("versionEdit"), QStringLiteral("2.1.0"));
        find<QCheckBox>(dialog, QStringLiteral("targetCheck"))->setChecked(true);
        click(dialog, QStringLiteral("addSlotButton"));
        click(dialog, QStringLiteral("addSlotButton"));
        find<QCheckBox>(dialog, QStringLiteral("slotBuildCheck2"))->setChecked(false);
        const QDateTime first =
            find<QDateTimeEdit>(dialog, QStringLiteral("slotTimeEdit1"))->dateTime().toUTC();
        const QDateTime second =
            find<QDateTimeEdit>(dialog, QStringLiteral("slotTimeEdit2"))->dateTime().toUTC();
        QTest::keyClick(version, Qt::Key_Return);

        DashboardPage* page = window.dashboardPage();
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, 5000);
        QCOMPARE(page->model()->summaryAt(0).release.version, QStringLiteral("2.1.0"));
        QCOMPARE(page->model()->summaryAt(0).slotCount, 2);
        QTRY_VERIFY(!window.findChild<NewReleaseDialog*>());
        QCOMPARE(window.statusBar()->currentMessage(), QStringLiteral("Release 2.1.0 created."));

        // Saved as asked.
        Database database(m_url);
        QVERIFY(database.open().ok());
        ReleaseService service(database, m_ana.login);
        const Actor ana{m_workspaceId, m_ana.id};
        const Release release = must(service.find(ana, QStringLiteral("2.1.0")), "release");
        QCOMPARE(release.baseBranch, QStringLiteral("develop"));
        QCOMPARE(release.platforms, QList<Platform>({Platform::Android, Platform::Ios}));
        QVERIFY(release.targetAt.isValid());
        const ReleaseDetail detail = must(service.detail(ana, release.id), "detail");
        QCOMPARE(detail.regressionSlots.size(), 2);
        QCOMPARE(detail.regressionSlots.at(0).slotAt, first);
        QCOMPARE(detail.regressionSlots.at(1).slotAt, second);
        QVERIFY(detail.regressionSlots.at(0).runBuild);
        QVERIFY(!detail.regressionSlots.at(1).runBuild);

        // Taken by someone else while the dialog is open: the service refuses, nothing is lost.
        dialog = openDialog(window);
        QVERIFY(dialog);
        version = find<QLineEdit>(dialog, QStringLiteral("versionEdit"));
        QTRY_COMPARE_WITH_TIMEOUT(version->text(), QStringLiteral("2.2.0"), 10000);
        ReleaseDraft taken;
        taken.version = QStringLiteral("2.2.0");
        must(service.create(ana, taken), "release made elsewhere");
        click(dialog, QStringLiteral("addSlotButton"));
        click(dialog, QStringLiteral("createReleaseButton"));
        auto* error = find<FieldMessage>(dialog, QStringLiteral("newReleaseError"));
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), 10000);
        QCOMPARE(error->text(), QStringLiteral("This workspace already has a release 2.2.0."));
        QVERIFY(dialog->isVisible());
        QCOMPARE(version->text(), QStringLiteral("2.2.0"));
        QCOMPARE(dialog->draft().regressionSlots.size(), 1);
        dialog->reject();
    }
};

QTEST_MAIN(TestNewReleaseRealBackend)
#include "tst_newrelease_realbackend.moc"
