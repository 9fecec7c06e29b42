#include "FakeProviderWorld.h"
#include "InMemorySecretStore.h"
#include "MainWindow.h"
#include "Screenshots.h"
#include "Translations.h"
#include "backend/AppBackend.h"
#include "db/Database.h"
#include "db/MigrationRunner.h"
#include "providers/ConnectionVerifier.h"
#include "releases/DashboardPage.h"
#include "releases/HotfixDialog.h"
#include "releases/ReleaseActionBar.h"
#include "releases/ReleaseFilterModel.h"
#include "releases/ReleasePage.h"
#include "releases/ReleaseTaskModel.h"
#include "services/ConnectionService.h"
#include "services/Identity.h"
#include "store/WorkspaceStore.h"
#include "widgets/FieldMessage.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
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

// The release page on the real backend: SQLite, the release service and the app's own
// orchestrator thread against fake GitHub, Slack and Jira on 127.0.0.1. A release opened
// from the dashboard is approved from its page and reaches Done; a task failed by GitHub
// shows why and Retry completes it; a hotfix of a completed release is created through
// the dialog.
class TestReleasePageRealBackend : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeProviderWorld> m_world;
    qint64 m_workspaceId = 0;

    std::unique_ptr<InMemorySecretStore> seed(const QString& name)
    {
        DatabaseUrl url;
        url.dialect = Dialect::Sqlite;
        url.path = m_dir.filePath(name + QStringLiteral(".sqlite"));
        Database database(url);
        if (!database.open().ok() || !MigrationRunner(database).migrate().ok())
            qFatal("the test database could not be created");
        const Account ana = must(Identity::signIn(database, QStringLiteral("Ana Lima"),
                                                  QStringLiteral("ana@example.com")),
                                 "account");
        m_workspaceId = must(WorkspaceStore(database).create(QStringLiteral("Acme Mobile"), ana.id),
                             "workspace")
                            .id;
        auto secrets = std::make_unique<InMemorySecretStore>();
        const ConnectionVerifier verifier;
        ConnectionService service(database, *secrets, verifier, ana.login);
        for (const QString& provider : {QStringLiteral("github-enterprise"),
                                        QStringLiteral("slack"), QStringLiteral("jira-cloud")})
            must(service.add({m_workspaceId, ana.id}, m_world->draft(provider), {false, false}),
                 "connection");
        QSettings().setValue(QStringLiteral("database/url"), url.toString());
        return secrets;
    }

    static void start(AppBackend& backend)
    {
        QFuture<BackendStatus> started = backend.start();
        QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), 20000);
        QVERIFY2(started.result().databaseReachable, qPrintable(started.result().databaseError));
    }

    void create(AppBackend& backend, const QString& version)
    {
        ReleaseDraft draft;
        draft.version = version;
        draft.platforms = {Platform::Android, Platform::Ios};
        draft.regressionSlots = {{QDateTime::currentDateTimeUtc(), true, true}};
        QFuture<Result<Release>> created = backend.createRelease(m_workspaceId, draft);
        QTRY_VERIFY_WITH_TIMEOUT(created.isFinished(), 20000);
        QVERIFY(created.result().ok());
    }

    void approveTickets()
    {
        for (const QString& project : {QStringLiteral("DROID"), QStringLiteral("IOS")}) {
            for (const QJsonObject& issue : m_world->jira().issues(project))
                m_world->jira().setIssueStatus(issue.value(QStringLiteral("key")).toString(),
                                               FakeJira::readyState());
        }
    }

    // Opens the dashboard's first release with Enter.
    static ReleasePage* openFirst(MainWindow& window)
    {
        DashboardPage* dashboard = window.dashboardPage();
        QTableView* view = dashboard->view();
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(dashboard->filtered()->rowCount(), 1, 5000);
        }();
        view->setFocus();
        view->setCurrentIndex(dashboard->filtered()->index(0, 0));
        QTest::keyClick(view, Qt::Key_Return);
        ReleasePage* page = window.releasePage();
        [&] {
            QTRY_COMPARE(window.findChild<QStackedWidget*>()->currentWidget(), page);
        }();
        return page;
    }

    static QString status(ReleasePage* page)
    {
        return page->findChild<QLabel*>(QStringLiteral("releaseStatusLabel"))->text();
    }

    static QString taskCell(ReleasePage* page, const QString& key, int column)
    {
        return page->taskModel()->indexOfKey(key).siblingAtColumn(column).data().toString();
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_releasepage_realbackend"));
        Translations::install(*qApp);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        QSettings().clear();
        m_world = std::make_unique<FakeProviderWorld>();
    }

    void cleanup() { m_world.reset(); }

    void approvedFromItsPageAReleaseReachesDoneAndGetsAHotfix()
    {
        AppBackend backend(seed(QStringLiteral("approve")));
        start(backend);
        MainWindow window(&backend);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        create(backend, QStringLiteral("1.4.0"));
        ReleasePage* page = openFirst(window);
        QTRY_COMPARE_WITH_TIMEOUT(status(page), QStringLiteral("Paused — waiting for approval"),
                                  90000);
        QPushButton* approve = page->actionBar()->button(ReleaseAction::Kind::Approve);
        QTRY_VERIFY(approve->isVisible());
        QCOMPARE(approve->text(), QStringLiteral("&Approve pre-release"));
        QCOMPARE(
            taskCell(page, QStringLiteral("task:CREATE_RC_TAG:1"), ReleaseTaskModel::StatusColumn),
            QStringLiteral("Done"));

        approveTickets();
        QTest::mouseClick(approve, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(status(page), QStringLiteral("Completed"), 90000);
        QTRY_COMPARE(taskCell(page, QStringLiteral("task:CREATE_RELEASE_TAG:0"),
                              ReleaseTaskModel::StatusColumn),
                     QStringLiteral("Done"));
        QCOMPARE(page->findChild<QLabel*>(QStringLiteral("releaseTagLabel"))->text(),
                 QStringLiteral("v1.4.0"));
        QVERIFY(!approve->isVisible());

        // Create hotfix…: the dialog suggests 1.4.1 and creates it; its page opens.
        QPushButton* hotfix = page->actionBar()->hotfixButton();
        QTRY_VERIFY(hotfix->isVisible());
        QTest::mouseClick(hotfix, Qt::LeftButton);
        HotfixDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = page->findChild<HotfixDialog*>()));
        QTRY_COMPARE(dialog->versionEdit()->text(), QStringLiteral("1.4.1"));
        dialog->versionEdit()->setText(QStringLiteral("1.5.0"));
        QVERIFY(!dialog->createButton()->isEnabled());
        QVERIFY(dialog->message()->text().startsWith(QLatin1String("A hotfix of 1.4.0 must be")));
        dialog->versionEdit()->setText(QStringLiteral("1.4.1"));
        QVERIFY(dialog->createButton()->isEnabled());
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            page->findChild<QLabel*>(QStringLiteral("releaseVersionLabel"))->text(),
            QStringLiteral("1.4.1"), 10000);
        QVERIFY(page->findChild<QLabel*>(QStringLiteral("releaseHotfixBadge"))->isVisible());
        QCOMPARE(page->detail().release.type, ReleaseType::Hotfix);
    }

    void aFailedTaskShowsItsErrorAndRetryCompletesIt()
    {
        AppBackend backend(seed(QStringLiteral("retry")));
        start(backend);
        MainWindow window(&backend);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // GitHub refuses the branch once, as for a token without write access.
        m_world->github().failNext(
            "POST", QStringLiteral("/git/refs"),
            FakeResponse::json(403, R"({"message":"Resource not accessible by integration"})"));
        create(backend, QStringLiteral("2.0.0"));
        ReleasePage* page = openFirst(window);
        const QString fork = QStringLiteral("task:FORK_BRANCH:0");
        QTRY_COMPARE_WITH_TIMEOUT(taskCell(page, fork, ReleaseTaskModel::StatusColumn),
                                  QStringLiteral("Failed"), 60000);
        const QString error = taskCell(page, fork, ReleaseTaskModel::DetailsColumn);
        qInfo("the failed task says: %s", qPrintable(error));
        QVERIFY(!error.isEmpty());
        QTRY_COMPARE(status(page), QStringLiteral("Paused — FORK_BRANCH failed"));
        QPushButton* retry = page->actionBar()->button(ReleaseAction::Kind::Retry);
        QTRY_VERIFY(retry->isVisible());
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(taskCell(page, fork, ReleaseTaskModel::StatusColumn),
                                  QStringLiteral("Done"), 60000);
        QVERIFY(taskCell(page, fork, ReleaseTaskModel::DetailsColumn).isEmpty());
        QCOMPARE(m_world->github().branchesCreated(QStringLiteral("release/2.0.0")), 1);
    }
};

QTEST_MAIN(TestReleasePageRealBackend)
#include "tst_releasepage_realbackend.moc"
