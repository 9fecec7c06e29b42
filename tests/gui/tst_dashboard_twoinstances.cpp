#include "InMemorySecretStore.h"
#include "TestBackend.h"
#include "Translations.h"
#include "backend/AppBackend.h"
#include "releases/DashboardPage.h"
#include "releases/ReleaseFilterModel.h"
#include "releases/ReleaseTableModel.h"
#include "services/Identity.h"
#include "store/ReleaseStore.h"
#include "store/WorkspaceStore.h"

#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
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

// One app instance: its own backend (its own pool and database connections) and dashboard.
struct Instance
{
    explicit Instance(const QString& url)
        : backend(std::make_unique<InMemorySecretStore>())
    {
        backend.openDirectly(url, QStringLiteral("Acme Mobile"));
    }

    AppBackend backend;
    std::unique_ptr<DashboardPage> page;
};

} // namespace

// Two instances on one MariaDB database: what one does shows on the other's dashboard
// within 2 s, through the event feed, without disturbing the other's selection.
class TestDashboardTwoInstances : public QObject
{
    Q_OBJECT

private:
    QString m_url;
    qint64 m_workspaceId = 0;
    qint64 m_waitingId = 0;

    static void start(Instance& instance, qint64 workspaceId)
    {
        QFuture<BackendStatus> started = instance.backend.start();
        QTRY_VERIFY_WITH_TIMEOUT(started.isFinished(), 20000);
        QVERIFY2(started.result().databaseReachable, qPrintable(started.result().databaseError));
        instance.page = std::make_unique<DashboardPage>(instance.backend);
        instance.page->resize(1200, 600);
        instance.page->show();
        instance.page->setWorkspace(workspaceId, Role::Owner);
        QTRY_COMPARE_WITH_TIMEOUT(instance.page->model()->rowCount(), 3, 10000);
    }

    // Milliseconds until done() holds, at most 10 s; -1 if it never did.
    static qint64 timeUntil(const std::function<bool()>& done)
    {
        QElapsedTimer clock;
        clock.start();
        while (!done() && clock.elapsed() < 10000)
            QTest::qWait(10);
        return done() ? clock.elapsed() : -1;
    }

private slots:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("ReleaseDeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_dashboard_twoinstances"));
        QSettings().clear();
        // Both instances live in this process: one holder name; the orchestrator stays off.
        QSettings().setValue(QStringLiteral("orchestrator/enabled"), false);
        Translations::install(*qApp);
        QString error;
        std::unique_ptr<Database> database = TestBackend::database(
            QStringLiteral("mariadb"), QStringLiteral("twoinstances"), &error);
        QVERIFY2(database, qPrintable(error));
        m_url = database->url().toString();
        const Account ana = must(Identity::signIn(*database, QStringLiteral("Ana Lima"),
                                                  QStringLiteral("ana@example.com")),
                                 "account");
        m_workspaceId =
            must(WorkspaceStore(*database).create(QStringLiteral("Acme Mobile"), ana.id),
                 "workspace")
                .id;
        ReleaseStore releases(*database);
        for (const char* version : {"1.0.0", "1.1.0", "1.2.0"}) {
            Release release;
            release.version = QString::fromLatin1(version);
            release.baseBranch = QStringLiteral("main");
            release.status = ReleaseStatus::InProgress;
            release.stage = Stage::Regression;
            if (release.version == QLatin1String("1.1.0")) {
                release.status = ReleaseStatus::Paused;
                release.pauseReason = PauseReason::AwaitingStageTrigger;
            }
            const Release created =
                must(releases.create({m_workspaceId, ana.id}, release), "release");
            if (release.version == QLatin1String("1.1.0"))
                m_waitingId = created.id;
        }
    }

    void whatOneInstanceDoesShowsOnTheOtherWithinTwoSeconds()
    {
        Instance one(m_url);
        Instance other(m_url);
        start(one, m_workspaceId);
        start(other, m_workspaceId);
        // The other instance's user has 1.0.0 selected.
        QTableView* view = other.page->view();
        const int selected = other.page->model()->rowOf(m_waitingId - 1);
        view->selectRow(
            other.page->filtered()->mapFromSource(other.page->model()->index(selected, 0)).row());
        QCOMPARE(other.page->currentReleaseId(), m_waitingId - 1);
        QSignalSpy resets(other.page->model(), &QAbstractItemModel::modelReset);

        ReleaseDraft draft;
        draft.version = QStringLiteral("2.0.0");
        QFuture<Result<Release>> created = one.backend.createRelease(m_workspaceId, draft);
        QTRY_VERIFY_WITH_TIMEOUT(created.isFinished(), 10000);
        QVERIFY(created.result().ok());
        const qint64 appeared = timeUntil([&] { return other.page->model()->rowCount() == 4; });
        qInfo("created in one instance, shown in the other after %lld ms", appeared);
        QVERIFY2(appeared >= 0 && appeared < 2000, qPrintable(QString::number(appeared)));

        const int waiting = one.page->model()->rowOf(m_waitingId);
        ReleaseAction approve;
        approve.kind = ReleaseAction::Kind::Approve;
        approve.releaseId = m_waitingId;
        approve.seenRowVersion = one.page->model()->summaryAt(waiting).release.rowVersion;
        QFuture<Result<Release>> approved = one.backend.act(m_workspaceId, approve);
        QTRY_VERIFY_WITH_TIMEOUT(approved.isFinished(), 10000);
        const Result<Release> answer = approved.result();
        QVERIFY2(answer.ok(), qPrintable(answer.ok() ? QString() : answer.error().message));
        // With no pre-release task planned, approving finishes the release at once.
        QCOMPARE(answer->status, ReleaseStatus::Completed);
        const qint64 moved = timeUntil([&] {
            const int row = other.page->model()->rowOf(m_waitingId);
            return other.page->model()->summaryAt(row).release.rowVersion == answer->rowVersion;
        });
        qInfo("approved in one instance, shown in the other after %lld ms", moved);
        QVERIFY2(moved >= 0 && moved < 2000, qPrintable(QString::number(moved)));
        const int row = other.page->model()->rowOf(m_waitingId);
        QCOMPARE(other.page->model()->index(row, ReleaseTableModel::StatusColumn).data().toString(),
                 QStringLiteral("Completed"));

        // The other's selection and rows stayed as they were.
        QCOMPARE(other.page->currentReleaseId(), m_waitingId - 1);
        QCOMPARE(view->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(resets.size(), 0);
    }
};

QTEST_MAIN(TestDashboardTwoInstances)
#include "tst_dashboard_twoinstances.moc"
