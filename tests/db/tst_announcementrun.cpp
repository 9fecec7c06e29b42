#include "FakeProviderWorld.h"
#include "FastHttpSettings.h"
#include "OrchestratedWorkspace.h"
#include "TestBackend.h"
#include "db/Transaction.h"
#include "orchestrator/ReleaseProgression.h"
#include "store/AnnouncementStore.h"
#include "store/EventStore.h"
#include "store/ReleaseStore.h"

#include <QDeadlineTimer>
#include <QScopeGuard>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <functional>

using namespace ReleaseDeck;
using namespace ReleaseDeck::Test;

// Posting an announcement while someone else changes its release. A person's action (or a
// task's result) locks the release row, then appends its event; an announcement's worker
// finishing at that moment appends an event about the same release, whose foreign key
// needs that row. Both must go through, one after the other: on MariaDB the worker used to
// take the event sequence first and then wait for the release row while the other waited
// for the sequence — a deadlock that lost one of the two writes. MariaDB only: SQLite
// writers take the whole database, one at a time.
class TestAnnouncementRun : public QObject
{
    Q_OBJECT

private:
    static bool waitUntil(const std::function<bool()>& done, int milliseconds)
    {
        QDeadlineTimer deadline(milliseconds);
        while (!done()) {
            if (deadline.hasExpired())
                return false;
            QTest::qWait(20);
        }
        return true;
    }

    // Transactions of this database's server waiting for a lock now (MariaDB).
    static int lockWaits(Database& database)
    {
        Result<QSqlQuery> waits = database.run(QStringLiteral(
            "SELECT COUNT(*) FROM information_schema.INNODB_TRX WHERE trx_state = 'LOCK WAIT'"));
        return waits && waits->next() ? waits->value(0).toInt() : -1;
    }

private slots:
    void anAnnouncementWaitsForTheReleaseItsEventIsAbout()
    {
        QString error;
        std::unique_ptr<Database> database =
            TestBackend::database(QStringLiteral("mariadb"), QStringLiteral("announcing"), &error);
        QVERIFY2(database, qPrintable(error));
        FakeProviderWorld world;
        OrchestratedWorkspace workspace(*database);
        QVERIFY2(workspace.plant(&error), qPrintable(error));
        QVERIFY2(workspace.connect(world, QStringLiteral("slack"), &error), qPrintable(error));
        ReleaseDraft draft;
        draft.version = QStringLiteral("1.0.0");
        const Result<Release> created = workspace.createRelease(draft);
        QVERIFY(created.ok());
        // Kicked off: its kickoff announcement is due.
        QVERIFY(
            ReleaseProgression(*database, workspace.owner(), QStringLiteral("orchestrator@test"))
                .kickOff(created->id)
                .ok());

        // Someone holds the release row for a while, then appends an event and commits.
        QSemaphore locked;
        QSemaphore go;
        QString other;
        std::unique_ptr<QThread> person(QThread::create([&] {
            Transaction transaction(*database);
            if (!transaction.begun()) {
                other = transaction.begun().error().message;
                locked.release();
                return;
            }
            Result<Release> held =
                ReleaseStore(*database).lock(workspace.workspaceId(), created->id);
            locked.release();
            go.acquire();
            Event event;
            event.releaseId = created->id;
            event.accountId = workspace.owner().accountId;
            event.actor = QStringLiteral("owner@acme");
            event.kind = QStringLiteral("release.noted");
            event.message = QStringLiteral("Looked at 1.0.0.");
            Result<qint64> appended = held ? EventStore(*database).append(workspace.owner(), event)
                                           : Result<qint64>(held.error());
            Status committed = appended ? transaction.commit() : Status(appended.error());
            other = committed ? QStringLiteral("committed") : committed.error().message;
        }));
        person->start();
        const auto release = qScopeGuard([&] {
            if (go.available() == 0 && person->isRunning())
                go.release();
            person->wait();
        });
        locked.acquire();

        workspace.startOrchestrator(3600, 30, fastSettings());
        QVERIFY2(waitUntil([&] { return world.slack().messagesPosted() >= 1; }, 20000),
                 qPrintable(workspace.lines().join(QLatin1Char('\n'))));
        // The worker is now writing what it posted: wait until it waits for a lock.
        QVERIFY(waitUntil([&] { return lockWaits(*database) >= 1; }, 10000));
        go.release();
        QVERIFY(person->wait(30000));
        QCOMPARE(other, QStringLiteral("committed"));

        AnnouncementStore announcements(*database);
        QVERIFY2(
            waitUntil(
                [&] {
                    const QList<Announcement> list =
                        announcements.listForRelease(workspace.workspaceId(), created->id).value();
                    return !list.isEmpty() &&
                           std::all_of(list.cbegin(), list.cend(), [](const Announcement& a) {
                               return a.status == AnnouncementStatus::Sent;
                           });
                },
                20000),
            qPrintable(workspace.lines().join(QLatin1Char('\n'))));
        QVERIFY(workspace.stopOrchestrator());
        const QString lines = workspace.lines().join(QLatin1Char('\n'));
        QVERIFY2(!lines.contains(QLatin1String("busy")), qPrintable(lines));
        const int sent =
            int(announcements.listForRelease(workspace.workspaceId(), created->id)->size());
        QCOMPARE(world.slack().messagesPosted(), sent);
    }
};

QTEST_GUILESS_MAIN(TestAnnouncementRun)
#include "tst_announcementrun.moc"
