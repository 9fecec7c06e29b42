#include "FakeSlack.h"
#include "FastHttpSettings.h"
#include "InMemorySecretStore.h"
#include "StoreSeed.h"
#include "TestBackend.h"
#include "db/DatabaseClock.h"
#include "orchestrator/Orchestrator.h"
#include "services/TrainService.h"
#include "store/AnnouncementStore.h"
#include "store/ConnectionStore.h"
#include "store/ReleaseConfigStore.h"
#include "store/ReleaseStore.h"

#include <QEventLoop>
#include <QMutex>
#include <QSemaphore>
#include <QTest>
#include <QThread>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// Two orchestrators, each with its own database connection and thread like two build
// hosts, run at a train's reminder time against a fake Slack: exactly one release is
// created and one kickoff reminder posted, on SQLite and on the MariaDB fixture, and
// running them again changes nothing.
class TestTrainOrchestrators : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase_data() { TestBackend::addRows(); }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        QString error;
        m_database = TestBackend::database(backend, QStringLiteral("trainticks"), &error);
        QVERIFY2(m_database, qPrintable(error));
        QVERIFY2(m_seed.plant(*m_database, &error), qPrintable(error));
        m_slack = std::make_unique<FakeSlack>();
        Connection chat;
        chat.category = ConnectionCategory::Chat;
        chat.provider = QStringLiteral("slack");
        chat.displayName = QStringLiteral("Slack");
        chat.config = m_slack->config();
        chat.secretRef = QStringLiteral("workspace-test/connection-slack");
        QVERIFY(ConnectionStore(*m_database).insert(m_seed.ownerA, chat).ok());
    }

    void cleanup()
    {
        m_slack.reset();
        m_database.reset();
    }

    void twoOrchestratorsAtTheReminderTimeCreateOneReleaseAndOneReminder()
    {
        const QDateTime now = DatabaseClock::now(*m_database).value();
        const QDateTime kickoff = now.addSecs(240);
        ReleaseConfig train;
        train.name = QStringLiteral("Weekly");
        train.platforms = {Platform::Android};
        train.baseBranch = QStringLiteral("main");
        train.kickoffWeekday = kickoff.date().dayOfWeek();
        train.kickoffTime = QTime(kickoff.time().hour(), kickoff.time().minute());
        train.timeZone = QStringLiteral("UTC");
        train.reminderSeconds = 3600;
        const ReleaseConfig created = TrainService(*m_database, QStringLiteral("editor@a"))
                                          .create(m_seed.editorA, train)
                                          .value();
        QCOMPARE(ReleaseConfigStore(*m_database).due(m_seed.workspaceA)->size(), 1);

        for (int round = 1; round <= 2; ++round) {
            const QStringList lines = runTwoAtOnce();
            QVERIFY2(!lines.join(QLatin1Char('\n')).contains(QLatin1String("unreachable")),
                     qPrintable(lines.join(QLatin1Char('\n'))));
            const QList<Release> releases =
                ReleaseStore(*m_database).list(m_seed.workspaceA).value();
            QCOMPARE(releases.size(), 1);
            const Release& release = releases.constFirst();
            QCOMPARE(release.version, QStringLiteral("0.1.0"));
            QCOMPARE(release.configId, created.id);
            QCOMPARE(release.status, ReleaseStatus::Pending);
            QCOMPARE(release.kickoffAt, created.nextKickoffAt);
            const QList<Announcement> announced = AnnouncementStore(*m_database)
                                                      .listForRelease(m_seed.workspaceA, release.id)
                                                      .value();
            QCOMPARE(announced.size(), 1);
            QCOMPARE(announced.constFirst().status, AnnouncementStatus::Sent);
            QCOMPARE(m_slack->messagesPosted(FakeSlack::channel()), 1);
            QVERIFY2(m_slack->messages(FakeSlack::channel())
                         .constFirst()
                         .value(QStringLiteral("text"))
                         .toString()
                         .startsWith(QLatin1String("*Release 0.1.0 kicks off ")),
                     qPrintable(lines.join(QLatin1Char('\n'))));
            QCOMPARE(lines.filter(QStringLiteral("Train Weekly created 0.1.0")).size(),
                     round == 1 ? 1 : 0);
        }
    }

    void aTickCostsTheSameWhateverTheNumberOfTrains()
    {
        InMemorySecretStore secrets;
        secrets
            .write(QStringLiteral("workspace-test/connection-slack"), QStringLiteral("xoxb-test"))
            .waitForFinished();
        OrchestratorOptions options;
        options.holder = QStringLiteral("counting");
        options.actorName = QStringLiteral("orchestrator@counting");
        options.workspace = QStringLiteral("Alpha");
        options.http = fastSettings();
        Orchestrator orchestrator(*m_database, secrets, m_seed.ownerA.accountId, options);
        const auto tickCost = [&] {
            QEventLoop loop;
            QObject::connect(&orchestrator, &Orchestrator::quiescent, &loop, &QEventLoop::quit);
            const qint64 before = m_database->queryCount();
            orchestrator.runUntilQuiet();
            loop.exec();
            return m_database->queryCount() - before;
        };
        tickCost(); // takes the lease
        const qint64 none = tickCost();
        // Trains whose reminder is days away are not work: the tick's one indexed query
        // for due trains finds none of them.
        const QDateTime later = DatabaseClock::now(*m_database).value().addDays(3);
        TrainService service(*m_database, QStringLiteral("editor@a"));
        for (int i = 0; i < 25; ++i) {
            ReleaseConfig train;
            train.name = QStringLiteral("Train %1").arg(i);
            train.platforms = {Platform::Web};
            train.baseBranch = QStringLiteral("main");
            train.kickoffWeekday = later.date().dayOfWeek();
            train.kickoffTime = QTime(12, 0);
            train.timeZone = QStringLiteral("Europe/Berlin");
            QVERIFY(service.create(m_seed.editorA, train).ok());
        }
        QCOMPARE(tickCost(), none);
        QVERIFY(ReleaseStore(*m_database).list(m_seed.workspaceA)->isEmpty());
        // Nothing runs, so it gives the lease back at once.
        orchestrator.stop();
    }

