#include "FakeProviderWorld.h"
#include "InMemorySecretStore.h"
#include "MainWindow.h"
#include "Screenshots.h"
#include "Translations.h"
#include "backend/AppBackend.h"
#include "backend/LocalOrchestrator.h"
#include "db/Database.h"
#include "db/MigrationRunner.h"
#include "providers/ConnectionVerifier.h"
#include "releases/DashboardPage.h"
#include "releases/ReleaseFilterModel.h"
#include "releases/ReleaseTableModel.h"
#include "releases/StageProgress.h"
#include "services/ConnectionService.h"
#include "services/Identity.h"
#include "store/LeaseStore.h"
#include "store/WorkspaceStore.h"
#include "widgets/DisplayNames.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
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

// The real dashboard on the real backend: SQLite, the release service, and the app's own
// orchestrator thread running tasks against fake GitHub, Slack and Jira on 127.0.0.1 (no CI
// connection, so the CI tasks are skipped). A created release appears, its stage bar moves
// from Kickoff to Done as the orchestrator works, and quitting mid-task stops the thread
// at once and gives the lease back.
class TestDashboardRealBackend : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<FakeProviderWorld> m_world;
    qint64 m_workspaceId = 0;
    DatabaseUrl m_url;

    // A workspace with GitHub, Slack and Jira whose tokens are in the returned store.
    std::unique_ptr<InMemorySecretStore> seed(const QString& name)
    {
        m_url = DatabaseUrl();
        m_url.dialect = Dialect::Sqlite;
        m_url.path = m_dir.filePath(name + QStringLiteral(".sqlite"));
        Database database(m_url);
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
        QSettings settings;
        settings.setValue(QStringLiteral("database/url"), m_url.toString());
        return secrets;
    }

    static void start(AppBackend& backend)
    {
        QFuture<BackendStatus> started = backend.start();
        QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), 20000);
        QVERIFY2(started.result().databaseReachable, qPrintable(started.result().databaseError));
    }

    std::optional<OrchestratorLease> lease()
    {
        Database database(m_url);
        return must(LeaseStore(database).current(m_workspaceId), "lease");
    }

    Release create(AppBackend& backend, const QString& version)
    {
        ReleaseDraft draft;
        draft.version = version;
        draft.platforms = {Platform::Android, Platform::Ios};
        draft.regressionSlots = {{QDateTime::currentDateTimeUtc(), true, true}};
        QFuture<Result<Release>> created = backend.createRelease(m_workspaceId, draft);
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(created.isFinished(), 20000);
        }();
        return must(created.result(), "release");
    }

    void approveTickets()
    {
        for (const QString& project : {QStringLiteral("DROID"), QStringLiteral("IOS")}) {
            for (const QJsonObject& issue : m_world->jira().issues(project))
                m_world->jira().setIssueStatus(issue.value(QStringLiteral("key")).toString(),
                                               FakeJira::readyState());
        }
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_dashboard_realbackend"));
        Translations::install(*qApp);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        QSettings().clear();
        m_world = std::make_unique<FakeProviderWorld>();
    }

    void cleanup() { m_world.reset(); }

    void aCreatedReleaseAppearsAndItsStageBarAdvancesToDone()
    {
        AppBackend backend(seed(QStringLiteral("advance")));
        start(backend);
        MainWindow window(&backend);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        DashboardPage* page = window.dashboardPage();
        ReleaseTableModel* model = page->model();
        auto* indicator = window.findChild<QLabel*>(QStringLiteral("orchestratorStatusLabel"));
        QTRY_COMPARE_WITH_TIMEOUT(indicator->text(), QStringLiteral("Orchestrating here"), 20000);

        // Every stage the bar shows, in the order the model reports them.
        QStringList seen;
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        const auto note = [&] {
            if (model->rowCount() == 0)
                return;
            const QString stage = DisplayNames::stage(model->summaryAt(0).release.stage);
            if (seen.isEmpty() || seen.constLast() != stage)
                seen.append(stage);
        };
        connect(model, &QAbstractItemModel::dataChanged, this, note);
        connect(model, &QAbstractItemModel::rowsInserted, this, note);

        const Release release = create(backend, QStringLiteral("1.4.0"));
        QElapsedTimer shown;
        shown.start();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, 2000);
        qInfo("the created release showed on the dashboard after %lld ms", shown.elapsed());
        QCOMPARE(model->summaryAt(0).release.id, release.id);

        // Kickoff's tasks run, regression's one cycle runs, then it waits for approval.
        const QModelIndex status = model->index(0, ReleaseTableModel::StatusColumn);
        QTRY_COMPARE_WITH_TIMEOUT(status.data().toString(),
                                  QStringLiteral("Paused — waiting for approval"), 90000);
        auto bar = model->index(0, ReleaseTableModel::ProgressColumn)
                       .data(ReleaseTableModel::StageProgressRole)
                       .value<StageProgress>();
        QCOMPARE(bar.segments[0].state, StageProgress::SegmentState::Done);
        QCOMPARE(bar.segments[1].state, StageProgress::SegmentState::Current);
        QCOMPARE(bar.alert, StageProgress::Alert::Paused);
        QCOMPARE(model->index(0, ReleaseTableModel::NextColumn).data().toString(),
                 QStringLiteral("Awaiting approval"));
        QVERIFY(!saveScreenshot(&window, QStringLiteral("dashboard-awaiting-approval")).isEmpty());

        approveTickets();
        ReleaseAction approve;
        approve.kind = ReleaseAction::Kind::Approve;
        approve.releaseId = release.id;
        approve.seenRowVersion = model->summaryAt(0).release.rowVersion;
        QFuture<Result<Release>> approved = backend.act(m_workspaceId, approve);
        QTRY_VERIFY_WITH_TIMEOUT(approved.isFinished(), 20000);
        const Result<Release> answer = approved.result();
        QVERIFY2(answer.ok(), qPrintable(answer.ok() ? QString() : answer.error().message));
        QTRY_COMPARE_WITH_TIMEOUT(status.data().toString(), QStringLiteral("Completed"), 90000);
        bar = model->index(0, ReleaseTableModel::ProgressColumn)
                  .data(ReleaseTableModel::StageProgressRole)
                  .value<StageProgress>();
        for (const StageProgress::Segment& segment : bar.segments)
            QCOMPARE(segment.fill, 1.0);
        QCOMPARE(seen, (QStringList{QStringLiteral("Kickoff"), QStringLiteral("Regression"),
                                    QStringLiteral("Pre-release"), QStringLiteral("Done")}));
        QCOMPARE(resets.size(), 0);
        QCOMPARE(m_world->github().branchesCreated(QStringLiteral("release/1.4.0")), 1);
    }

    void quittingMidTaskStopsAtOnceAndGivesTheLeaseBack()
    {
        auto backend = std::make_unique<AppBackend>(seed(QStringLiteral("quit")));
        start(*backend);
        QTRY_VERIFY_WITH_TIMEOUT(lease().has_value(), 20000);
        // Creating the branch answers only after 25 s: the task is in flight when we quit.
        m_world->github().server().delayNext(
            "POST", m_world->github().repoPath(QStringLiteral("/git/refs")), 25000);
        create(*backend, QStringLiteral("2.0.0"));
        QTRY_VERIFY_WITH_TIMEOUT(m_world->github().count("POST", QStringLiteral("/git/refs")) == 1,
                                 30000);
        QElapsedTimer quitting;
        quitting.start();
        backend->stop();
        backend.reset();
        const qint64 took = quitting.elapsed();
        qInfo("the backend and its orchestrator stopped in %lld ms", took);
        QVERIFY2(took < 2000, qPrintable(QString::number(took)));
        QVERIFY(!lease().has_value());
    }

    void turningTheOrchestratorOffGivesTheLeaseBack()
    {
        AppBackend backend(seed(QStringLiteral("off")));
        start(backend);
        QTRY_VERIFY_WITH_TIMEOUT(lease().has_value(), 20000);
        QCOMPARE(lease()->holder, backend.localOrchestrator().holder());
        backend.localOrchestrator().setEnabled(false);
        QTRY_VERIFY_WITH_TIMEOUT(!lease().has_value(), 10000);
        QCOMPARE(QSettings().value(QStringLiteral("orchestrator/enabled")).toBool(), false);
        backend.localOrchestrator().setEnabled(true);
        QTRY_VERIFY_WITH_TIMEOUT(lease().has_value(), 20000);
    }
};

QTEST_MAIN(TestDashboardRealBackend)
#include "tst_dashboard_realbackend.moc"