private:
    // Runs two orchestrators at the same moment until each is quiet; what they reported.
    QStringList runTwoAtOnce()
    {
        QSemaphore ready;
        QSemaphore go;
        QMutex mutex;
        QStringList lines;
        QList<QThread*> threads;
        for (const QString& holder : {QStringLiteral("host-one"), QStringLiteral("host-two")}) {
            threads.append(QThread::create([&, holder] {
                Database database(m_database->url());
                InMemorySecretStore secrets;
                secrets
                    .write(QStringLiteral("workspace-test/connection-slack"),
                           QStringLiteral("xoxb-test"))
                    .waitForFinished();
                OrchestratorOptions options;
                options.holder = holder;
                options.actorName = QStringLiteral("orchestrator@") + holder;
                options.tickSeconds = 1;
                options.leaseSeconds = 10;
                options.workspace = QStringLiteral("Alpha");
                options.http = fastSettings();
                Orchestrator orchestrator(database, secrets, m_seed.ownerA.accountId, options);
                QEventLoop loop;
                QObject::connect(&orchestrator, &Orchestrator::changed, &loop,
                                 [&](const QString& line) {
                                     QMutexLocker lock(&mutex);
                                     lines.append(holder + QStringLiteral(": ") + line);
                                 });
                QObject::connect(&orchestrator, &Orchestrator::quiescent, &loop, &QEventLoop::quit);
                bool stopped = false;
                QObject::connect(&orchestrator, &Orchestrator::stopped, &loop, [&] {
                    stopped = true;
                    loop.quit();
                });
                (void)database.ping();
                ready.release();
                go.acquire();
                orchestrator.runUntilQuiet();
                loop.exec();
                orchestrator.stop();
                if (!stopped)
                    loop.exec();
            }));
            threads.constLast()->start();
        }
        ready.acquire(2);
        go.release(2);
        // CTest's timeout ends a test whose orchestrators never become quiet.
        for (QThread* thread : threads) {
            thread->wait();
            delete thread;
        }
        return lines;
    }

    std::unique_ptr<Database> m_database;
    std::unique_ptr<FakeSlack> m_slack;
    StoreSeed m_seed;
};

QTEST_GUILESS_MAIN(TestTrainOrchestrators)
#include "tst_trainorchestrators.moc"
